/**
 * Accounts and sessions: the first-run dispatcher, sign-in with its locks, sessions that lapse when
 * left alone, sign-out and password changes. A session token is handed to the host once (it keeps
 * it in an HttpOnly cookie or beside the desktop's window) and stored here only as its SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { addMinutes, format } from 'date-fns';
import { AppFailure } from '../../contract/errors.ts';
import type { Account } from '../../contract/areas/auth.ts';
import type { Queryable } from '../../../data/connection.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findAccountByUsername,
  getAccount,
  getSession,
  insertSession,
  recordSignIn,
  touchSession,
  type AccountRecord,
} from '../../../data/repositories/accounts.ts';
import type { Clock } from '../clock.ts';
import { DESKTOP_REMOTE, type SessionGrant } from './call-context.ts';

export { DESKTOP_REMOTE };
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from './passwords.ts';

export interface AuthPolicy {
  /** Wrong passwords in a row before the account locks. */
  maxFailedAttempts: number;
  lockMinutes: number;
  /** A session not used for this long has lapsed. */
  sessionIdleMinutes: number;
  /** Sign-in attempts one address may make in `attemptWindowMinutes`, whatever the account. */
  attemptsPerAddress: number;
  attemptWindowMinutes: number;
  scryptCost: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  maxFailedAttempts: 5,
  lockMinutes: 15,
  // A hall's day and a little: a desktop left signed in overnight asks again in the morning.
  sessionIdleMinutes: 10 * 60,
  attemptsPerAddress: 20,
  attemptWindowMinutes: 10,
  scryptCost: DEFAULT_SCRYPT_COST,
};

/** Touching a session is a write; once a minute is often enough to keep it alive. */
const TOUCH_EVERY_MS = 60_000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The account as the UI sees it. Locks are kept per name and address in memory (see AuthService), so
 * the stored column is not read: `lockedUntil` is what the service says, given by the caller.
 */
export function accountView(record: AccountRecord, lockedUntil: string | null = null): Account {
  const { id, username, displayName, role, zoneIds, active, lastSignInAt, version } = record;
  return { id, username, displayName, role, zoneIds: role === 'lead' ? zoneIds : [], active, lockedUntil, lastSignInAt, version };
}

/** What sign-in needs of password hashing; tests count the calls to prove both paths do the same work. */
export interface PasswordHasher {
  hash(password: string, cost: number): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export const SCRYPT_HASHER: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/** Loopback addresses as Node reports them (IPv4, IPv6, and IPv4 mapped into IPv6). */
export function isLoopbackAddress(remote: string): boolean {
  return remote === '::1' || /^(::ffff:)?127\./.test(remote);
}

/**
 * Where sign-in's limits are kept, and why.
 *
 * - The lock is per (user name, address): five wrong passwords in a row for one name from one
 *   address lock that name *from that address* for 15 minutes. Someone at another desktop cannot
 *   lock the dispatcher out of theirs. It is keyed by the name typed, not the account, so an unknown
 *   name locks exactly like a real one and the lock says nothing of who exists.
 * - The locks and the attempt counters live in memory, not in the data file. A restart is something
 *   only the person at this machine can do; a lock that outlived it is what let anyone shut the only
 *   dispatcher out for good. Online guessing stays bounded all the same (5 per name and address per
 *   15 minutes, 20 per address per 10 minutes), and a restart only resets the limits to their start.
 * - The desktop's own window (remote DESKTOP_REMOTE) is never locked out of a dispatcher account:
 *   whoever types there sits at the machine and its user account, which holds the data file itself;
 *   a lock there would protect nothing and could shut the hall's only dispatcher out.
 * - Loopback (the browser host on 127.0.0.1, `npm run serve`) is treated like any address for the
 *   lock — every program and every user account of this machine can reach it, so unlimited guessing
 *   there is not safe — but its per-address limit counts per name: everything local shares one
 *   address, and one program guessing names must not shut the dispatcher out of the whole loopback.
 *   A dispatcher locked on loopback waits the 15 minutes, or restarts the host. The hall's desktops
 *   never come in over loopback: over sharing each calls from its own network address.
 */
export class AuthService {
  /** Sign-in attempts by address (by address and name on this machine), for the per-address limit. */
  private readonly attempts = new Map<string, number[]>();
  /** Wrong passwords in a row by (name, address), and the lock they led to. */
  private readonly failures = new Map<string, { count: number; lockedUntil: number | null; lastAt: number }>();
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly clock: Clock,
    readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
    private readonly hasher: PasswordHasher = SCRYPT_HASHER,
  ) {}

