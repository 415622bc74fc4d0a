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
  recordFailedSignIn,
  recordSignIn,
  touchSession,
  type AccountRecord,
} from '../../../data/repositories/accounts.ts';
import type { Clock } from '../clock.ts';
import type { SessionGrant } from './call-context.ts';
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

export function accountView(record: AccountRecord): Account {
  const { id, username, displayName, role, zoneIds, active, lockedUntil, lastSignInAt, version } = record;
  return { id, username, displayName, role, zoneIds: role === 'lead' ? zoneIds : [], active, lockedUntil, lastSignInAt, version };
}

export class AuthService {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
  ) {}

  hash(password: string): Promise<string> {
    return hashPassword(password, this.policy.scryptCost);
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

  /** Checks a password and opens a session, or says why not; every failure counts toward the locks. */
  async signIn(db: Queryable, request: { username: string; password: string; remote: string }): Promise<{ account: AccountRecord; grant: SessionGrant }> {
    this.countAttempt(request.remote);
    const now = this.clock.now();
    const account = await findAccountByUsername(db, request.username.trim());
    if (!account || !account.active) {
      // The same slow check as for a real account: the answer's timing says nothing of who exists.
      await verifyPassword(request.password, await this.hash('not the password'));
      throw wrongPassword(null);
    }
    if (account.lockedUntil && account.lockedUntil > now.toISOString()) throw lockedUntil(account.lockedUntil);
    if (!(await verifyPassword(request.password, account.passwordHash))) {
      const failed = account.failedAttempts + 1;
      const lock = failed >= this.policy.maxFailedAttempts ? addMinutes(now, this.policy.lockMinutes).toISOString() : null;
      await recordFailedSignIn(db, account.id, lock ? 0 : failed, lock);
      if (lock) throw lockedUntil(lock);
      throw wrongPassword(this.policy.maxFailedAttempts - failed);
    }
    await recordSignIn(db, account.id, now.toISOString());
    return { account: { ...account, failedAttempts: 0, lockedUntil: null, lastSignInAt: now.toISOString() }, grant: await this.openSession(db, account.id) };
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

  /** Too many attempts from one address in the window: refused before any password is checked. */
  private countAttempt(remote: string): void {
    const now = this.clock.now().getTime();
    const windowMs = this.policy.attemptWindowMinutes * 60_000;
    const recent = (this.attempts.get(remote) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= this.policy.attemptsPerAddress) {
      const waitMinutes = Math.max(1, Math.ceil((windowMs - (now - recent[0]!)) / 60_000));
      throw new AppFailure('locked', `登录尝试过多，请 ${waitMinutes} 分钟后再试。 / Too many sign-in attempts from this computer: try again in ${waitMinutes} minute(s).`);
    }
    recent.push(now);
    this.attempts.set(remote, recent);
  }
}

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
  return new AppFailure('locked', `密码错误次数过多，账号已锁定至 ${shown}。请稍后再试，或请调度员重置密码。 / Too many wrong passwords: the account is locked until ${shown}. Try later, or ask a dispatcher to reset the password.`);
}
