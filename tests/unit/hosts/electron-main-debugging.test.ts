/** A packaged desktop started with a debugger switch: it says why and quits before opening any data. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeApp, recorded } from '../../support/fake-electron.ts';
import { debuggingFlags } from '../../../electron/main/hardening.ts';

vi.mock('electron', async () => (await import('../../support/fake-electron.ts')).fakeElectron);

let dataDir = '';
const argv = process.argv;

afterAll(async () => {
  process.argv = argv;
  fakeApp.isPackaged = false;
  delete process.env.HALL_ROSTER_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('a packaged desktop started for debugging', () => {
  it('refuses to start with --inspect, before a window, a channel or the data file', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-main-debug-'));
    process.env.HALL_ROSTER_DATA_DIR = dataDir;
    process.argv = [...argv, '--inspect=9229'];
    fakeApp.isPackaged = true;
    await import('../../../electron/main/main.ts');
    await vi.waitFor(() => expect(recorded.exitCodes).toEqual([1]), { timeout: 10_000 });
    expect(recorded.errors[0]).toContain('不能以调试方式启动（--inspect）');
    expect(recorded.windows).toEqual([]);
    expect(recorded.ipcChannels).toEqual([]);
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('the debugging switches', () => {
  it('are found on the command line and in the environment, and nothing else is', () => {
    expect(debuggingFlags(['electron', '.', '--inspect-brk=0', '--remote-debugging-port=9222', '--lang=zh-CN'], {})).toEqual(['--inspect-brk', '--remote-debugging-port']);
    expect(debuggingFlags(['electron', '.'], { NODE_OPTIONS: '--require ./evil.js' })).toEqual(['NODE_OPTIONS']);
    expect(debuggingFlags(['electron', '.'], { ELECTRON_RUN_AS_NODE: '1' })).toEqual(['ELECTRON_RUN_AS_NODE']);
    expect(debuggingFlags(['electron', '.', '--connect=https://192.168.1.20:5443/', '--inspector-free'], { NODE_OPTIONS: '' })).toEqual([]);
  });
});
