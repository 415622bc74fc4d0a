/**
 * The only module that touches sqlite3: a small promise API over one connection. Statements from
 * concurrent callers are serialised through one queue so that a transaction is never interleaved
 * with another caller's writes.
 */
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | null;
export type SqlParams = readonly SqlValue[];

export interface RunResult {
  changes: number;
  lastId: number;
}

/** What repositories use. Inside a transaction they receive the same shape, bound to it. */
export interface Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly path: string;
  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT; any throw rolls everything back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Why a file could not serve as the app's database; hosts turn it into advice for the user. */
export class DatabaseFileError extends Error {
  readonly kind: 'not_sqlite' | 'too_new' | 'unreadable';
  readonly filePath: string;
  constructor(kind: DatabaseFileError['kind'], filePath: string, detail: string) {
    super(detail);
    this.name = 'DatabaseFileError';
    this.kind = kind;
    this.filePath = filePath;
  }
}

export interface OpenOptions {
  /** For checking a file (a backup): nothing is written, the journal mode is left as it is. */
  readOnly?: boolean;
}

/** The data is the user's alone: the file and its WAL and shared memory are 0600. */
const PRIVATE_FILE_MODE = 0o600;

export async function openDatabase(filePath: string, options: OpenOptions = {}): Promise<Database> {
  if (!options.readOnly) makePrivate(filePath);
  const raw = await openRaw(filePath, options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  const direct = bindQueryable(raw);
  try {
    // The first read is where sqlite discovers a file is not a database.
    await direct.get('PRAGMA user_version');
    if (options.readOnly) await direct.exec('PRAGMA query_only = ON;');
    else {
      await direct.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
      // SQLite gives the WAL and shared memory the file's mode; files from before this rule get it here.
      for (const companion of [`${filePath}-wal`, `${filePath}-shm`]) {
        if (existsSync(companion)) chmodSync(companion, PRIVATE_FILE_MODE);
      }
    }
  } catch (error) {
    await closeRaw(raw).catch(() => undefined);
    throw asFileError(error, filePath);
  }
  return wrapDatabase(raw, direct, filePath);
}

function wrapDatabase(raw: sqlite3.Database, direct: Queryable, filePath: string): Database {
  const queue = new SerialQueue();
  return {
    path: filePath,
    run: (sql, params) => queue.add(() => direct.run(sql, params)),
    get: (sql, params) => queue.add(() => direct.get(sql, params)),
    all: (sql, params) => queue.add(() => direct.all(sql, params)),
    exec: (sql) => queue.add(() => direct.exec(sql)),
    transaction: (work) => queue.add(() => runTransaction(direct, work)),
    close: () => queue.add(() => closeRaw(raw)),
  };
}

async function runTransaction<T>(db: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  await db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work(db);
    await db.exec('COMMIT');
    return result;
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** A new file is created 0600 before SQLite sees it (SQLite would make it 0644); an old one is tightened. */
function makePrivate(filePath: string): void {
  if (filePath === ':memory:' || filePath === '') return;
  try {
    if (existsSync(filePath)) chmodSync(filePath, PRIVATE_FILE_MODE);
    else closeSync(openSync(filePath, 'wx', PRIVATE_FILE_MODE));
  } catch {
    // A folder that does not exist or cannot be written: opening reports it in the user's words.
  }
}

function openRaw(filePath: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(filePath, mode, (error) => {
      if (error) reject(new DatabaseFileError('unreadable', filePath, error.message));
      else resolve(db);
    });
  });
}

function closeRaw(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

function bindQueryable(db: sqlite3.Database): Queryable {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        db.run(sql, params, function onRun(this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ changes: this.changes, lastId: this.lastID });
        });
      }),
    get: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        db.get(sql, params, (error: Error | null, row: T | undefined) => (error ? reject(error) : resolve(row)));
      }),
    all: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T[]>((resolve, reject) => {
        db.all(sql, params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)));
      }),
    exec: (sql) =>
      new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve()))),
  };
}

function asFileError(error: unknown, filePath: string): DatabaseFileError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DatabaseFileError('not_sqlite', filePath, message);
  }
  return new DatabaseFileError('unreadable', filePath, message);
}

/** Runs tasks one at a time, in the order they were added. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  add<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
