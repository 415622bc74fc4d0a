import { writeFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../data/connection.ts';
import { LATEST_SCHEMA_VERSION } from '../../../data/migrations/index.ts';
import { describeStartupProblem } from '../../../electron/backend/startup-problem.ts';
import { dataPaths } from '../../../electron/backend/paths.ts';
import { ask, openTestBackend } from '../../support/backend.ts';
import { draftStaff } from '../../support/people.ts';
import { withTempDir } from '../../support/temp.ts';

describe('database session', () => {
  it('creates the demo centre on first start, without a backup of nothing', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir);
      expect((await ask(backend, 'centre/get', {})).nameZh).toBe('示范市政务服务中心');
      expect(await ask(backend, 'backup/list', {})).toEqual([]);
      expect((await ask(backend, 'app/info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      await backend.close();
    }));

  it('backs up the file at every later start and keeps the newest N', () =>
    withTempDir(async (dir) => {
      for (let start = 0; start < 4; start += 1) {
        const backend = await openTestBackend(dir, `2026-11-22T10:0${start}:00`, 2);
        await backend.close();
      }
      const backend = await openTestBackend(dir, '2026-11-22T10:09:00', 2);
      const names = (await ask(backend, 'backup/list', {})).map((b) => b.fileName);
      expect(names).toEqual(['centre-20261122-100900-000-startup.sqlite3', 'centre-20261122-100300-000-startup.sqlite3']);
      await backend.close();
    }));

  it('restores a backup, keeping a copy of what it replaced', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir);
      const before = await ask(backend, 'backup/create', {});
      const created = await ask(backend, 'staff/create', { staff: draftStaff() });
      const result = await ask(backend, 'backup/restore', { fileName: before.fileName });
      expect(result.restoredFrom).toBe(before.fileName);
      expect(result.safetyCopy.fileName).toMatch(/before-restore/);
      expect((await ask(backend, 'staff/list', {})).some((row) => row.id === created.id)).toBe(false);
      // The safety copy holds the person the restore removed.
      await ask(backend, 'backup/restore', { fileName: result.safetyCopy.fileName });
      expect((await ask(backend, 'staff/get', { id: created.id })).employeeNo).toBe('T0001');
      await backend.close();
    }));

  it('refuses to restore a file that is not one of its backups', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir);
      const envelope = await backend.dispatch('backup/restore', { fileName: 'centre-20200101-000000-000-manual.sqlite3' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await backend.close();
    }));

  it('lets calls made during a restore wait and then see the restored data', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir);
      const before = await ask(backend, 'backup/create', {});
      await ask(backend, 'staff/create', { staff: draftStaff() });
      // The restore holds the gate from its first step; the listing arrives after that.
      const restoring = backend.context.session.restore(before.fileName);
      const listing = ask(backend, 'staff/list', {});
      await restoring;
      expect((await listing).some((row) => row.employeeNo === 'T0001')).toBe(false);
      await backend.close();
    }));

  it('remembers the language across restarts', () =>
    withTempDir(async (dir) => {
      let backend = await openTestBackend(dir);
      expect(await ask(backend, 'settings/get', {})).toEqual({ language: 'zh-CN' });
      await ask(backend, 'settings/setLanguage', { language: 'en' });
      await backend.close();
      backend = await openTestBackend(dir);
      expect(await ask(backend, 'settings/get', {})).toEqual({ language: 'en' });
      await backend.close();
    }));

  it('refuses a file that is not SQLite with advice, and leaves it untouched', () =>
    withTempDir(async (dir) => {
      const { dataFile, backupDir } = dataPaths(dir);
      await writeFile(dataFile, 'PK\u0003\u0004 this is a spreadsheet, not a database'.repeat(50));
      const error = await openTestBackend(dir).catch((caught: unknown) => caught);
      const advice = describeStartupProblem(error, backupDir);
      expect(advice).toContain('不是 SQLite 数据库');
      expect(advice).toContain('is not an SQLite database');
      expect(await readdir(dir)).toEqual(['centre.sqlite3']);
    }));

  it('refuses a file from a newer version with advice, without backing up or migrating it', () =>
    withTempDir(async (dir) => {
      const { dataFile, backupDir } = dataPaths(dir);
      const db = await openDatabase(dataFile);
      await db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5}`);
      await db.close();
      const error = await openTestBackend(dir).catch((caught: unknown) => caught);
      expect(describeStartupProblem(error, backupDir)).toContain('newer version');
      const reopened = await openDatabase(dataFile);
      expect(await reopened.get('PRAGMA user_version')).toEqual({ user_version: LATEST_SCHEMA_VERSION + 5 });
      await reopened.close();
      expect(await readdir(dir).then((names) => names.includes('backups'))).toBe(false);
    }));
});
