/** The desktop host on a data file that is missing while backups exist: it says so and offers the newest good backup. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { recorded } from '../../support/fake-electron.ts';
import { openTestBackend, ask } from '../../support/backend.ts';
import { dataPaths } from '../../../electron/backend/paths.ts';

vi.mock('electron', async () => (await import('../../support/fake-electron.ts')).fakeElectron);

let dataDir = '';

afterAll(async () => {
  delete process.env.HALL_ROSTER_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('Electron main with a lost data file beside backups', () => {
  it('offers the newest good backup instead of a new install, and quits when refused', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-main-lost-'));
    const backend = await openTestBackend(dataDir);
    const backup = await ask(backend, 'backup/create', {});
    await backend.close();
    await writeFile(dataPaths(dataDir).dataFile, '');
    process.env.HALL_ROSTER_DATA_DIR = dataDir;
    await import('../../../electron/main/main.ts');
    await vi.waitFor(() => expect(recorded.exitCodes).toEqual([1]), { timeout: 10_000 });
    expect(recorded.messageBoxes[0]).toContain('数据文件丢失或为空');
    expect(recorded.messageBoxes[0]).toContain(backup.fileName);
    expect(recorded.errors[0]).toContain('这不是新安装');
    expect(recorded.windows).toEqual([]);
    expect(recorded.ipcChannels).toEqual([]);
  });
});
