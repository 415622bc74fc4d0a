import type { Envelope } from './errors.ts';

/**
 * What the renderer finds at `window.api`, whichever host it runs in: the desktop's preload
 * installs it over IPC, the browser entry over HTTP. Results always come back as envelopes.
 */
export interface ApiBridge {
  readonly host: 'electron' | 'browser';
  invoke(channel: string, argument: unknown): Promise<Envelope<unknown>>;
}

/** IPC channel names are namespaced so that they can never collide with Electron's own. */
export const IPC_CHANNEL_PREFIX = 'api:';
