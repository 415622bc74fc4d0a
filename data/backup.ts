/**
 * Rotating copies of the database file. A copy is taken with VACUUM INTO, which reads a
 * consistent snapshot through SQLite (WAL included) rather than copying bytes of a live file.
 */
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { format, parse } from 'date-fns';
import type { Database } from './connection.ts';

export interface BackupFileInfo {
  fileName: string;
  createdAt: string;
  sizeBytes: number;
}

const STAMP_FORMAT = 'yyyyMMdd-HHmmss-SSS';
const BACKUP_NAME = /^centre-(\d{8}-\d{6}-\d{3})-([a-z-]+)\.sqlite3$/;

export async function createBackup(db: Database, dir: string, now: Date, label: string): Promise<BackupFileInfo> {
  await mkdir(dir, { recursive: true });
  const fileName = await freeName(dir, now, label);
  await db.run('VACUUM INTO ?', [join(dir, fileName)]);
  return describe(dir, fileName);
}

/** Newest first. Files that are not ours are left alone and not listed. */
export async function listBackups(dir: string): Promise<BackupFileInfo[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ours = names.filter((name) => BACKUP_NAME.test(name)).sort().reverse();
  return Promise.all(ours.map((name) => describe(dir, name)));
}

/** Keeps the newest `keep` backups and deletes the rest. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const all = await listBackups(dir);
  const doomed = all.slice(keep).map((backup) => backup.fileName);
  await Promise.all(doomed.map((name) => rm(join(dir, name), { force: true })));
  return doomed;
}

/**
 * Puts a backup in place of the database file. The caller must have closed the database; the
 * WAL and shared-memory files of the old file are removed so they cannot be replayed onto it.
 */
export async function replaceDatabaseFile(backupPath: string, dbPath: string): Promise<void> {
  await rm(`${dbPath}-wal`, { force: true });
  await rm(`${dbPath}-shm`, { force: true });
  await copyFile(backupPath, dbPath);
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

async function freeName(dir: string, now: Date, label: string): Promise<string> {
  const existing = new Set(await readdir(dir));
  let moment = now.getTime();
  let name = backupName(new Date(moment), label);
  // Two backups in the same millisecond (a restore right after start) must not collide.
  while (existing.has(name)) {
    moment += 1;
    name = backupName(new Date(moment), label);
  }
  return name;
}

function backupName(moment: Date, label: string): string {
  return `centre-${format(moment, STAMP_FORMAT)}-${label}.sqlite3`;
}

async function describe(dir: string, fileName: string): Promise<BackupFileInfo> {
  const info = await stat(join(dir, fileName));
  const stamp = BACKUP_NAME.exec(fileName)?.[1] ?? '';
  const created = parse(stamp, STAMP_FORMAT, new Date(0));
  return {
    fileName,
    createdAt: Number.isNaN(created.getTime()) ? info.mtime.toISOString() : created.toISOString(),
    sizeBytes: info.size,
  };
}
