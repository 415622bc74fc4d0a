/**
 * Sign-in that resists abuse: the lock is per name and address, the desktop's own window always
 * lets the dispatcher in, an unknown name costs the same work as a real one, and one address on
 * this machine guessing names does not shut the dispatcher out of the whole loopback.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../data/connection.ts';
import { insertAccount } from '../../../data/repositories/accounts.ts';
import { AppFailure } from '../../../electron/contract/errors.ts';
import { AuthService, DEFAULT_AUTH_POLICY, DESKTOP_REMOTE, isLoopbackAddress, SCRYPT_HASHER, type PasswordHasher } from '../../../electron/backend/auth/service.ts';
import type { Clock } from '../../../electron/backend/clock.ts';
import { withMigratedDb } from '../../support/db.ts';
import { WindowSessions } from '../../../electron/main/ipc.ts';
import { newCaller, TEST_DISPATCHER, withTestBackend } from '../../support/backend.ts';

const POLICY = { ...DEFAULT_AUTH_POLICY, scryptCost: 2 ** 10 };
const HALL_DESK = '192.168.1.50';
const OTHER_DESK = '192.168.1.51';

function movableClock(at: string): Clock & { advanceMinutes(minutes: number): void } {
  let now = new Date(at);
  return { now: () => new Date(now), advanceMinutes: (minutes) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

/** The real scrypt hasher, with every call counted: what each sign-in path did, not how long it took. */
function countingHasher(): PasswordHasher & { hashes: number; verifies: string[] } {
  const counter = {
    hashes: 0,
    verifies: [] as string[],
    hash: (password: string, cost: number) => {
      counter.hashes += 1;
      return SCRYPT_HASHER.hash(password, cost);
    },
    verify: (password: string, stored: string) => {
      counter.verifies.push(stored.split('$').slice(0, 4).join('$'));
      return SCRYPT_HASHER.verify(password, stored);
    },
  };
  return counter;
}

interface Setup {
  db: Database;
  auth: AuthService;
  clock: ReturnType<typeof movableClock>;
  hasher: ReturnType<typeof countingHasher>;
}

function withAuth(work: (setup: Setup) => Promise<void>): Promise<void> {
  return withMigratedDb(async (db) => {
    const clock = movableClock('2026-11-22T10:00:00');
    const hasher = countingHasher();
    const auth = new AuthService(clock, POLICY, hasher);
    const at = clock.now().toISOString();
    await insertAccount(db, { username: 'hr', displayName: '调度员', role: 'dispatcher', zoneIds: [], passwordHash: await SCRYPT_HASHER.hash('right-pass-1', POLICY.scryptCost) }, at);
    await insertAccount(db, { username: 'lead1', displayName: '班组长', role: 'lead', zoneIds: [1], passwordHash: await SCRYPT_HASHER.hash('lead-pass-1', POLICY.scryptCost) }, at);
    await work({ db, auth, clock, hasher });
  });
}

async function attempt(setup: Setup, username: string, password: string, remote: string): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  try {
    await setup.auth.signIn(setup.db, { username, password, remote });
    return { ok: true };
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, code: error.error.code, message: error.error.message };
    throw error;
  }
}

