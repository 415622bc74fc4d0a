import type { Envelope } from './errors.ts';

/**
 * What the renderer finds at `window.api`, whichever host it runs in: the desktop's preload
 * installs it over IPC, the browser entry over HTTP. Results always come back as envelopes.
 */
export interface ApiBridge {
  readonly host: 'electron' | 'browser';
  invoke(channel: string, argument: unknown): Promise<Envelope<unknown>>;
  /**
   * Prints the page as it stands (its print stylesheet): the desktop prints through Electron or saves
   * a PDF with a save dialog; the browser host opens the browser's print dialog for either.
   */
  print(request: PrintRequest): Promise<PrintOutcome>;
  /**
   * Every change someone else (or another window) made, as it happens: the page refreshes what it
   * shows. Returns the function that stops listening.
   */
  onChange(listener: (change: ChangeNotice) => void): () => void;
}

/** A change made through the backend: which channel, by whom, when, and the roster it touched. */
export interface ChangeNotice {
  channel: string;
  actor: string;
  at: string;
  rosterId: number | null;
}

export interface PrintRequest {
  action: 'print' | 'pdf';
  /** Suggested name for the PDF, "排班表-2026-11-23.pdf". */
  fileName: string;
}

export interface PrintOutcome {
  /** False when the user cancelled the dialog. */
  done: boolean;
  /** Where the desktop saved the PDF. */
  path?: string;
}

/** IPC channel names are namespaced so that they can never collide with Electron's own. */
export const IPC_CHANNEL_PREFIX = 'api:';

/** The one IPC channel that is not the backend's: main prints or saves the sender's page as PDF. */
export const PRINT_CHANNEL = 'host:print';

/** Main sends every change to each window on this channel. */
export const CHANGE_CHANNEL = 'host:change';
