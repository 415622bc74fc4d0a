import { describe, expect, it } from 'vitest';
import { isAppUrl, registerChannels, WindowSessions, type IpcEventLike } from '../../../electron/main/ipc.ts';
import { createBridge } from '../../../electron/preload/bridge.ts';
import { channelNames } from '../../../electron/contract/channels.ts';
import { createDispatch, type Handlers } from '../../../electron/backend/dispatch.ts';
import type { Envelope } from '../../../electron/contract/errors.ts';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/** Stands in for ipcMain: records what was registered and lets the test invoke it. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    if (this.handlers.has(channel)) throw new Error(`registered twice: ${channel}`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, senderUrl: string | null, argument: unknown, windowId = 1): Promise<Envelope<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(listener({ senderFrame: senderUrl === null ? null : { url: senderUrl }, sender: { id: windowId } }, argument) as Envelope<unknown>);
  }
}

const APP_PAGE = 'app://renderer/index.html';

function setUp() {
  const ipc = new FakeIpcMain();
  const calls: unknown[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_target, channel) => async (arg: unknown) => {
      calls.push([channel, arg]);
      return { echoed: arg };
    },
  });
  const registered = registerChannels(ipc, createDispatch(handlers));
  return { ipc, calls, registered };
}

describe('IPC registration', () => {
  it('registers every channel of the contract once, namespaced', () => {
    const { ipc, registered } = setUp();
    expect(registered).toEqual(channelNames.map((name) => `api:${name}`));
    expect([...ipc.handlers.keys()]).toEqual(registered);
  });

  it('answers a call from the app page through the dispatch', async () => {
    const { ipc, calls } = setUp();
    expect(await ipc.invoke('api:staff/get', APP_PAGE, { id: 5 })).toEqual({ ok: true, value: { echoed: { id: 5 } } });
    expect(calls).toEqual([['staff/get', { id: 5 }]]);
  });

  it('refuses a sender that is not the app page, before any handler runs', async () => {
    const { ipc, calls } = setUp();
    for (const sender of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', null]) {
      expect(await ipc.invoke('api:staff/list', sender, {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses bad arguments with field errors, before any handler runs', async () => {
    const { ipc, calls } = setUp();
    expect(await ipc.invoke('api:staff/get', APP_PAGE, { id: 'one' })).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: { id: 'invalid_type' } } });
    expect(calls).toEqual([]);
  });

  it('has no handler for an unknown channel', async () => {
    const { ipc } = setUp();
    await expect(ipc.invoke('api:staff/drop', APP_PAGE, {})).rejects.toThrow(/No handler/);
  });

  it('keeps each window’s session to itself, out of the page, and forgets it when the window closes', async () => {
    const ipc = new FakeIpcMain();
    const sessions = new WindowSessions();
    const seen: (string | null)[] = [];
    registerChannels(
      ipc,
      async (channel, _argument, caller) => {
        if (channel === 'auth/signIn') caller.onSession({ token: 'token-of-window-1', expiresAt: '2026-11-22T20:00:00.000Z' });
        else seen.push(caller.sessionToken);
        return { ok: true, value: { signedIn: channel === 'auth/signIn' } };
      },
      isAppUrl,
      sessions,
    );
    // The page gets the result only: the token stays in main.
    expect(await ipc.invoke('api:auth/signIn', APP_PAGE, { username: 'a', password: 'b' }, 1)).toEqual({ ok: true, value: { signedIn: true } });
    await ipc.invoke('api:centre/get', APP_PAGE, {}, 1);
    await ipc.invoke('api:centre/get', APP_PAGE, {}, 2);
    sessions.forget(1);
    await ipc.invoke('api:centre/get', APP_PAGE, {}, 1);
    expect(seen).toEqual(['token-of-window-1', null, null]);
  });

  it('trusts only app://renderer pages', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('app://renderer.evil/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('preload bridge', () => {
  it('forwards a known channel with its namespace', async () => {
    const sent: unknown[] = [];
    const bridge = createBridge(async (channel, argument) => (sent.push([channel, argument]), { ok: true, value: 1 }));
    expect(await bridge.invoke('staff/list', {})).toEqual({ ok: true, value: 1 });
    expect(sent).toEqual([['api:staff/list', {}]]);
    expect(bridge.host).toBe('electron');
  });

  it('answers unknown_channel itself and sends nothing', async () => {
    const sent: unknown[] = [];
    const bridge = createBridge(async (channel) => (sent.push(channel), { ok: true, value: 1 }));
    expect(await bridge.invoke('ELECTRON_BROWSER_WINDOW_CLOSE', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(sent).toEqual([]);
  });
});
