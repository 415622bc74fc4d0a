/** Restore that cannot lose data, and a start that never mistakes lost data for a new install. */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/backend.ts';
import { fixedClock } from '../../../electron/backend/clock.ts';
import { dataPaths } from '../../../electron/backend/paths.ts';
import { LostDataError, restoreNewestBackupOverLostData } from '../../../electron/backend/session.ts';
import { describeStartupProblem } from '../../../electron/backend/startup-problem.ts';
import { ask, asNewAccount, newCaller, openTestBackend, refused, TEST_AUTH_POLICY, TEST_DISPATCHER, TEST_NOW } from '../../support/backend.ts';
import { draftStaff, validResidentId } from '../../support/people.ts';
import { withTempDir } from '../../support/temp.ts';

describe('restore', () => {
  it('refuses a damaged and a 0-byte backup with its reason, changing nothing, and the app keeps working', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir);
      const good = await ask(backend, 'backup/create', {});
      const { backupDir } = dataPaths(dir);
      const damagedName = good.fileName.replace('-manual', '-startup').replace('100000', '100001');
      const bytes = await readFile(join(backupDir, good.fileName));
      bytes.fill(0x5a, 4096 * 4, 4096 * 40);
      await writeFile(join(backupDir, damagedName), bytes);
      const emptyName = good.fileName.replace('100000', '100002');
      await writeFile(join(backupDir, emptyName), '');
      const before = await readdir(backupDir);

      const damaged = await refused(backend, 'backup/restore', { fileName: damagedName });
      expect(damaged.message).toBe('备份文件已损坏（完整性检查未通过），未做任何更改。 / The backup file is damaged (the integrity check failed); nothing was changed.');
      const empty = await refused(backend, 'backup/restore', { fileName: emptyName });
      expect(empty.message).toContain('备份文件是空的（0 字节）');
      expect(await readdir(backupDir)).toEqual(before);
      expect((await ask(backend, 'staff/list', {})).length).toBeGreaterThan(100);
      await backend.close();
    }));

  it('restores each of ten backups with the rotation full, the oldest included', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir, TEST_NOW, 10);
      const names: string[] = [];
      for (let n = 0; n < 10; n += 1) {
        await ask(backend, 'staff/create', { staff: draftStaff({ employeeNo: `R${String(n).padStart(4, '0')}`, name: `恢复${n}`, idNumber: validResidentId('1995-06-15', 'F', '330106', String(70 + n)) }) });
        names.push((await ask(backend, 'backup/create', {})).fileName);
      }
      expect(await ask(backend, 'backup/list', {})).toHaveLength(10);
      // Oldest first: each restore brings back the people up to that backup.
      for (const [n, fileName] of names.entries()) {
        // Each backup is still listed when its turn comes: no restore pruned the next one's file.
        expect((await ask(backend, 'backup/list', {})).map((b) => b.fileName)).toContain(fileName);
        const result = await ask(backend, 'backup/restore', { fileName });
        expect(result.restoredFrom).toBe(fileName);
        const numbers = (await ask(backend, 'staff/list', {})).map((row) => row.employeeNo).filter((no) => no.startsWith('R'));
        expect(numbers).toHaveLength(n + 1);
      }
      // The first (oldest) restore above must have happened: it is the case that used to fail.
      expect((await ask(backend, 'backup/list', {})).some((b) => /before-restore/.test(b.fileName))).toBe(true);
      await backend.close();
    }), 120_000);

  it('keeps accounts and sessions as they are now: a revoked session stays revoked, a new password stays', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir);
      const viewer = await asNewAccount(backend, 'viewer', { username: 'viewer1', password: 'old-pass-1' });
      const oldToken = viewer.caller.sessionToken;
      const backup = await ask(backend, 'backup/create', {});
      // After the backup: the viewer signs out (the session is revoked) and changes password.
      await ask(viewer.backend, 'auth/changePassword', { current: 'old-pass-1', next: 'new-pass-2' });
      await viewer.backend.dispatch('auth/signOut', {});
      await ask(backend, 'backup/restore', { fileName: backup.fileName });
      const stale = await backend.dispatch('staff/list', {}, { sessionToken: oldToken, remote: 'local' });
      expect(stale).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await backend.dispatch('auth/signIn', { username: 'viewer1', password: 'old-pass-1' }, newCaller())).toMatchObject({ ok: false });
      expect(await backend.dispatch('auth/signIn', { username: 'viewer1', password: 'new-pass-2' }, newCaller())).toMatchObject({ ok: true });
      // The dispatcher who restored is still signed in.
      expect((await ask(backend, 'staff/list', {})).length).toBeGreaterThan(0);
      await backend.close();
    }));
});

describe('a start on lost data', () => {
  it('refuses a missing or empty data file beside backups, seeds nothing, names the newest good backup and restores it', () =>
    withTempDir(async (dir) => {
      let backend = await openTestBackend(dir);
      const created = await ask(backend, 'staff/create', { staff: draftStaff() });
      const backup = await ask(backend, 'backup/create', {});
      await backend.close();
      const { dataFile, backupDir } = dataPaths(dir);
      await writeFile(dataFile, '');
      const options = { host: 'browser' as const, appVersion: '0', dataDir: dir, clock: fixedClock(TEST_NOW), logError: () => undefined, authPolicy: TEST_AUTH_POLICY };
      const error = await openBackend(options).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LostDataError);
      expect((error as LostDataError).newestGood?.fileName).toBe(backup.fileName);
      expect((await stat(dataFile)).size).toBe(0);
      const advice = describeStartupProblem(error, backupDir);
      expect(advice).toContain('这不是新安装');
      expect(advice).toContain(backup.fileName);
      expect(advice).toContain('This is not a new install');

      expect((await restoreNewestBackupOverLostData(dataPaths(dir))).fileName).toBe(backup.fileName);
      backend = await openBackend(options);
      const caller = newCaller();
      expect(await backend.dispatch('auth/signIn', { username: TEST_DISPATCHER.username, password: TEST_DISPATCHER.password }, caller)).toMatchObject({ ok: true });
      expect(await backend.dispatch('auth/setup', TEST_DISPATCHER, newCaller())).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await backend.dispatch('staff/get', { id: created.id }, caller)).toMatchObject({ ok: true });
      await backend.close();
    }));

  it('never restores over a data file that holds data', () =>
    withTempDir(async (dir) => {
      const backend = await openTestBackend(dir);
      await ask(backend, 'backup/create', {});
      await backend.close();
      await expect(restoreNewestBackupOverLostData(dataPaths(dir))).rejects.toThrow(/holds data/);
    }));
});

describe('the first-run account', () => {
  it('is refused over the sharing address', () =>
    withTempDir(async (dir) => {
      const backend = await openBackend({ host: 'browser', appVersion: '0', dataDir: dir, clock: fixedClock(TEST_NOW), logError: () => undefined, authPolicy: TEST_AUTH_POLICY });
      const remote = await backend.dispatch('auth/setup', TEST_DISPATCHER, newCaller('192.168.1.30'));
      expect(remote).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await backend.dispatch('auth/setup', TEST_DISPATCHER, newCaller('::ffff:127.0.0.1'))).toMatchObject({ ok: true });
      await backend.close();
    }));
});