describe('the lock per name and address', () => {
  it('locks a name from the address that guessed it, and only from there', () =>
    withAuth(async (setup) => {
      for (let n = 1; n <= 4; n += 1) expect(await attempt(setup, 'hr', 'wrong-pass-1', HALL_DESK)).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await attempt(setup, 'hr', 'wrong-pass-1', HALL_DESK)).toMatchObject({ ok: false, code: 'locked', message: expect.stringContaining('在这台电脑上已锁定至 2026-11-22 10:15') });
      expect(await attempt(setup, 'hr', 'right-pass-1', HALL_DESK)).toMatchObject({ ok: false, code: 'locked' });
      // The dispatcher at another desktop is not held back by the guesses made at this one.
      expect(await attempt(setup, 'hr', 'right-pass-1', OTHER_DESK)).toEqual({ ok: true });
      expect(setup.auth.lockedUntil('HR')).toBe(new Date('2026-11-22T10:15:00').toISOString());
      setup.clock.advanceMinutes(16);
      expect(await attempt(setup, 'hr', 'right-pass-1', HALL_DESK)).toEqual({ ok: true });
      expect(setup.auth.lockedUntil('hr')).toBeNull();
    }));

  it('never locks the dispatcher out of the desktop’s own window, however many wrong passwords are typed there', () =>
    withAuth(async (setup) => {
      for (let n = 1; n <= 30; n += 1) expect(await attempt(setup, 'hr', 'wrong-pass-1', DESKTOP_REMOTE)).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await attempt(setup, 'hr', 'right-pass-1', DESKTOP_REMOTE)).toEqual({ ok: true });
      // Another role at the same window is locked as anywhere else.
      for (let n = 1; n <= 4; n += 1) await attempt(setup, 'lead1', 'wrong-pass-1', DESKTOP_REMOTE);
      expect(await attempt(setup, 'lead1', 'wrong-pass-1', DESKTOP_REMOTE)).toMatchObject({ ok: false, code: 'locked' });
    }));

  it('locks an unknown name exactly like a real one, so the lock does not tell who exists', () =>
    withAuth(async (setup) => {
      const real: string[] = [];
      const unknown: string[] = [];
      for (let n = 1; n <= 6; n += 1) {
        real.push(JSON.stringify(await attempt(setup, 'lead1', 'wrong-pass-1', HALL_DESK)));
        unknown.push(JSON.stringify(await attempt(setup, 'nobody', 'wrong-pass-1', OTHER_DESK)));
      }
      expect(unknown).toEqual(real);
      expect(real.at(-2)).toContain('locked');
    }));

  it('lifts a name’s locks when a dispatcher resets its password', () =>
    withAuth(async (setup) => {
      for (let n = 1; n <= 5; n += 1) await attempt(setup, 'lead1', 'wrong-pass-1', HALL_DESK);
      expect(await attempt(setup, 'lead1', 'lead-pass-1', HALL_DESK)).toMatchObject({ code: 'locked' });
      setup.auth.clearLocks('lead1');
      expect(await attempt(setup, 'lead1', 'lead-pass-1', HALL_DESK)).toEqual({ ok: true });
    }));

  it('keeps the locks out of the data file, so a restart (which only someone at the machine can do) starts clean', () =>
    withAuth(async (setup) => {
      for (let n = 1; n <= 5; n += 1) await attempt(setup, 'hr', 'wrong-pass-1', HALL_DESK);
      const stored = await setup.db.get<{ failed_attempts: number; locked_until: string | null }>("SELECT failed_attempts, locked_until FROM accounts WHERE username = 'hr'");
      expect(stored).toEqual({ failed_attempts: 0, locked_until: null });
      const restarted = new AuthService(setup.clock, POLICY, setup.hasher);
      await expect(restarted.signIn(setup.db, { username: 'hr', password: 'right-pass-1', remote: HALL_DESK })).resolves.toMatchObject({ account: { username: 'hr' } });
    }));
});

describe('equal work for real and unknown names', () => {
  it('checks a password with one scrypt verification of the same cost whether the name exists, is unknown or is disabled', () =>
    withAuth(async (setup) => {
      await setup.db.run("INSERT INTO accounts (username, display_name, role, password_hash, active, created_at, updated_at) VALUES ('gone', '离职', 'viewer', (SELECT password_hash FROM accounts WHERE username = 'hr'), 0, '2026-11-22T02:00:00.000Z', '2026-11-22T02:00:00.000Z')");
      // The stand-in hash is made once; after that no sign-in hashes anything.
      await attempt(setup, 'warm-up', 'wrong-pass-1', OTHER_DESK);
      const hashesBefore = setup.hasher.hashes;
      for (const username of ['hr', 'nobody', 'gone']) {
        setup.hasher.verifies.length = 0;
        expect(await attempt(setup, username, 'wrong-pass-1', HALL_DESK), username).toMatchObject({ ok: false, code: 'unauthenticated', message: expect.stringContaining('用户名或密码不正确') });
        expect(setup.hasher.verifies, username).toEqual([`scrypt$${POLICY.scryptCost}$8$1`]);
      }
      expect(setup.hasher.hashes).toBe(hashesBefore);
    }));
});

