/**
 * The one loop that registers every channel of the contract with Electron's IPC, and the one
 * place that checks who is calling. Written against small interfaces so tests can use fakes.
 */
import { channelNames } from '../contract/channels.ts';
import { IPC_CHANNEL_PREFIX } from '../contract/bridge.ts';
import type { Envelope } from '../contract/errors.ts';

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown> | unknown): void;
}

export type DispatchLike = (channel: unknown, argument: unknown) => Promise<Envelope<unknown>>;

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

export function registerChannels(
  ipc: IpcMainLike,
  dispatch: DispatchLike,
  isTrustedSender: (url: string | undefined) => boolean = isAppUrl,
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
      return dispatch(channel, argument);
    });
    return ipcChannel;
  });
}
