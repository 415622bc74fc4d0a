/**
 * Who is making the call that is running now. The dispatch puts the caller and their account here
 * for the length of one call, so audit entries, change logs and sign-in see them without every
 * handler's signature carrying them (AsyncLocalStorage follows the call through its awaits).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AccountRecord } from '../../../data/repositories/accounts.ts';

export interface SessionGrant {
  token: string;
  expiresAt: string;
}

/** What a host knows of a caller: the session it holds for them, and where they call from. */
export interface Caller {
  /** The session token the host keeps for this caller (a cookie, the window's), or null. */
  sessionToken: string | null;
  /** The caller's address, for the limit on sign-in attempts: an IP address, or 'local' for the desktop. */
  remote: string;
  /** Came in over the sharing listener (HTTPS on the network address), whatever its source address. */
  overSharing?: boolean;
  /** A sign-in grants a session (the host keeps it); a sign-out ends it (null). */
  onSession?(session: SessionGrant | null): void;
}

/**
 * The `remote` of the desktop's own window (Electron IPC, see electron/main/ipc.ts). It is never an
 * IP address, so no network caller can claim it: the HTTP host always gives the socket's address.
 */
export const DESKTOP_REMOTE = 'local';

/**
 * Whether a caller sits at this machine: the desktop's own window, or the browser host on
 * loopback. Callers over the sharing address (any other) are the hall's desktops.
 */
export function isLocalCaller(caller: Caller): boolean {
  // A hall desktop may sit on this very machine (a second loopback address in tests): the listener decides.
  if (caller.overSharing) return false;
  const remote = caller.remote.replace(/^::ffff:/i, '');
  return remote === DESKTOP_REMOTE || remote === '::1' || /^127\./.test(remote);
}

export const NO_CALLER: Caller = { sessionToken: null, remote: DESKTOP_REMOTE };

export interface CallState {
  caller: Caller;
  account: AccountRecord | null;
  /** SHA-256 of the session token in use, or null. */
  sessionHash: string | null;
}

const storage = new AsyncLocalStorage<CallState>();

export function runAs<T>(state: CallState, work: () => Promise<T>): Promise<T> {
  return storage.run(state, work);
}

export function currentCall(): CallState {
  return storage.getStore() ?? { caller: NO_CALLER, account: null, sessionHash: null };
}

/** The account name written into audit entries and change logs. */
export function currentActor(): string {
  return currentCall().account?.username ?? 'local';
}
