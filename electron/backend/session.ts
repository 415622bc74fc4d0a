/**
 * The open database and everything that replaces it: start-up (backup, migrate, demo) and restore.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../data/connection.ts';
import { createBackup, pruneBackups, replaceDatabaseFile, type BackupFileInfo } from '../../data/backup.ts';
import { assertSchemaNotNewer, migrate } from '../../data/migrations/index.ts';
import { seedDemoCentre } from '../../data/demo/seed.ts';
import { seedDemoCost } from '../../data/demo/cost.ts';
import { ensureBuiltInCalendar } from './calendar-service.ts';
import { seedDemoDutyContract, seedDemoPunches } from './attendance/demo.ts';
import { seedDemoDemand } from './demand/demo.ts';
import { todayOf, type Clock } from './clock.ts';
import { ExclusiveGate } from './gate.ts';
import type { DataPaths } from './paths.ts';

export interface SessionOptions {
  paths: DataPaths;
  clock: Clock;
  /** How many backups to keep; older ones are deleted after each new one. */
  keepBackups: number;
  /** Seed of the demo centre written into a new, empty file. */
  demoSeed?: number;
}

export class DatabaseSession {
  private constructor(
    private database: Database,
    readonly options: SessionOptions,
    private readonly gate = new ExclusiveGate(),
  ) {}

  static async open(options: SessionOptions): Promise<DatabaseSession> {
    await mkdir(options.paths.dataDir, { recursive: true });
    const db = await prepareDatabase(options, 'startup');
    return new DatabaseSession(db, options);
  }

  /** Runs `work` with the open database; a restore waits for it and it waits for a restore. */
  use<T>(work: (db: Database) => Promise<T>): Promise<T> {
    return this.gate.shared(() => work(this.database));
  }

  backupNow(label: string): Promise<BackupFileInfo> {
    return this.use((db) => this.backupAndPrune(db, label));
  }

  /** Swaps the database for a backup, keeping a copy of the current state first. */
  restore(fileName: string): Promise<BackupFileInfo> {
    return this.gate.exclusive(async () => {
      const safetyCopy = await this.backupAndPrune(this.database, 'before-restore');
      await this.database.close();
      try {
        await replaceDatabaseFile(join(this.options.paths.backupDir, fileName), this.options.paths.dataFile);
      } finally {
        this.database = await prepareDatabase(this.options, null);
      }
      return safetyCopy;
    });
  }

  close(): Promise<void> {
    return this.gate.exclusive(() => this.database.close());
  }

  private async backupAndPrune(db: Database, label: string): Promise<BackupFileInfo> {
    const backup = await createBackup(db, this.options.paths.backupDir, this.options.clock.now(), label);
    // Never prune the copy just made, whatever `keepBackups` says.
    await pruneBackups(this.options.paths.backupDir, Math.max(1, this.options.keepBackups));
    return backup;
  }
}

/** Open, refuse what we must not touch, back up what we are about to migrate, migrate, seed. */
async function prepareDatabase(options: SessionOptions, backupLabel: string | null): Promise<Database> {
  const { dataFile, backupDir } = options.paths;
  const hadData = existsSync(dataFile) && statSync(dataFile).size > 0;
  const db = await openDatabase(dataFile);
  try {
    const version = await assertSchemaNotNewer(db);
    if (backupLabel && hadData && version > 0) {
      await createBackup(db, backupDir, options.clock.now(), backupLabel);
      await pruneBackups(backupDir, Math.max(1, options.keepBackups));
    }
    await migrate(db);
    const now = options.clock.now();
    const seeded = await seedDemoCentre(db, { seed: options.demoSeed, today: todayOf(options.clock), now: now.toISOString() });
    await db.transaction((tx) => ensureBuiltInCalendar(tx, now.toISOString()));
    if (seeded) {
      await seedDemoPunches(db, { seed: options.demoSeed, today: todayOf(options.clock), now: now.toISOString() });
      await seedDemoDutyContract(db);
      await seedDemoDemand(db, { seed: options.demoSeed, today: todayOf(options.clock) });
      await db.transaction((tx) => seedDemoCost(tx, now.toISOString()));
    }
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
