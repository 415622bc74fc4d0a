/**
 * The one loop that registers every channel of the contract with Electron's IPC, and the one
 * place that checks who is calling. Written against small interfaces so tests can use fakes.
 *
 * Each window signs in for itself: the session a sign-in grants is kept here, beside the window's
 * webContents, and never handed to the page; the page only ever learns who it is signed in as.
 */
import { channelNames } from '../contract/channels.ts';
import { IPC_CHANNEL_PREFIX } from '../contract/bridge.ts';
import type { Envelope } from '../contract/errors.ts';
import { DESKTOP_REMOTE } from '../backend/auth/call-context.ts';

export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown> | unknown): void;
}

/** What main gives the dispatch of the caller: the window's session, and where it calls from. */
export interface WindowCaller {
  sessionToken: string | null;
  remote: string;
  onSession(session: { token: string; expiresAt: string } | null): void;
}

export type DispatchLike = (channel: unknown, argument: unknown, caller: WindowCaller) => Promise<Envelope<unknown>>;

/** The renderer is served from `app://renderer/`; no other page may call the backend. */
export const APP_ORIGIN = 'app://renderer';

export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'renderer';
  } catch {
    return false;
  }
}

/** Sessions by webContents id; a closed window's session goes with it (`forget`). */
export class WindowSessions {
  private readonly tokens = new Map<number, string>();

  callerFor(windowId: number): WindowCaller {
    return {
      sessionToken: this.tokens.get(windowId) ?? null,
      // The desktop's own window: sign-in never locks the dispatcher out of it (auth/service.ts).
      remote: DESKTOP_REMOTE,
      onSession: (session) => {
        if (session) this.tokens.set(windowId, session.token);
        else this.tokens.delete(windowId);
      },
    };
  }

  forget(windowId: number): void {
    this.tokens.delete(windowId);
  }
}

export function registerChannels(
  ipc: IpcMainLike,
  dispatch: DispatchLike,
  isTrustedSender: (url: string | undefined) => boolean = isAppUrl,
  sessions: WindowSessions = new WindowSessions(),
): string[] {
  return channelNames.map((channel) => {
    const ipcChannel = IPC_CHANNEL_PREFIX + channel;
    ipc.handle(ipcChannel, (event, argument) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        const refused: Envelope<never> = {
          ok: false,
          error: { code: 'forbidden_sender', message: `Refused ${channel} from an untrusted page` },
        };
        return refused;
      }
      return dispatch(channel, argument, sessions.callerFor(event.sender.id));
    });
    return ipcChannel;
  });
}
