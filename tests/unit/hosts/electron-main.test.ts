/**
 * Electron's binary cannot be downloaded on the build machines, so the main process is tested
 * against a stand-in for the 'electron' module: the window's security settings, the navigation
 * and new-window locks, channel registration and the app:// file handler.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { recorded } from '../../support/fake-electron.ts';

vi.mock('electron', async () => (await import('../../support/fake-electron.ts')).fakeElectron);

let dataDir = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-main-'));
  process.env.HALL_ROSTER_DATA_DIR = dataDir;
  await import('../../../electron/main/main.ts');
  // Opening the backend seeds the demo centre: on a busy two-core machine that passes ten seconds.
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 30_000 });
}, 40_000);

afterAll(async () => {
  delete process.env.HALL_ROSTER_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('Electron main', () => {
  it('opens one window with isolation, sandbox and no Node integration', () => {
    const preferences = recorded.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(preferences.preload)).toMatch(/preload\.cjs$/);
    expect(recorded.windows[0]?.loaded).toEqual(['app://renderer/index.html']);
    expect(recorded.errors).toEqual([]);
  });

  it('registers every channel of the contract over IPC, and the print channel', async () => {
    const { channelNames } = await import('../../../electron/contract/channels.ts');
    expect(recorded.ipcChannels).toEqual([...channelNames.map((name) => `api:${name}`), 'host:print']);
  });

  it('denies new windows, webviews and navigation away from the app', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | null = null;
    const contents = {
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
      on: (event: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(event, listener),
    };
    for (const listener of recorded.webContentsListeners) listener({}, contents);
    expect(openHandler!()).toEqual({ action: 'deny' });
    const prevented: string[] = [];
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://renderer/index.html']) {
      listeners.get('will-navigate')!({ preventDefault: () => prevented.push(url) }, url);
    }
    expect(prevented).toEqual(['https://evil.example/', 'file:///etc/passwd']);
    let webviewBlocked = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (webviewBlocked = true) });
    expect(webviewBlocked).toBe(true);
  });

  it('keeps a server’s redirect and a frame’s own navigation on the app, as it does a link', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void; url?: string }, url?: string) => void>();
    const contents = {
      setWindowOpenHandler: () => undefined,
      on: (event: string, listener: (event: { preventDefault: () => void; url?: string }, url?: string) => void) => listeners.set(event, listener),
    };
    for (const listener of recorded.webContentsListeners) listener({}, contents);
    const prevented: string[] = [];
    for (const url of ['https://evil.example/', 'http://127.0.0.1:5180/', 'app://renderer/index.html']) {
      listeners.get('will-redirect')!({ preventDefault: () => prevented.push(`redirect ${url}`) }, url);
      // Electron gives a frame's navigation its URL on the event itself.
      listeners.get('will-frame-navigate')!({ url, preventDefault: () => prevented.push(`frame ${url}`) });
    }
    expect(prevented).toEqual(['redirect https://evil.example/', 'frame https://evil.example/', 'redirect http://127.0.0.1:5180/', 'frame http://127.0.0.1:5180/']);
  });

  it('denies every permission a page may ask for or check, and sandboxes every renderer', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial']) {
      recorded.permissionRequestHandler!({}, permission, (granted) => answers.push(granted));
      answers.push(recorded.permissionCheckHandler!({}, permission, 'app://renderer'));
    }
    expect(answers).toHaveLength(18);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });

  it('serves app://renderer files with the CSP and refuses anything outside the folder', async () => {
    const handler = recorded.protocolHandler!;
    const page = await handler({ url: 'app://renderer/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await handler({ url: 'app://other/index.html' })).status).toBe(404);
    // Climbing out with encoded dots lands back inside the renderer folder, never above it.
    await handler({ url: 'app://renderer/..%2f..%2fpackage.json' });
    await handler({ url: 'app://renderer/%2e%2e/%2e%2e/data/connection.ts' });
    const rendererDir = pathToFileURL(join(process.cwd(), 'electron', 'renderer')).href;
    expect(recorded.fetched.length).toBe(3);
    for (const url of recorded.fetched) expect(url.startsWith(`${rendererDir}/`), url).toBe(true);
  });
});
