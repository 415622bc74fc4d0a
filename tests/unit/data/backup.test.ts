import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../data/connection.ts';
import {
  BackupCheckError,
  checkDatabaseFile,
  createBackup,
  describeBackupProblem,
  isBackupFileName,
  listBackups,
  pruneBackups,
  removeTemporaryFiles,
  replaceDatabaseFile,
} from '../../../data/backup.ts';
import { LATEST_SCHEMA_VERSION } from '../../../data/migrations/index.ts';
import { withTempDir } from '../../support/temp.ts';

describe('backups', () => {
  it('copy the database, list newest first and keep only the newest N', () =>
    withTempDir(async (dir) => {
      const db = await openDatabase(join(dir, 'centre.sqlite3'));
      await db.exec('CREATE TABLE t (n INTEGER) STRICT; INSERT INTO t VALUES (1);');
      const backups = join(dir, 'backups');
      for (let minute = 0; minute < 5; minute += 1) await createBackup(db, backups, new Date(2026, 10, 22, 9, minute), 'startup');
      await writeFile(join(backups, 'notes.txt'), 'not a backup');
      const listed = await listBackups(backups);
      expect(listed.map((b) => b.fileName)).toEqual([4, 3, 2, 1, 0].map((m) => `centre-20261122-090${m}00-000-startup.sqlite3`));
      expect(listed[0]?.createdAt).toBe(new Date(2026, 10, 22, 9, 4).toISOString());
      expect(await pruneBackups(backups, 2)).toHaveLength(3);
      expect((await listBackups(backups)).map((b) => b.fileName)).toHaveLength(2);
      await db.close();
    }));

  it('never collide when two are taken in the same millisecond', () =>
    withTempDir(async (dir) => {
      const db = await openDatabase(join(dir, 'centre.sqlite3'));
      const moment = new Date(2026, 10, 22, 9, 0);
      const first = await createBackup(db, dir, moment, 'manual');
      const second = await createBackup(db, dir, moment, 'manual');
      expect(first.fileName).not.toBe(second.fileName);
      await db.close();
    }));

  it('hold the data as it was and can be put back in place', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'centre.sqlite3');
      let db = await openDatabase(path);
      await db.exec('CREATE TABLE t (n INTEGER) STRICT; INSERT INTO t VALUES (1);');
      const backup = await createBackup(db, join(dir, 'b'), new Date(), 'manual');
      await db.run('INSERT INTO t VALUES (2)');
      await db.close();
      await replaceDatabaseFile(join(dir, 'b', backup.fileName), path);
      db = await openDatabase(path);
      expect(await db.all('SELECT n FROM t')).toEqual([{ n: 1 }]);
      await db.close();
    }));

  it('recognise only their own file names', () => {
    expect(isBackupFileName('centre-20261122-090000-000-manual.sqlite3')).toBe(true);
    expect(isBackupFileName('centre.sqlite3')).toBe(false);
    expect(isBackupFileName('../centre-20261122-090000-000-manual.sqlite3')).toBe(false);
  });
});

describe('backup checks', () => {
  async function databaseWithRows(path: string) {
    const db = await openDatabase(path);
    await db.exec('CREATE TABLE t (n INTEGER, s TEXT) STRICT; PRAGMA user_version = 1;');
    await db.run("INSERT INTO t SELECT value, printf('%0500d', value) FROM generate_series(1, 2000)").catch(async () => {
      for (let n = 0; n < 2000; n += 1) await db.run('INSERT INTO t VALUES (?, ?)', [n, 'x'.repeat(500)]);
    });
    return db;
  }

  it('refuse a 0-byte file, a file that is not SQLite, a damaged one and one from a newer version, each with its reason', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'empty.sqlite3'), '');
      await writeFile(join(dir, 'text.sqlite3'), 'name,phone\n'.repeat(100));
      const db = await databaseWithRows(join(dir, 'live.sqlite3'));
      const good = await createBackup(db, join(dir, 'b'), new Date(2026, 10, 22), 'manual');
      await db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      const newer = await createBackup(db, join(dir, 'b'), new Date(2026, 10, 23), 'manual').catch((error: unknown) => error);
      await db.close();
      const damaged = join(dir, 'damaged.sqlite3');
      const bytes = await readFile(join(dir, 'b', good.fileName));
      bytes.fill(0x5a, 4096 * 3, 4096 * 6);
      await writeFile(damaged, bytes);
      const kind = (path: string) => checkDatabaseFile(path, { requireData: true }).then(() => 'ok', (error: BackupCheckError) => error.kind);
      expect(await kind(join(dir, 'empty.sqlite3'))).toBe('empty');
      expect(await kind(join(dir, 'text.sqlite3'))).toBe('not_sqlite');
      expect(await kind(damaged)).toBe('damaged');
      expect(await kind(join(dir, 'missing.sqlite3'))).toBe('missing');
      expect(await kind(join(dir, 'b', good.fileName))).toBe('ok');
      // A copy that fails its check is deleted and never listed.
      expect(newer).toBeInstanceOf(BackupCheckError);
      expect((newer as BackupCheckError).kind).toBe('too_new');
      expect((await listBackups(join(dir, 'b'))).map((b) => b.fileName)).toEqual([good.fileName]);
      expect(await readdir(join(dir, 'b'))).toEqual([good.fileName]);
      expect(describeBackupProblem('damaged').zh).toBe('备份文件已损坏（完整性检查未通过）');
    }));

  it('never list a half-written copy, and clear it away at the next start', () =>
    withTempDir(async (dir) => {
      const db = await databaseWithRows(join(dir, 'live.sqlite3'));
      const good = await createBackup(db, dir, new Date(2026, 10, 22), 'manual');
      await db.close();
      await writeFile(join(dir, `.incoming-${good.fileName.replace('22-', '23-')}-123.tmp`), 'half');
      await writeFile(join(dir, '.incoming-centre.sqlite3-9.tmp-wal'), 'half');
      expect((await listBackups(dir)).map((b) => b.fileName)).toEqual([good.fileName]);
      expect(await removeTemporaryFiles(dir)).toHaveLength(2);
      expect((await readdir(dir)).filter((name) => name.startsWith('.incoming-'))).toEqual([]);
    }));

  it('are the user\'s alone: 0600 files in a 0700 folder, the live file and its WAL too', () =>
    withTempDir(async (dir) => {
      const db = await databaseWithRows(join(dir, 'live.sqlite3'));
      const backup = await createBackup(db, join(dir, 'b'), new Date(2026, 10, 22), 'manual');
      const mode = async (path: string) => (await stat(path)).mode & 0o777;
      expect(await mode(join(dir, 'b'))).toBe(0o700);
      expect(await mode(join(dir, 'b', backup.fileName))).toBe(0o600);
      expect(await mode(join(dir, 'live.sqlite3'))).toBe(0o600);
      expect(await mode(join(dir, 'live.sqlite3-wal'))).toBe(0o600);
      await db.close();
    }));

  it('spare the names a restore protects when pruning', () =>
    withTempDir(async (dir) => {
      const db = await databaseWithRows(join(dir, 'live.sqlite3'));
      for (let minute = 0; minute < 4; minute += 1) await createBackup(db, dir, new Date(2026, 10, 22, 9, minute), 'startup');
      await db.close();
      const oldest = 'centre-20261122-090000-000-startup.sqlite3';
      expect(await pruneBackups(dir, 3, [oldest])).toEqual([]);
      expect((await listBackups(dir)).map((b) => b.fileName)).toContain(oldest);
    }));
});
