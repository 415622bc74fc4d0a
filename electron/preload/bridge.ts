import { IPC_CHANNEL_PREFIX, PRINT_CHANNEL, type ApiBridge, type ChangeNotice, type PrintOutcome } from '../contract/bridge.ts';
import { isChannel } from '../contract/channels.ts';
import type { Envelope } from '../contract/errors.ts';

export type Invoke = (ipcChannel: string, argument: unknown) => Promise<unknown>;

/** Listens to main's change notices; returns the function that stops. */
export type Listen = (listener: (change: ChangeNotice) => void) => () => void;

/** The generic bridge: forwards known channels and nothing else, so the page cannot reach other IPC. */
export function createBridge(invoke: Invoke, listen: Listen = () => () => undefined): ApiBridge {
  return {
    host: 'electron',
    invoke: async (channel, argument) => {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel).slice(0, 80)}` } };
      }
      return (await invoke(IPC_CHANNEL_PREFIX + channel, argument)) as Envelope<unknown>;
    },
    print: async (request) => (await invoke(PRINT_CHANNEL, { action: request.action, fileName: String(request.fileName).slice(0, 200) })) as PrintOutcome,
    onChange: (listener) => listen(listener),
  };
}