  hash(password: string): Promise<string> {
    return this.hasher.hash(password, this.policy.scryptCost);
  }

  /** The account behind a session token; 'unauthenticated' when there is none or it has lapsed. */
  async resolve(db: Queryable, token: string): Promise<{ account: AccountRecord; sessionHash: string }> {
    const hash = tokenHash(token);
    const session = await getSession(db, hash);
    const now = this.clock.now();
    if (!session) throw unauthenticated('请先登录。 / Please sign in.');
    if (session.expiresAt <= now.toISOString()) {
      await deleteSession(db, hash);
      throw unauthenticated('登录已过期，请重新登录。 / Your session has expired: sign in again.');
    }
    const account = await getAccount(db, session.accountId);
    if (!account || !account.active) {
      await deleteSession(db, hash);
      throw unauthenticated('该账号已停用。 / This account has been disabled.');
    }
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      await touchSession(db, hash, now.toISOString(), this.expiry(now));
    }
    return { account, sessionHash: hash };
  }

  /**
   * Checks a password and opens a session, or says why not. A real name and an unknown one do the
   * same work — one look-up, one scrypt check, one count — so neither the answer nor its time says
   * who exists.
   */
  async signIn(db: Queryable, request: { username: string; password: string; remote: string }): Promise<{ account: AccountRecord; grant: SessionGrant }> {
    const now = this.clock.now();
    const username = request.username.trim();
    const found = await findAccountByUsername(db, username);
    const account = found && found.active ? found : null;
    // The desktop's own window always lets the dispatcher in (see the class comment).
    const exempt = request.remote === DESKTOP_REMOTE && account?.role === 'dispatcher';
    const pairKey = `${username.toLowerCase()}\u0000${request.remote}`;
    if (!exempt) {
      this.countAttempt(request.remote, username);
      const pair = this.failures.get(pairKey);
      if (pair?.lockedUntil && pair.lockedUntil > now.getTime()) throw lockedUntil(new Date(pair.lockedUntil).toISOString());
    }
    // An unknown or disabled name is checked against a hash of the same cost: the same slow work.
    const matches = await this.hasher.verify(request.password, account ? account.passwordHash : await this.dummy());
    if (!account || !matches) {
      if (exempt) throw wrongPassword(null);
      const failed = this.recordFailure(pairKey, now.getTime());
      if (failed.lockedUntil) throw lockedUntil(new Date(failed.lockedUntil).toISOString());
      throw wrongPassword(this.policy.maxFailedAttempts - failed.count);
    }
    this.failures.delete(pairKey);
    await recordSignIn(db, account.id, now.toISOString());
    return { account: { ...account, failedAttempts: 0, lockedUntil: null, lastSignInAt: now.toISOString() }, grant: await this.openSession(db, account.id) };
  }

  /** When a name is locked from some address, the latest such moment (for the accounts list); else null. */
  lockedUntil(username: string): string | null {
    const now = this.clock.now().getTime();
    const prefix = `${username.toLowerCase()}\u0000`;
    let latest = 0;
    for (const [key, state] of this.failures) {
      if (key.startsWith(prefix) && state.lockedUntil && state.lockedUntil > now) latest = Math.max(latest, state.lockedUntil);
    }
    return latest > 0 ? new Date(latest).toISOString() : null;
  }

  /** A dispatcher's password reset lifts the name's locks from every address. */
  clearLocks(username: string): void {
    const prefix = `${username.toLowerCase()}\u0000`;
    for (const key of [...this.failures.keys()]) if (key.startsWith(prefix)) this.failures.delete(key);
  }

  async openSession(db: Queryable, accountId: number): Promise<SessionGrant> {
    const now = this.clock.now();
    await deleteExpiredSessions(db, now.toISOString());
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.expiry(now);
    await insertSession(db, { tokenHash: tokenHash(token), accountId, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt });
    return { token, expiresAt };
  }

  private expiry(now: Date): string {
    return addMinutes(now, this.policy.sessionIdleMinutes).toISOString();
  }

  /** Made once, with this policy's cost: what an unknown name's password is checked against. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('base64'), this.policy.scryptCost);
    return this.dummyHash;
  }

  private recordFailure(pairKey: string, now: number): { count: number; lockedUntil: number | null } {
    const before = this.failures.get(pairKey);
    // Failures far apart are not a run: a lapsed lock, or a slip a day ago, starts the count again.
    const stale = !before || (before.lockedUntil !== null ? before.lockedUntil <= now : now - before.lastAt >= this.policy.lockMinutes * 60_000);
    const count = (stale ? 0 : before.count) + 1;
    const lockedUntil = count >= this.policy.maxFailedAttempts ? now + this.policy.lockMinutes * 60_000 : null;
    this.failures.set(pairKey, { count: lockedUntil ? 0 : count, lockedUntil, lastAt: now });
    this.prune(now);
    return { count, lockedUntil };
  }

  /** Too many attempts from one address in the window: refused before any password is checked. */
  private countAttempt(remote: string, username: string): void {
    const now = this.clock.now().getTime();
    const windowMs = this.policy.attemptWindowMinutes * 60_000;
    const key = remote === DESKTOP_REMOTE || isLoopbackAddress(remote) ? `${remote}\u0000${username.toLowerCase()}` : remote;
    const recent = (this.attempts.get(key) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= this.policy.attemptsPerAddress) {
      const waitMinutes = Math.max(1, Math.ceil((windowMs - (now - recent[0]!)) / 60_000));
      throw new AppFailure('locked', `登录尝试过多，请 ${waitMinutes} 分钟后再试。 / Too many sign-in attempts from this computer: try again in ${waitMinutes} minute(s).`);
    }
    recent.push(now);
    this.attempts.set(key, recent);
    this.prune(now);
  }

  /** Keeps the maps small whatever names are tried: entries whose window and lock have passed go. */
  private prune(now: number): void {
    if (this.failures.size + this.attempts.size < PRUNE_ABOVE) return;
    const windowMs = this.policy.attemptWindowMinutes * 60_000;
    const lockMs = this.policy.lockMinutes * 60_000;
    for (const [key, state] of this.failures) if ((state.lockedUntil ?? 0) <= now && now - state.lastAt >= lockMs) this.failures.delete(key);
    for (const [key, times] of this.attempts) if (now - (times.at(-1) ?? 0) >= windowMs) this.attempts.delete(key);
  }
}

/** Past this many tracked names and addresses, the ones that no longer matter are dropped. */
const PRUNE_ABOVE = 1000;

export function unauthenticated(message: string): AppFailure {
  return new AppFailure('unauthenticated', message);
}

function wrongPassword(attemptsLeft: number | null): AppFailure {
  const left = attemptsLeft !== null && attemptsLeft <= 2 ? { zh: `（再错 ${attemptsLeft} 次将锁定账号）`, en: ` (${attemptsLeft} more and the account locks)` } : { zh: '', en: '' };
  return new AppFailure('unauthenticated', `用户名或密码不正确${left.zh}。 / Wrong user name or password${left.en}.`, { password: 'invalid_value' });
}

function lockedUntil(until: string): AppFailure {
  // The hall's local time, as the clock on the wall shows it.
  const shown = format(new Date(until), 'yyyy-MM-dd HH:mm');
  return new AppFailure('locked', `密码错误次数过多，此账号在这台电脑上已锁定至 ${shown}。请稍后再试，或请调度员重置密码。 / Too many wrong passwords: the account is locked on this computer until ${shown}. Try later, or ask a dispatcher to reset the password.`);
}
