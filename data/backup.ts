/**
 * Rotating copies of the database file, and the one way a database file is replaced.
 *
 * A backup is taken with VACUUM INTO (a consistent snapshot read through SQLite, WAL included)
 * into a temporary name that the list never shows; it is fsynced, opened and checked, and only
 * then renamed into the list. A crash at any instant leaves either no new backup or a whole,
 * checked one; a temporary leftover is removed at the next start.
 */
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { format, parse } from 'date-fns';
import { openDatabase, type Database } from './connection.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

export interface BackupFileInfo {
  fileName: string;
  createdAt: string;
  sizeBytes: number;
}

const STAMP_FORMAT = 'yyyyMMdd-HHmmss-SSS';
const BACKUP_NAME = /^centre-(\d{8}-\d{6}-\d{3})-([a-z-]+)\.sqlite3$/;
/** Work in progress: a backup being written, or a database file being put in place. Never listed. */
const TEMPORARY_NAME = /^\.incoming-.*\.tmp(-wal|-shm|-journal)?$/;
const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Files and folders of the data are the user's alone. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Why a file cannot serve as a backup, in words a user can act on. */
export type BackupProblemKind = 'missing' | 'empty' | 'not_sqlite' | 'damaged' | 'too_new' | 'no_data';

export class BackupCheckError extends Error {
  readonly kind: BackupProblemKind;
  readonly filePath: string;
  constructor(kind: BackupProblemKind, filePath: string, detail: string) {
    super(detail);
    this.name = 'BackupCheckError';
    this.kind = kind;
    this.filePath = filePath;
  }
}

/** What the user is told, Chinese first, English second. */
export function describeBackupProblem(kind: BackupProblemKind): { zh: string; en: string } {
  switch (kind) {
    case 'missing':
      return { zh: '备份文件不存在', en: 'the backup file does not exist' };
    case 'empty':
      return { zh: '备份文件是空的（0 字节）', en: 'the backup file is empty (0 bytes)' };
    case 'not_sqlite':
      return { zh: '备份文件不是本软件的数据库文件', en: 'the backup file is not a database of this app' };
    case 'damaged':
      return { zh: '备份文件已损坏（完整性检查未通过）', en: 'the backup file is damaged (the integrity check failed)' };
    case 'too_new':
      return { zh: '备份文件由更新版本的本软件创建，当前版本无法使用', en: 'the backup was written by a newer version of this app' };
    case 'no_data':
      return { zh: '备份文件中没有数据', en: 'the backup file holds no data' };
  }
}

export interface CheckOptions {
  /** A file to restore must hold our schema (user_version ≥ 1), not just be a sound SQLite file. */
  requireData?: boolean;
}

/**
 * Opens `path` read-only and checks it: not empty, an SQLite file, `PRAGMA integrity_check` ok,
 * schema version not newer than this app's. Throws BackupCheckError with the reason; changes nothing.
 */
export async function checkDatabaseFile(path: string, options: CheckOptions = {}): Promise<{ schemaVersion: number }> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new BackupCheckError('missing', path, 'no such file');
  if (info.size === 0) throw new BackupCheckError('empty', path, '0 bytes');
  if ((await readHeader(path)) !== SQLITE_HEADER) throw new BackupCheckError('not_sqlite', path, 'no SQLite header');
  let db: Database;
  try {
    db = await openDatabase(path, { readOnly: true });
  } catch (error) {
    throw new BackupCheckError('not_sqlite', path, (error as Error).message);
  }
  try {
    const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check').catch((error: Error) => {
      throw new BackupCheckError('damaged', path, error.message);
    });
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new BackupCheckError('damaged', path, rows.map((row) => row.integrity_check).slice(0, 5).join('; '));
    }
    const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    if (version > LATEST_SCHEMA_VERSION) throw new BackupCheckError('too_new', path, `schema version ${version}`);
    if (options.requireData && version < 1) throw new BackupCheckError('no_data', path, 'schema version 0');
    return { schemaVersion: version };
  } finally {
    await db.close().catch(() => undefined);
  }
}

/** Creates `dir` readable by the user only (and tightens it if it was there already). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE).catch(() => undefined);
}

export async function createBackup(db: Database, dir: string, now: Date, label: string): Promise<BackupFileInfo> {
  await ensurePrivateDir(dir);
  const fileName = await freeName(dir, now, label);
  const temporary = join(dir, temporaryName(fileName));
  try {
    // VACUUM INTO accepts an empty file: made first so the copy is born private.
    await (await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, PRIVATE_FILE_MODE)).close();
    await db.run('VACUUM INTO ?', [temporary]);
    await fsyncFile(temporary);
    await checkDatabaseFile(temporary);
    await rename(temporary, join(dir, fileName));
    await fsyncDir(dir);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return describe(dir, fileName);
}

/** Newest first. Files that are not ours (and unfinished ones) are left alone and not listed. */
export async function listBackups(dir: string): Promise<BackupFileInfo[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ours = names.filter((name) => BACKUP_NAME.test(name)).sort().reverse();
  const described = await Promise.all(ours.map((name) => describe(dir, name).catch(() => null)));
  return described.filter((info): info is BackupFileInfo => info !== null);
}

