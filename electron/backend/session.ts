/**
 * The open database and everything that replaces it: start-up (backup, migrate, demo) and restore.
 */
import { chmod, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../data/connection.ts';
import {
  BackupCheckError,
  carrySecurityState,
  checkDatabaseFile,
  createBackup,
  ensurePrivateDir,
  listBackups,
  moveIntoPlace,
  newestGoodBackup,
  PRIVATE_FILE_MODE,
  pruneBackups,
  removeTemporaryFiles,
  replaceDatabaseFile,
  stageCopy,
  type BackupFileInfo,
} from '../../data/backup.ts';
import { assertSchemaNotNewer, migrate } from '../../data/migrations/index.ts';
import { fillDemoCentre } from '../../data/demo/seed.ts';
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

/**
 * The data file is missing or empty but backups exist: the data was lost (a crash, a deleted
 * file), this is not a new install. Nothing is seeded and no first-run account is offered; the
 * host says so and offers the newest good backup.
 */
export class LostDataError extends Error {
  constructor(
    readonly dataFile: string,
    readonly backupDir: string,
    /** The newest backup that passed its check, or null when none did. */
    readonly newestGood: BackupFileInfo | null,
  ) {
    super(`the data file ${dataFile} is missing or empty while backups exist`);
    this.name = 'LostDataError';
  }
}

export class DatabaseSession {
  private constructor(
    private database: Database,
    readonly options: SessionOptions,
    private readonly gate = new ExclusiveGate(),
  ) {}

  static async open(options: SessionOptions): Promise<DatabaseSession> {
    await tidyDataFolder(options.paths);
    const lost = await lostData(options.paths);
    if (lost) throw lost;
    const db = await prepareDatabase(options, 'startup');
    return new DatabaseSession(db, options);
  }

  /** Runs `work` with the open database; a restore waits for it and it waits for a restore. */
  use<T>(work: (db: Database) => Promise<T>): Promise<T> {
    return this.gate.shared(() => work(this.database));
  }

  backupNow(label: string): Promise<BackupFileInfo> {
    return this.use((db) => this.backupAndPrune(db, label, []));
  }

  /**
   * Swaps the database for a backup, keeping a checked copy of the current state first. The
   * chosen file is checked before anything is touched; the new file is staged beside the data
   * file with today's accounts and sessions, then renamed into place. Any failure before the
   * rename leaves the app on its old database; a failure to open the new one puts the safety
   * copy back.
   */
  restore(fileName: string): Promise<BackupFileInfo> {
    return this.gate.exclusive(async () => {
      const { backupDir, dataFile } = this.options.paths;
      const chosen = join(backupDir, fileName);
      await checkDatabaseFile(chosen, { requireData: true });
      const safetyCopy = await this.backupAndPrune(this.database, 'before-restore', [fileName]);
      const staging = await stageCopy(chosen, dataFile);
      try {
        const staged = await openDatabase(staging);
        try {
          await migrate(staged);
          await carrySecurityState(staged, dataFile);
        } finally {
          await staged.close();
        }
        await checkDatabaseFile(staging, { requireData: true });
        await this.closeCheckpointed();
      } catch (error) {
        await rm(staging, { force: true });
        await rm(`${staging}-wal`, { force: true });
        await rm(`${staging}-shm`, { force: true });
        // The live connection may already be closed (a failed checkpoint): reopen it as it was.
        this.database = await this.reopenIfClosed();
        throw error;
      }
      try {
        await moveIntoPlace(staging, dataFile);
        this.database = await prepareDatabase(this.options, null);
      } catch (error) {
        await replaceDatabaseFile(join(backupDir, safetyCopy.fileName), dataFile);
        this.database = await prepareDatabase(this.options, null);
        throw error;
      } finally {
        this.closed = false;
      }
      return safetyCopy;
    });
  }

  close(): Promise<void> {
    return this.gate.exclusive(() => this.database.close());
  }

  private closed = false;

  /** Closes after folding the WAL into the file, so the file alone is the whole database. */
  private async closeCheckpointed(): Promise<void> {
    const result = await this.database.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
    if (result && result.busy !== 0) throw new Error('the database is busy: its journal could not be folded in');
    this.closed = true;
    await this.database.close();
  }

  private async reopenIfClosed(): Promise<Database> {
    if (!this.closed) return this.database;
    const reopened = await prepareDatabase(this.options, null);
    this.closed = false;
    return reopened;
  }

  private async backupAndPrune(db: Database, label: string, protect: readonly string[]): Promise<BackupFileInfo> {
    const backup = await createBackup(db, this.options.paths.backupDir, this.options.clock.now(), label);
    // Never prune the copy just made (nor the file a restore is about to read), whatever `keepBackups` says.
    await pruneBackups(this.options.paths.backupDir, Math.max(1, this.options.keepBackups), [backup.fileName, ...protect]);
    return backup;
  }
}

/** Whether the database file holds nothing (missing, or 0 bytes). */
async function isEmptyDataFile(dataFile: string): Promise<boolean> {
  const info = await stat(dataFile).catch(() => null);
  return !info || info.size === 0;
}

async function lostData(paths: DataPaths): Promise<LostDataError | null> {
  if (!(await isEmptyDataFile(paths.dataFile))) return null;
  if ((await listBackups(paths.backupDir)).length === 0) return null;
  return new LostDataError(paths.dataFile, paths.backupDir, await newestGoodBackup(paths.backupDir));
}

/**
 * The way out of LostDataError: puts the newest good backup in place of a missing or empty data
 * file. It refuses to run over a data file that holds anything, and reads only checked backups
 * from the backups folder, so it cannot be used to overwrite data.
 */
export async function restoreNewestBackupOverLostData(paths: DataPaths): Promise<BackupFileInfo> {
  await tidyDataFolder(paths);
  if (!(await isEmptyDataFile(paths.dataFile))) {
    throw new BackupCheckError('missing', paths.dataFile, 'the data file holds data: nothing to recover');
  }
  const newest = await newestGoodBackup(paths.backupDir);
  if (!newest) throw new BackupCheckError('missing', paths.backupDir, 'no backup passed its check');
  // A 0-byte file's WAL (if any) would be replayed onto the backup: it goes with the file.
  await rm(`${paths.dataFile}-wal`, { force: true });
  await rm(`${paths.dataFile}-shm`, { force: true });
  await replaceDatabaseFile(join(paths.backupDir, newest.fileName), paths.dataFile);
  return newest;
}

/** Private folders and files; what a crash left half-written goes. */
async function tidyDataFolder(paths: DataPaths): Promise<void> {
  await ensurePrivateDir(paths.dataDir);
  await removeTemporaryFiles(paths.dataDir);
  const backups = await listBackups(paths.backupDir);
  if (backups.length > 0 || (await stat(paths.backupDir).catch(() => null))) {
    await ensurePrivateDir(paths.backupDir);
    await removeTemporaryFiles(paths.backupDir);
    await Promise.all(backups.map((backup) => chmod(join(paths.backupDir, backup.fileName), PRIVATE_FILE_MODE).catch(() => undefined)));
  }
}

/** Open, refuse what we must not touch, back up what we are about to migrate, migrate, seed. */
async function prepareDatabase(options: SessionOptions, backupLabel: string | null): Promise<Database> {
  const { dataFile, backupDir } = options.paths;
  const hadData = !(await isEmptyDataFile(dataFile));
  const db = await openDatabase(dataFile);
  try {
    const version = await assertSchemaNotNewer(db);
    if (backupLabel && hadData && version > 0) {
      const backup = await createBackup(db, backupDir, options.clock.now(), backupLabel);
      await pruneBackups(backupDir, Math.max(1, options.keepBackups), [backup.fileName]);
    }
    await migrate(db);
    const now = options.clock.now().toISOString();
    const today = todayOf(options.clock);
    // The whole demo in one transaction: a crash mid-seed leaves an empty file or a whole demo.
    await db.transaction(async (tx) => {
      await ensureBuiltInCalendar(tx, now);
      if (!(await fillDemoCentre(tx, { seed: options.demoSeed, today, now }))) return;
      await seedDemoPunches(tx, { seed: options.demoSeed, today, now });
      await seedDemoDutyContract(tx);
      await seedDemoDemand(tx, { seed: options.demoSeed, today });
      await seedDemoCost(tx, now);
    });
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
