/** The browser host on a data file lost beside backups: it names the backup, and restores it when asked on the command line. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestBackend, ask } from '../../support/backend.ts';
import { dataPaths } from '../../../electron/backend/paths.ts';
import { RESTORE_FLAG, runBrowserHostCli } from '../../../electron/serve/server.ts';

const dirs: string[] = [];
const argv = process.argv;

afterEach(async () => {
  process.argv = argv;
  process.exitCode = 0;
  delete process.env.HALL_ROSTER_DATA_DIR;
  delete process.env.PORT;
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A data folder with one backup of a centre that has a dispatcher, and its data file emptied. */
async function lostDataFolder(): Promise<{ dataDir: string; backupName: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-serve-lost-'));
  dirs.push(dataDir);
  const backend = await openTestBackend(dataDir);
  const backup = await ask(backend, 'backup/create', {});
  await backend.close();
  await writeFile(dataPaths(dataDir).dataFile, '');
  process.env.HALL_ROSTER_DATA_DIR = dataDir;
  process.env.PORT = '0';
  return { dataDir, backupName: backup.fileName };
}

describe('the browser host with a lost data file beside backups', () => {
  it('starts nothing, names the newest good backup and the command that restores it', async () => {
    const { backupName } = await lostDataFolder();
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    expect(await runBrowserHostCli()).toBeNull();
    expect(process.exitCode).toBe(2);
    expect(errors.join('\n')).toContain(backupName);
    expect(errors.join('\n')).toContain(`npm run serve -- ${RESTORE_FLAG}`);
  });

  it(`restores that backup with ${RESTORE_FLAG} and serves it, its accounts signing in`, async () => {
    const { backupName } = await lostDataFolder();
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    process.argv = [...argv, RESTORE_FLAG];
    const host = await runBrowserHostCli();
    try {
      expect(host).not.toBeNull();
      expect(lines.join('\n')).toContain(backupName);
      expect(await ask(host!.backend, 'auth/status', {})).toMatchObject({ hasAccounts: true });
    } finally {
      await host?.close();
    }
  });

  it(`refuses ${RESTORE_FLAG} over a data file that holds data, changing nothing`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-serve-kept-'));
    dirs.push(dataDir);
    const backend = await openTestBackend(dataDir);
    await ask(backend, 'backup/create', {});
    await backend.close();
    process.env.HALL_ROSTER_DATA_DIR = dataDir;
    process.argv = [...argv, RESTORE_FLAG];
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    expect(await runBrowserHostCli()).toBeNull();
    expect(errors.join('\n')).toContain('未恢复任何备份');
  });
});
