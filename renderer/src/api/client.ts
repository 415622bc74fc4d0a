import type { Channel, ChannelInput, ChannelResult } from '../../../electron/contract/channels.ts';
import type { AppError } from '../../../electron/contract/errors.ts';

/** A backend refusal, carried as data: the UI reads `error.code` and `error.fields`. */
export class ApiError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.error = error;
  }
}

/** Raised on window when a call finds the session gone (lapsed, or signed out elsewhere). */
export const SIGNED_OUT_EVENT = 'hall-roster:signed-out';

/** The typed way to call the backend; the only way the UI reaches it. */
export async function call<C extends Channel>(channel: C, argument: ChannelInput<C>): Promise<ChannelResult<C>> {
  const envelope = await window.api.invoke(channel, argument);
  if (envelope.ok) return envelope.value as ChannelResult<C>;
  // Sign-in's own refusals are the sign-in screen's to show; any other call means the session ended.
  if (envelope.error.code === 'unauthenticated' && !channel.startsWith('auth/')) {
    window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: envelope.error.message }));
  }
  throw new ApiError(envelope.error);
}