/** The newest backup that passes the restore check, or null. */
export async function newestGoodBackup(dir: string): Promise<BackupFileInfo | null> {
  for (const backup of await listBackups(dir)) {
    const good = await checkDatabaseFile(join(dir, backup.fileName), { requireData: true }).then(() => true, () => false);
    if (good) return backup;
  }
  return null;
}

/**
 * Keeps the newest `keep` backups and deletes the rest, except the names in `protect` (a restore's
 * safety copy and the file it restores), which are never deleted by this call.
 */
export async function pruneBackups(dir: string, keep: number, protect: readonly string[] = []): Promise<string[]> {
  const all = await listBackups(dir);
  const doomed = all.slice(keep).map((backup) => backup.fileName).filter((name) => !protect.includes(name));
  await Promise.all(doomed.map((name) => rm(join(dir, name), { force: true })));
  return doomed;
}

/** Removes what a crash left half-written in `dir` (an unfinished backup or database copy). */
export async function removeTemporaryFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const leftovers = names.filter((name) => TEMPORARY_NAME.test(name));
  await Promise.all(leftovers.map((name) => rm(join(dir, name), { force: true })));
  return leftovers;
}

/** A temporary file beside `finalPath`, named so that no listing takes it for a finished file. */
export function temporaryPathBeside(finalPath: string): string {
  return join(dirname(finalPath), temporaryName(basename(finalPath)));
}

/**
 * Copies `source` to a temporary file beside `dbPath` and fsyncs it: the first half of replacing
 * a database file. The caller may change the copy (it is an ordinary database file) and then
 * calls `moveIntoPlace`.
 */
export async function stageCopy(source: string, dbPath: string): Promise<string> {
  const staging = temporaryPathBeside(dbPath);
  await rm(staging, { force: true });
  await copyFile(source, staging);
  await chmod(staging, PRIVATE_FILE_MODE);
  await fsyncFile(staging);
  return staging;
}

/**
 * Renames a staged file over the database file. The caller has closed the database after a full
 * checkpoint, so its WAL holds nothing the file lacks. At every instant either the old file
 * (complete, its WAL empty) or the new one is on disk; the old WAL and shared memory are removed
 * only once the rename is durable, so a crash can never replay them onto the new file.
 */
export async function moveIntoPlace(staging: string, dbPath: string): Promise<void> {
  await fsyncFile(staging);
  await rename(staging, dbPath);
  await fsyncDir(dirname(dbPath));
  await rm(`${dbPath}-wal`, { force: true });
  await rm(`${dbPath}-shm`, { force: true });
  await fsyncDir(dirname(dbPath));
}

/** Puts a copy of `backupPath` in place of the database file; the caller has closed the database. */
export async function replaceDatabaseFile(backupPath: string, dbPath: string): Promise<void> {
  const staging = await stageCopy(backupPath, dbPath);
  try {
    await moveIntoPlace(staging, dbPath);
  } catch (error) {
    await rm(staging, { force: true });
    throw error;
  }
}

/**
 * Accounts, sessions and the sharing switch come back as they are now, not as the backup had
 * them: a restore must never re-admit a revoked session, bring back an old password or a lock
 * that was lifted, or switch sharing on. Copies them from the live file into `staging` (at the
 * same schema version) in one transaction, before the staged file goes live.
 */
export async function carrySecurityState(staging: Database, livePath: string): Promise<void> {
  await staging.run("ATTACH DATABASE ? AS live", [livePath]);
  try {
    await staging.transaction(async (tx) => {
      await tx.run('DELETE FROM main.sessions');
      await tx.run('DELETE FROM main.accounts');
      await tx.run('INSERT INTO main.accounts SELECT * FROM live.accounts');
      await tx.run('INSERT INTO main.sessions SELECT * FROM live.sessions');
      await tx.run("DELETE FROM main.settings WHERE key = 'sharing'");
      await tx.run("INSERT INTO main.settings SELECT * FROM live.settings WHERE key = 'sharing'");
    });
  } finally {
    await staging.run('DETACH DATABASE live');
  }
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

function temporaryName(fileName: string): string {
  return `.incoming-${fileName}-${process.pid}.tmp`;
}

async function readHeader(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable. Windows cannot open a folder for syncing; its renames are journalled. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
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
