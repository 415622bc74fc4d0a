import type { ApiBridge, ChangeNotice } from '../../../electron/contract/bridge.ts';
import type { Envelope } from '../../../electron/contract/errors.ts';

/** The browser host's `window.api`: the same envelopes as IPC, over same-origin HTTP. */
export function createHttpBridge(): ApiBridge {
  return {
    host: 'browser',
    invoke: async (channel, argument) => {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(argument ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'unreachable' } };
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}` } };
      }
    },
    // The browser's own dialog prints or saves as PDF; it gives no word on which the user chose.
    print: async () => {
      window.print();
      return { done: true };
    },
    onChange: (listener) => {
      // One stream for the page however many views listen; the browser reconnects it by itself.
      const source = new EventSource('/api/events');
      const onMessage = (event: MessageEvent<string>) => {
        try {
          listener(JSON.parse(event.data) as ChangeNotice);
        } catch {
          // A malformed notice is dropped: the next change or a reload shows the truth.
        }
      };
      source.addEventListener('change', onMessage);
      return () => source.close();
    },
  };
}
