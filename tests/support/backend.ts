import { withTempDir } from './temp.ts';
import { openBackend, type Backend } from '../../electron/backend/backend.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import type { Channel, ChannelInput, ChannelResult } from '../../electron/contract/channels.ts';
import type { AppError } from '../../electron/contract/errors.ts';

/** The hall's clock in tests: a Sunday in November 2026, at ten in the morning local time. */
export const TEST_NOW = '2026-11-22T10:00:00';
export const TEST_TODAY = '2026-11-22';

export function openTestBackend(dataDir: string, clockAt = TEST_NOW, keepBackups = 10): Promise<Backend> {
  return openBackend({ host: 'browser', appVersion: '0.0.0-test', dataDir, clock: fixedClock(clockAt), keepBackups, logError: () => undefined });
}

/** Calls a channel and returns its value, failing the test with the error if it was refused. */
export async function ask<C extends Channel>(backend: Backend, channel: C, arg: ChannelInput<C>): Promise<ChannelResult<C>> {
  const envelope = await backend.dispatch(channel, arg);
  if (!envelope.ok) throw new Error(`${channel} refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value as ChannelResult<C>;
}

/** Calls a channel that must be refused and returns the error. */
export async function refused(backend: Backend, channel: string, arg: unknown): Promise<AppError> {
  const envelope = await backend.dispatch(channel, arg);
  if (envelope.ok) throw new Error(`${channel} was accepted but should have been refused`);
  return envelope.error;
}

/** Runs `work` against a backend on a fresh data folder with the demo centre, closing it after. */
export async function withTestBackend(work: (backend: Backend) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const backend = await openTestBackend(dir);
    try {
      await work(backend);
    } finally {
      await backend.close();
    }
  });
}
