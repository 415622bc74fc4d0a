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

/** The typed way to call the backend; the only way the UI reaches it. */
export async function call<C extends Channel>(channel: C, argument: ChannelInput<C>): Promise<ChannelResult<C>> {
  const envelope = await window.api.invoke(channel, argument);
  if (envelope.ok) return envelope.value as ChannelResult<C>;
  throw new ApiError(envelope.error);
}
