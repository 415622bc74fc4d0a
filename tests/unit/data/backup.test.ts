import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../data/connection.ts';
import { createBackup, isBackupFileName, listBackups, pruneBackups, replaceDatabaseFile } from '../../../data/backup.ts';
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
