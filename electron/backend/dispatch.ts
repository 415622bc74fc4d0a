import { AppFailure, type AppError, type Envelope } from '../contract/errors.ts';
import type { Channel, ChannelArgs, ChannelResult } from '../contract/channels.ts';
import { callWrites } from '../contract/access.ts';
import { knownChannel, parseCall } from '../contract/validate.ts';
import { DatabaseFileError } from '../../data/connection.ts';
import { NO_CALLER, runAs, type Caller, type CallState } from './auth/call-context.ts';

/** The one typed handler map: a handler per channel, receiving an argument already validated. */
export type Handlers = { [C in Channel]: (arg: ChannelArgs<C>) => Promise<ChannelResult<C>> };

export type Dispatch = (channel: unknown, rawArg: unknown, caller?: Caller) => Promise<Envelope<unknown>>;

export type ErrorLog = (channel: unknown, error: unknown) => void;

/** Decides who may make a call; without one (unit tests of the dispatch itself) every call runs as nobody. */
export interface Admit {
  identify(channel: Channel, rawArg: unknown, caller: Caller): Promise<CallState>;
  scope(state: CallState, channel: Channel, arg: unknown): Promise<void>;
  /** The answer as the caller may receive it (the role table's row rules); as it is when absent. */
  shape?(state: CallState, channel: Channel, value: unknown): Promise<unknown>;
}

/** What changed, for every other open window to refresh: the channel, who, when, and the roster if any. */
export interface ChangeEvent {
  channel: Channel;
  actor: string;
  at: string;
  rosterId: number | null;
}

export interface DispatchOptions {
  logError?: ErrorLog;
  admit?: Admit;
  onChange?: (change: Omit<ChangeEvent, 'at'>) => void;
}

/** Both hosts call this: validate, admit, run, and turn every outcome into a serialisable envelope. */
export function createDispatch(handlers: Handlers, { logError = defaultLog, admit, onChange }: DispatchOptions = {}): Dispatch {
  return async (channel, rawArg, caller = NO_CALLER) => {
    try {
      const known = knownChannel(channel);
      const state = admit ? await admit.identify(known, rawArg, caller) : { caller, account: null, sessionHash: null };
      const call = parseCall(known, rawArg);
      await admit?.scope(state, call.channel, call.arg);
      const handler = handlers[call.channel] as (arg: unknown) => Promise<unknown>;
      const answer = await runAs(state, () => handler(call.arg));
      const value = admit?.shape ? await admit.shape(state, call.channel, answer) : answer;
      if (onChange && callWrites(call.channel, call.arg)) {
        onChange({ channel: call.channel, actor: state.account?.username ?? 'local', rosterId: rosterOf(call.arg, value) });
      }
      return { ok: true, value };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal' || appError.code === 'database') logError(channel, error);
      return { ok: false, error: appError };
    }
  };
}

/** The roster a change touched, from its argument or (applying a proposal) its result's board. */
function rosterOf(arg: unknown, value: unknown): number | null {
  const fromArg = (arg as { rosterId?: unknown } | null)?.rosterId;
  if (typeof fromArg === 'number') return fromArg;
  const fromBoard = (value as { board?: { summary?: { id?: unknown } } } | null)?.board?.summary?.id;
  return typeof fromBoard === 'number' ? fromBoard : null;
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
