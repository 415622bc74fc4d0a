import { withTempDir } from './temp.ts';
import { openBackend, type Backend, type BackendOptions } from '../../electron/backend/backend.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import type { Caller } from '../../electron/backend/auth/call-context.ts';
import type { Channel, ChannelInput, ChannelResult } from '../../electron/contract/channels.ts';
import type { AppError } from '../../electron/contract/errors.ts';
import type { Role } from '../../electron/contract/areas/auth.ts';

/** The hall's clock in tests: a Sunday in November 2026, at ten in the morning local time. */
export const TEST_NOW = '2026-11-22T10:00:00';
export const TEST_TODAY = '2026-11-22';

/** The dispatcher every test backend is signed in as, unless a test asks for another caller. */
export const TEST_DISPATCHER = { username: 'dispatcher', displayName: '测试调度员', password: 'dispatch-2026' } as const;

/** A cheap password hash: the cost is a setting of the hash, not of what is tested (2^15 in the app). */
export const TEST_AUTH_POLICY = { scryptCost: 2 ** 10 } as const;

/** A backend with the demo centre and its own first dispatcher, every call signed in as them. */
export async function openTestBackend(dataDir: string, clockAt = TEST_NOW, keepBackups = 10, options: Partial<BackendOptions> = {}): Promise<Backend> {
  const backend = await openBackend({
    host: 'browser', appVersion: '0.0.0-test', dataDir, clock: fixedClock(clockAt), keepBackups, logError: () => undefined, authPolicy: TEST_AUTH_POLICY, ...options,
  });
  return signedIn(backend, await setUpDispatcher(backend));
}

/**
 * The first-run step through its channel, returning a caller that holds the dispatcher's session;
 * on a data folder opened before (a restart), the dispatcher signs in instead.
 */
export async function setUpDispatcher(backend: Backend): Promise<Caller> {
  const caller = newCaller();
  const setUp = await backend.dispatch('auth/setup', TEST_DISPATCHER, caller);
  if (setUp.ok) return caller;
  const signIn = await backend.dispatch('auth/signIn', { username: TEST_DISPATCHER.username, password: TEST_DISPATCHER.password }, caller);
  if (!signIn.ok) throw new Error(`auth/setup and auth/signIn refused: ${JSON.stringify([setUp.error, signIn.error])}`);
  return caller;
}

/** A caller as a host keeps one: the session a sign-in grants is kept for the calls after it. */
export function newCaller(remote = 'local'): Caller {
  const caller: Caller = {
    sessionToken: null,
    remote,
    onSession: (session) => {
      caller.sessionToken = session?.token ?? null;
    },
  };
  return caller;
}

/** The same backend with every call made by `caller` unless another is given. */
export function signedIn(backend: Backend, caller: Caller): Backend {
  return { ...backend, dispatch: (channel, argument, who = caller) => backend.dispatch(channel, argument, who) };
}

/** Creates an account of `role` (as the signed-in dispatcher) and returns the backend as that account. */
export async function asNewAccount(backend: Backend, role: Role, options: { username?: string; zoneIds?: number[]; password?: string } = {}): Promise<{ backend: Backend; caller: Caller; accountId: number }> {
  const username = options.username ?? `${role}1`;
  const password = options.password ?? 'pass-word-1';
  const account = await ask(backend, 'accounts/create', { username, displayName: `${role} ${username}`, role, zoneIds: options.zoneIds ?? [], password });
  const caller = newCaller();
  const envelope = await backend.dispatch('auth/signIn', { username, password }, caller);
  if (!envelope.ok) throw new Error(`auth/signIn refused: ${JSON.stringify(envelope.error)}`);
  return { backend: signedIn(backend, caller), caller, accountId: account.id };
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
