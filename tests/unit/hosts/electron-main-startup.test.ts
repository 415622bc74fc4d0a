/** The desktop host's answer to a data file it must not open: advice in a dialog, no window. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { recorded } from '../../support/fake-electron.ts';

vi.mock('electron', async () => (await import('../../support/fake-electron.ts')).fakeElectron);

let dataDir = '';

afterAll(async () => {
  delete process.env.HALL_ROSTER_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('Electron main with a damaged data file', () => {
  it('shows what to do and quits without opening a window', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-main-bad-'));
    await writeFile(join(dataDir, 'centre.sqlite3'), 'this is not a database'.repeat(100));
    process.env.HALL_ROSTER_DATA_DIR = dataDir;
    await import('../../../electron/main/main.ts');
    await vi.waitFor(() => expect(recorded.exitCodes).toEqual([1]), { timeout: 10_000 });
    expect(recorded.errors[0]).toContain('不是 SQLite 数据库');
    expect(recorded.errors[0]).toContain('is not an SQLite database');
    expect(recorded.windows).toEqual([]);
    expect(recorded.ipcChannels).toEqual([]);
  });
});
