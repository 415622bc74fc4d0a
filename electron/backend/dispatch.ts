import { AppFailure, type AppError, type Envelope } from '../contract/errors.ts';
import type { Channel, ChannelArgs, ChannelResult } from '../contract/channels.ts';
import { parseCall } from '../contract/validate.ts';
import { DatabaseFileError } from '../../data/connection.ts';

/** The one typed handler map: a handler per channel, receiving an argument already validated. */
export type Handlers = { [C in Channel]: (arg: ChannelArgs<C>) => Promise<ChannelResult<C>> };

export type Dispatch = (channel: unknown, rawArg: unknown) => Promise<Envelope<unknown>>;

export type ErrorLog = (channel: unknown, error: unknown) => void;

/** Both hosts call this: validate, run, and turn every outcome into a serialisable envelope. */
export function createDispatch(handlers: Handlers, logError: ErrorLog = defaultLog): Dispatch {
  return async (channel, rawArg) => {
    try {
      const call = parseCall(channel, rawArg);
      const handler = handlers[call.channel] as (arg: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(call.arg) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal' || appError.code === 'database') logError(channel, error);
      return { ok: false, error: appError };
    }
  };
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.error;
  if (error instanceof DatabaseFileError) return { code: 'database', message: error.message };
  // Anything else is a bug or an I/O fault: say so without leaking internals to the UI.
  return { code: 'internal', message: 'Unexpected error; details are in the app log.' };
}

function defaultLog(channel: unknown, error: unknown): void {
  console.error(`[backend] ${String(channel)} failed:`, error);
}