describe('the per-address limit', () => {
  it('counts per name on loopback, so one program guessing names does not shut the dispatcher out of the whole machine', () =>
    withAuth(async (setup) => {
      for (let n = 0; n < 25; n += 1) await attempt(setup, `guess${n}`, 'wrong-pass-1', '127.0.0.1');
      expect(await attempt(setup, 'hr', 'right-pass-1', '127.0.0.1')).toEqual({ ok: true });
      expect(await attempt(setup, 'hr', 'right-pass-1', '::ffff:127.0.0.1')).toEqual({ ok: true });
    }));

  it('still counts every name together for a network address', () =>
    withAuth(async (setup) => {
      for (let n = 0; n < 20; n += 1) await attempt(setup, `guess${n}`, 'wrong-pass-1', HALL_DESK);
      expect(await attempt(setup, 'hr', 'right-pass-1', HALL_DESK)).toMatchObject({ ok: false, code: 'locked', message: expect.stringContaining('登录尝试过多') });
      // The desktop's own window is not that address.
      expect(await attempt(setup, 'hr', 'right-pass-1', DESKTOP_REMOTE)).toEqual({ ok: true });
    }));

  it('knows loopback addresses as Node reports them', () => {
    expect(['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['192.168.1.50', '::ffff:192.168.1.50', 'local', '1127.0.0.1', 'fe80::1'].some(isLoopbackAddress)).toBe(false);
  });

  it('forgets names and addresses whose limits have passed, whatever number of names is tried', () =>
    withAuth(async (setup) => {
      for (let n = 0; n < 520; n += 1) await attempt(setup, `spray${n}`, 'wrong-pass-1', `10.0.${Math.floor(n / 200)}.${n % 200}`);
      setup.clock.advanceMinutes(20);
      await attempt(setup, 'spray-last', 'wrong-pass-1', '10.9.9.9');
      const sizes = setup.auth as unknown as { attempts: Map<string, unknown>; failures: Map<string, unknown> };
      expect(sizes.attempts.size + sizes.failures.size).toBeLessThan(10);
    }));
});

describe('through the backend, as the hosts call it', () => {
  it('lets the dispatcher in from the desktop window after a hall desktop and the desktop itself typed wrong passwords', () =>
    withTestBackend(async (backend) => {
      const hallDesk = newCaller(HALL_DESK);
      for (let n = 1; n <= 5; n += 1) await backend.dispatch('auth/signIn', { username: TEST_DISPATCHER.username, password: 'wrong-pass-1' }, hallDesk);
      expect(await backend.dispatch('auth/signIn', { username: TEST_DISPATCHER.username, password: TEST_DISPATCHER.password }, hallDesk)).toMatchObject({ ok: false, error: { code: 'locked' } });
      // The caller main builds for a window, afresh for each call over IPC.
      const sessions = new WindowSessions();
      const window = () => sessions.callerFor(1);
      expect(window().remote).toBe(DESKTOP_REMOTE);
      for (let n = 1; n <= 8; n += 1) await backend.dispatch('auth/signIn', { username: TEST_DISPATCHER.username, password: 'wrong-pass-1' }, window());
      expect(await backend.dispatch('auth/signIn', { username: TEST_DISPATCHER.username, password: TEST_DISPATCHER.password }, window())).toMatchObject({ ok: true, value: { role: 'dispatcher' } });
      // The dispatcher sees the lock the hall desktop caused in the accounts list, and a reset lifts it.
      const listed = await backend.dispatch('accounts/list', {}, window());
      const me = (listed as { ok: true; value: { id: number; username: string; lockedUntil: string | null }[] }).value.find((account) => account.username === TEST_DISPATCHER.username)!;
      expect(me.lockedUntil).toEqual(expect.any(String));
      expect(await backend.dispatch('accounts/resetPassword', { id: me.id, password: 'fresh-pass-2' }, window())).toMatchObject({ ok: true, value: { lockedUntil: null } });
      expect(await backend.dispatch('auth/signIn', { username: TEST_DISPATCHER.username, password: 'fresh-pass-2' }, hallDesk)).toMatchObject({ ok: true });
    }));
});
