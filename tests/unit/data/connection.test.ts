import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseFileError, openDatabase } from '../../../data/connection.ts';
import { withTempDir } from '../../support/temp.ts';

describe('connection', () => {
  it('turns a file that is not SQLite into a DatabaseFileError', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'centre.sqlite3');
      await writeFile(path, 'name,phone\n张三,13800138000\n'.repeat(200));
      const error = await openDatabase(path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseFileError);
      expect((error as DatabaseFileError).kind).toBe('not_sqlite');
    }));

  it('opens with foreign keys on and the WAL journal', () =>
    withTempDir(async (dir) => {
      const db = await openDatabase(join(dir, 'a.sqlite3'));
      expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      await db.close();
    }));

  it('rolls a transaction back entirely when its work throws', () =>
    withTempDir(async (dir) => {
      const db = await openDatabase(join(dir, 'a.sqlite3'));
      await db.exec('CREATE TABLE t (n INTEGER NOT NULL) STRICT');
      const failed = db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (n) VALUES (?)', [1]);
        await tx.run('INSERT INTO t (n) VALUES (?)', [null]);
      });
      await expect(failed).rejects.toThrow(/NOT NULL/);
      expect(await db.all('SELECT n FROM t')).toEqual([]);
      await db.close();
    }));

  it('keeps other callers out of a transaction while it runs', () =>
    withTempDir(async (dir) => {
      const db = await openDatabase(join(dir, 'a.sqlite3'));
      await db.exec('CREATE TABLE t (n INTEGER NOT NULL) STRICT');
      const seen: number[] = [];
      const slow = db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (n) VALUES (1)');
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('abandon');
      });
      const outsider = db.all<{ n: number }>('SELECT n FROM t').then((rows) => seen.push(rows.length));
      await expect(slow).rejects.toThrow('abandon');
      await outsider;
      // The outsider ran after the rollback, so it never saw the half-done row.
      expect(seen).toEqual([0]);
      await db.close();
    }));

  it('binds parameters rather than splicing text', () =>
    withTempDir(async (dir) => {
      const db = await openDatabase(join(dir, 'a.sqlite3'));
      await db.exec('CREATE TABLE t (s TEXT NOT NULL) STRICT');
      const hostile = "x'); DROP TABLE t; --";
      await db.run('INSERT INTO t (s) VALUES (?)', [hostile]);
      expect(await db.all('SELECT s FROM t')).toEqual([{ s: hostile }]);
      await db.close();
    }));
});
