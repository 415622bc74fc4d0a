import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { Clock } from '../../../electron/backend/clock.ts';
import type { ChangeEvent } from '../../../electron/backend/dispatch.ts';
import { CHANNEL_ACCESS } from '../../../electron/contract/access.ts';
import { channelNames, type Channel } from '../../../electron/contract/channels.ts';
import type { Role } from '../../../electron/contract/areas/auth.ts';
import { ask, asNewAccount, newCaller, openTestBackend, refused, signedIn, TEST_DISPATCHER, TEST_NOW, withTestBackend } from '../../support/backend.ts';
import { withTempDir } from '../../support/temp.ts';
import { rosterFileOf, scenarioOfFile, validRoster } from '../../support/valid-roster.ts';
import { sweepZones, TUESDAY, WEDNESDAY, zoneHall, type Dial, type Who } from '../../support/zone-sweep.ts';
import { listAssignments } from '../../../data/repositories/board.ts';
import { BoardStateCache, dutiesDigest, loadBoardState } from '../../../electron/backend/board/board-state.ts';

/** Signing out ends the caller's session: it is tried on its own, after the sweep. */
const SWEPT = channelNames.filter((channel) => channel !== 'auth/signOut');

interface Team {
  dispatcher: Backend;
  lead: Backend;
  viewer: Backend;
  anonymous: Backend;
  leadZone: number;
  otherZone: number;
}

async function zoneIdOf(backend: Backend, code: string): Promise<number> {
  return (await backend.context.session.use((db) => db.get<{ id: number }>('SELECT id FROM zones WHERE code = ?', [code])))!.id;
}

/** A dispatcher, a lead of 农林水务 and a viewer on one backend, and a caller signed in as nobody. */
async function team(backend: Backend): Promise<Team> {
  const leadZone = await zoneIdOf(backend, 'AF');
  const otherZone = await zoneIdOf(backend, 'TX');
  const lead = await asNewAccount(backend, 'lead', { username: 'lead1', zoneIds: [leadZone] });
  const viewer = await asNewAccount(backend, 'viewer', { username: 'viewer1' });
  return { dispatcher: backend, lead: lead.backend, viewer: viewer.backend, anonymous: signedIn(backend, newCaller()), leadZone, otherZone };
}

function allowedFor(role: Role | null, channel: Channel, settings: boolean): boolean {
  const access = CHANNEL_ACCESS[channel];
  if (access.roles === 'public') return true;
  if (role === null || !access.roles.includes(role)) return false;
  return settings ? (access.setRoles ?? []).includes(role) : true;
}

/** What a refusal by the door looks like, as against the handler's own refusals (a bad argument, nothing found). */
function refusedAtTheDoor(envelope: { ok: boolean; error?: { code: string } }): boolean {
  return !envelope.ok && (envelope.error?.code === 'forbidden' || envelope.error?.code === 'unauthenticated');
}

describe('who may call what', () => {
  it('lets each role through, or refuses it at the door, exactly as the role table says, for every channel', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const callers: [Role | null, Backend][] = [['dispatcher', members.dispatcher], ['lead', members.lead], ['viewer', members.viewer], [null, members.anonymous]];
      const mismatches: string[] = [];
      for (const channel of SWEPT) {
        const settings = CHANNEL_ACCESS[channel].writes === 'when-set';
        for (const [role, caller] of callers) {
          // An empty argument: refusals at the door come before the argument is read, so it never matters.
          for (const argument of settings ? [{}, { set: {} }] : [{}]) {
            const envelope = await caller.dispatch(channel, argument);
            const expected = allowedFor(role, channel, 'set' in argument);
            if (refusedAtTheDoor(envelope) === expected) mismatches.push(`${role ?? 'anonymous'} ${channel} ${JSON.stringify(argument)}: ${JSON.stringify(envelope).slice(0, 160)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      // Signing out: everyone signed in may, nobody else needs to.
      expect(refusedAtTheDoor(await members.viewer.dispatch('auth/signOut', {}))).toBe(false);
      expect(await members.viewer.dispatch('centre/get', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }));

  it('never lets a viewer change anything but their own password, sign-out and language', () => {
    // Public channels aside (the first-run step refuses itself once an account exists).
    const viewerWrites = channelNames.filter((channel) => CHANNEL_ACCESS[channel].roles !== 'public' && CHANNEL_ACCESS[channel].writes === true && allowedFor('viewer', channel, false));
    expect(viewerWrites.sort()).toEqual(['auth/changePassword', 'settings/setLanguage']);
    const viewerSettings = channelNames.filter((channel) => CHANNEL_ACCESS[channel].writes === 'when-set' && allowedFor('viewer', channel, true));
    expect(viewerSettings).toEqual([]);
    // Nothing personal or about pay: resident IDs, leave, punches, hours, costs.
    for (const channel of ['staff/get', 'leave/list', 'punches/list', 'attendance/month', 'overtime/month', 'reports/hours', 'cost/month', 'transfer/export'] as const) {
      expect(allowedFor('viewer', channel, false), channel).toBe(false);
    }
    for (const channel of ['roster/list', 'board/get', 'duty/month', 'reports/client', 'dashboard/today'] as const) expect(allowedFor('viewer', channel, false), channel).toBe(true);
  });

  it('lets a shift lead run the hall’s roster, repairs and attendance, but not staff records, pay or settings', () => {
    for (const channel of ['board/edit', 'board/setPinned', 'board/repairStart', 'board/applyProposal', 'attendance/correct', 'leave/request', 'overtime/request', 'overtime/month', 'roster/solveProgress'] as const) {
      expect(allowedFor('lead', channel, false), channel).toBe(true);
    }
    for (const channel of ['staff/create', 'staff/update', 'staff/deactivate', 'staff/get', 'skills/setLevel', 'transfer/apply', 'cost/month', 'cost/putRule', 'reports/hours', 'backup/restore', 'accounts/create', 'sharing/set', 'roster/publish', 'calendar/saveNotice', 'leave/decide', 'overtime/decide', 'overtime/decidePunch'] as const) {
      expect(allowedFor('lead', channel, false), channel).toBe(false);
    }
    for (const channel of ['cost/settings', 'duty/settings', 'attendance/settings'] as const) expect(allowedFor('lead', channel, true), channel).toBe(false);
  });
});

/** A clock the test moves: sessions lapse and locks lift as time passes. */
function movableClock(at: string): Clock & { advanceMinutes(minutes: number): void } {
  let now = new Date(at);
  return { now: () => new Date(now), advanceMinutes: (minutes) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

async function withClockBackend(work: (backend: Backend, clock: ReturnType<typeof movableClock>) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const clock = movableClock(TEST_NOW);
    const backend = await openTestBackend(dir, TEST_NOW, 10, { clock });
    try {
      await work(backend, clock);
    } finally {
      await backend.close();
    }
  });
}

async function signIn(backend: Backend, username: string, password: string, remote = 'local') {
  const caller = newCaller(remote);
  return { caller, envelope: await backend.dispatch('auth/signIn', { username, password }, caller) };
}

describe('signing in', () => {
  it('asks for the dispatcher first on a new data file, once, and keeps the password only as a slow salted hash', async () => {
    await withTempDir(async (dir) => {
      const { openBackend } = await import('../../../electron/backend/backend.ts');
      const raw = await openBackend({ host: 'browser', appVersion: 'test', dataDir: dir, authPolicy: { scryptCost: 2 ** 10 }, logError: () => undefined });
      try {
        const fresh = await raw.dispatch('auth/status', {});
        expect(fresh).toMatchObject({ ok: true, value: { hasAccounts: false, account: null } });
        expect(await raw.dispatch('staff/list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
        const caller = newCaller();
        expect(await raw.dispatch('auth/setup', { username: 'hr', displayName: '人事', password: 'first-pass-1' }, caller)).toMatchObject({ ok: true, value: { role: 'dispatcher' } });
        expect(caller.sessionToken).toEqual(expect.any(String));
        expect(await raw.dispatch('auth/status', {}, caller)).toMatchObject({ ok: true, value: { hasAccounts: true, account: { username: 'hr' } } });
        expect(await raw.dispatch('auth/setup', { username: 'intruder', displayName: 'x', password: 'second-pass-1' }, newCaller())).toMatchObject({ ok: false, error: { code: 'conflict' } });
        const stored = await raw.context.session.use((db) => db.all<{ password_hash: string }>('SELECT password_hash FROM accounts'));
        expect(stored).toHaveLength(1);
        expect(stored[0]!.password_hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
        expect(stored[0]!.password_hash).not.toContain('first-pass-1');
        const sessions = await raw.context.session.use((db) => db.all<{ token_hash: string }>('SELECT token_hash FROM sessions'));
        expect(sessions.map((row) => row.token_hash)).not.toContain(caller.sessionToken);
      } finally {
        await raw.close();
      }
    });
  });

  it('refuses a wrong password, locks the account after five in a row, and lets it in again once the lock has passed', () =>
    withClockBackend(async (backend, clock) => {
      await asNewAccount(backend, 'lead', { username: 'lead1', zoneIds: [await zoneIdOf(backend, 'AF')], password: 'right-pass-1' });
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const { envelope } = await signIn(backend, 'lead1', 'wrong-pass-1');
        expect(envelope, `attempt ${attempt}`).toMatchObject({ ok: false, error: { code: 'unauthenticated', fields: { password: 'invalid_value' } } });
      }
      const fifth = await signIn(backend, 'lead1', 'wrong-pass-1');
      expect(fifth.envelope).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('已锁定至 2026-11-22 10:15') } });
      // Locked: even the right password is refused until the lock passes.
      expect((await signIn(backend, 'lead1', 'right-pass-1')).envelope).toMatchObject({ ok: false, error: { code: 'locked' } });
      clock.advanceMinutes(16);
      const after = await signIn(backend, 'lead1', 'right-pass-1');
      expect(after.envelope).toMatchObject({ ok: true, value: { username: 'lead1', lockedUntil: null } });
      // An unknown name is refused in the same words as a wrong password.
      expect((await signIn(backend, 'nobody', 'right-pass-1')).envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated', fields: { password: 'invalid_value' } } });
    }));

  it('limits sign-in attempts from one address, whatever the accounts tried', () =>
    withClockBackend(async (backend, clock) => {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        expect((await signIn(backend, `guess${attempt}`, 'wrong-pass-1', '192.168.1.50')).envelope.ok).toBe(false);
      }
      expect((await signIn(backend, TEST_DISPATCHER.username, TEST_DISPATCHER.password, '192.168.1.50')).envelope).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('登录尝试过多') } });
      // Another desktop is not held back by this one, and the limit lifts with time.
      expect((await signIn(backend, TEST_DISPATCHER.username, TEST_DISPATCHER.password, '192.168.1.51')).envelope.ok).toBe(true);
      clock.advanceMinutes(11);
      expect((await signIn(backend, TEST_DISPATCHER.username, TEST_DISPATCHER.password, '192.168.1.50')).envelope.ok).toBe(true);
    }));

  it('lets a session lapse when left alone for a working day, and keeps it alive while in use', () =>
    withClockBackend(async (backend, clock) => {
      clock.advanceMinutes(9 * 60);
      expect(await backend.dispatch('centre/get', {})).toMatchObject({ ok: true });
      clock.advanceMinutes(9 * 60);
      // Used nine hours ago: still alive, and now good for ten hours more.
      expect(await backend.dispatch('centre/get', {})).toMatchObject({ ok: true });
      clock.advanceMinutes(10 * 60 + 1);
      expect(await backend.dispatch('centre/get', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('登录已过期') } });
    }));

  it('changes a password only with the current one, and signs the account out elsewhere', () =>
    withTestBackend(async (backend) => {
      const elsewhere = await signIn(backend, TEST_DISPATCHER.username, TEST_DISPATCHER.password);
      expect((await refused(backend, 'auth/changePassword', { current: 'not-it-123', next: 'newer-pass-2' })).fields).toEqual({ current: 'invalid_value' });
      expect((await refused(backend, 'auth/changePassword', { current: TEST_DISPATCHER.password, next: 'short' })).fields).toMatchObject({ next: expect.any(String) });
      await ask(backend, 'auth/changePassword', { current: TEST_DISPATCHER.password, next: 'newer-pass-2' });
      expect(await backend.dispatch('centre/get', {})).toMatchObject({ ok: true });
      expect(await backend.dispatch('centre/get', {}, elsewhere.caller)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect((await signIn(backend, TEST_DISPATCHER.username, 'newer-pass-2')).envelope.ok).toBe(true);
    }));

  it('keeps one active dispatcher, and signs out an account the moment it is disabled', () =>
    withTestBackend(async (backend) => {
      const me = (await ask(backend, 'auth/status', {})).account!;
      expect((await refused(backend, 'accounts/update', { id: me.id, version: me.version, displayName: me.displayName, role: 'viewer', zoneIds: [], active: true })).code).toBe('conflict');
      const viewer = await asNewAccount(backend, 'viewer', { username: 'viewer1' });
      const account = (await ask(backend, 'accounts/list', {})).find((candidate) => candidate.username === 'viewer1')!;
      await ask(backend, 'accounts/update', { id: account.id, version: account.version, displayName: account.displayName, role: 'viewer', zoneIds: [], active: false });
      expect(await viewer.backend.dispatch('centre/get', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect((await signIn(backend, 'viewer1', 'pass-word-1')).envelope.ok).toBe(false);
    }));
});

/**
 * A week of 农林水务 solved and imported as a roster (a hand-made one breaks the hall's presence rule):
 * someone whose home is 农林水务 (a lead of the zone answers for their duties; others may be rostered
 * there too), on Monday and Tuesday mornings at the same post of the zone.
 */
async function afWeek(backend: Backend): Promise<{ rosterId: number; staffId: number; postId: number }> {
  const af = await zoneIdOf(backend, 'AF');
  const scenario = scenarioOfFile(await ask(backend, 'roster/exportScenario', { from: '2026-11-23', days: 7, zoneIds: [af] }));
  const assignments = await validRoster(scenario);
  const home = new Set((await backend.context.session.use((db) => db.all<{ id: number }>('SELECT id FROM staff WHERE home_zone_id = ?', [af]))).map((row) => String(row.id)));
  const postZone = new Map((await backend.context.session.use((db) => db.all<{ id: number; zone: number | null }>('SELECT id, zone_id AS zone FROM posts'))).map((row) => [String(row.id), row.zone]));
  const morning = (staff: string, date: string) => assignments.find((a) => a.staff === staff && a.date === date && a.shift === 'AM' && a.learner !== true);
  const duty = assignments.find((a) => a.date === '2026-11-23' && a.shift === 'AM' && a.learner !== true && home.has(a.staff) && postZone.get(a.post) === af && morning(a.staff, '2026-11-24')?.post === a.post)!;
  const summary = await ask(backend, 'roster/importRoster', { from: '2026-11-23', days: 7, zoneIds: [af], ...rosterFileOf(assignments) });
  return { rosterId: summary.id, staffId: Number(duty.staff), postId: Number(duty.post) };
}

/** Taking someone off a duty breaks the presence rule: the lead accepts the breach in writing. */
const ACCEPTED = { overrideReason: '临时调整，已知缺岗' };

describe('a shift lead within their zones', () => {
  it('edits the roster of their own zone from today on, but not another zone’s, nor a day gone by', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const week = await afWeek(backend);
      const takeOff = (date: string) => ({ rosterId: week.rosterId, ops: [{ staffId: week.staffId, date, shiftCode: 'AM', postId: null, expectedPostId: week.postId }], reason: '调整', ...ACCEPTED });
      expect(await members.lead.dispatch('board/edit', takeOff('2026-11-24'))).toMatchObject({ ok: true });
      // The viewer sees the board read-only; the lead's board is editable.
      expect(await members.viewer.dispatch('board/get', { rosterId: week.rosterId })).toMatchObject({ ok: true, value: { editable: false } });
      expect(await members.lead.dispatch('board/get', { rosterId: week.rosterId })).toMatchObject({ ok: true, value: { editable: true } });
      expect(await members.lead.dispatch('board/edit', { ...takeOff('2026-11-21'), ops: [{ ...takeOff('2026-11-21').ops[0]!, date: '2026-11-21' }] })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('2026-11-21 已过') } });

      // A lead of another zone may look, but not touch.
      const outsider = await asNewAccount(backend, 'lead', { username: 'lead2', zoneIds: [members.otherZone] });
      expect(await outsider.backend.dispatch('board/get', { rosterId: week.rosterId })).toMatchObject({ ok: true, value: { editable: false } });
      expect(await outsider.backend.dispatch('board/edit', takeOff('2026-11-23'))).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('本人负责区域') } });
    }), 90_000);

  it('corrects the attendance of their zone’s people only, and the audit trail names them', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const people = await backend.context.session.use((db) => db.all<{ id: number; zone: number }>("SELECT id, home_zone_id AS zone FROM staff WHERE status <> 'departed'"));
      const mine = people.find((person) => person.zone === members.leadZone)!;
      const theirs = people.find((person) => person.zone === members.otherZone)!;
      const correct = (staffId: number) => ({ staffId, date: '2026-11-20', status: 'on_time' as const, reason: '打卡机故障' });
      expect(await members.lead.dispatch('attendance/correct', correct(mine.id))).toMatchObject({ ok: true });
      expect(await members.lead.dispatch('attendance/correct', correct(theirs.id))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const trail = await backend.context.session.use((db) => db.all<{ actor: string }>("SELECT actor FROM audit_log WHERE entity = 'attendance_correction'"));
      expect(trail).toEqual([{ actor: 'lead1' }]);
    }));
});

describe('two people on one roster', () => {
  it('refuses the second save of a cell changed meanwhile, naming who changed it and when', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const week = await afWeek(backend);
      // Both had the board open showing the person at the post on Tuesday morning.
      const edit = { rosterId: week.rosterId, ops: [{ staffId: week.staffId, date: '2026-11-24', shiftCode: 'AM', postId: null, expectedPostId: week.postId }], reason: '调整', ...ACCEPTED };
      expect(await members.lead.dispatch('board/edit', edit)).toMatchObject({ ok: true });
      const second = await members.dispatcher.dispatch('board/edit', edit);
      expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!second.ok && second.error.message).toContain(`已被 lead1 于 ${new Date(TEST_NOW).toISOString()} 修改`);
    }), 90_000);

  it('announces every change to whoever listens, with who made it and the roster, and nothing for a read', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const week = await afWeek(backend);
      const heard: ChangeEvent[] = [];
      const stop = backend.context.changes.subscribe((change) => heard.push(change));
      await ask(members.viewer, 'board/get', { rosterId: week.rosterId });
      await ask(members.viewer, 'dashboard/today', {});
      expect(heard).toEqual([]);
      await ask(members.lead, 'board/edit', { rosterId: week.rosterId, ops: [{ staffId: week.staffId, date: '2026-11-24', shiftCode: 'AM', postId: null, expectedPostId: week.postId }], reason: '调整', ...ACCEPTED });
      expect(heard).toEqual([{ channel: 'board/edit', actor: 'lead1', at: new Date(TEST_NOW).toISOString(), rosterId: week.rosterId }]);
      // A refused call changed nothing and says nothing.
      await members.viewer.dispatch('staff/create', {});
      expect(heard).toHaveLength(1);
      stop();
    }), 90_000);
});

describe('a shift lead on a roster of every zone', () => {
  async function hallTeam(backend: Backend) {
    const members = await team(backend);
    const byRole: Record<Who, Backend> = { dispatcher: members.dispatcher, lead: members.lead, viewer: members.viewer, anonymous: members.anonymous };
    const dial: Dial = (who, channel, argument) => byRole[who].dispatch(channel, argument);
    return { members, dial, hall: await zoneHall(backend, dial) };
  }

  it('is let through for their own zone and refused for another, on every channel the role table scopes, and sees only what it lets them', () =>
    withTestBackend(async (backend) => {
      const { dial, hall } = await hallTeam(backend);
      expect(await sweepZones(backend, hall, dial)).toEqual([]);
    }), 180_000);

  it('may not put their own person on another zone’s post, nor touch another zone’s person at their own post', () =>
    withTestBackend(async (backend) => {
      const { members, hall } = await hallTeam(backend);
      const before = await backend.context.session.use((db) => listAssignments(db, hall.rosterId));
      const cell = (staffId: number, postId: number | null, expectedPostId: number | null, date = WEDNESDAY) => ({ rosterId: hall.rosterId, ops: [{ staffId, date, shiftCode: 'AM', postId, expectedPostId }], reason: '调整', overrideReason: '测试' });
      // On the solved roster everyone present holds Wednesday morning: the dispatcher's edit names the post it holds.
      const ownWednesday = before.find((duty) => duty.staffId === hall.own.staffId && duty.date === WEDNESDAY && duty.shiftCode === 'AM')!.postId;
      const toOtherPost = await members.lead.dispatch('board/edit', cell(hall.own.staffId, hall.other.postId, null));
      expect(toOtherPost).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('本人负责区域岗位') } });
      const otherAtOwnPost = await members.lead.dispatch('board/edit', cell(hall.other.staffId, hall.own.postId, null));
      expect(otherAtOwnPost).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('本人负责区域人员') } });
      // An expected post that is not the cell's does not get another zone's duty past the check.
      expect(await members.lead.dispatch('board/edit', cell(hall.other.staffId, null, hall.own.postId, TUESDAY))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // The dispatcher answers for every zone.
      expect(await members.dispatcher.dispatch('board/edit', cell(hall.own.staffId, hall.other.postId, ownWednesday))).not.toMatchObject({ error: { code: 'forbidden' } });
      // Nothing of the refused edits reached the roster.
      const duties = await backend.context.session.use((db) => listAssignments(db, hall.rosterId));
      const mornings = (of: typeof duties) => of.filter((duty) => duty.staffId === hall.other.staffId && duty.shiftCode === 'AM' && duty.date <= TUESDAY);
      expect(mornings(duties).map((duty) => [duty.date, duty.postId])).toEqual([['2026-11-23', hall.other.postId], [TUESDAY, hall.other.postId]]);
      expect(duties.filter((duty) => duty.staffId === hall.other.staffId)).toEqual(before.filter((duty) => duty.staffId === hall.other.staffId));
    }), 90_000);

  it('refuses to apply a proposal that moves another zone’s person, naming them', () =>
    withTestBackend(async (backend) => {
      const { members, hall } = await hallTeam(backend);
      const name = (await backend.context.session.use((db) => db.get<{ name: string }>('SELECT name FROM staff WHERE id = ?', [hall.other.staffId])))!.name;
      expect(await members.lead.dispatch('board/applyProposal', { proposalId: hall.otherProposalId })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(`${name} ${TUESDAY} AM`) } });
      expect(await members.lead.dispatch('board/applyProposal', { proposalId: hall.ownProposalId })).toMatchObject({ ok: true });
    }), 90_000);

  it('shows the lead which cells they may edit: their people at their posts', () =>
    withTestBackend(async (backend) => {
      const { members, hall } = await hallTeam(backend);
      const board = await ask(members.lead, 'board/get', { rosterId: hall.rosterId });
      expect(board.editable).toBe(true);
      expect(board.editableZoneIds).toEqual([hall.leadZone]);
      expect((await ask(members.dispatcher, 'board/get', { rosterId: hall.rosterId })).editableZoneIds).toBeNull();
      expect((await ask(members.viewer, 'board/get', { rosterId: hall.rosterId })).editable).toBe(false);
    }), 90_000);
});

describe('what each role receives of a row', () => {
  it('gives the client’s viewer the staff list without phone, resident ID, pay grade or why people left', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const full = await ask(members.dispatcher, 'staff/list', {});
      const seen = await ask(members.viewer, 'staff/list', {});
      expect(seen).toHaveLength(full.length);
      expect(full.some((row) => row.leaveReason)).toBe(true);
      for (const row of seen) {
        expect(Object.keys(row).sort()).toEqual(['employeeNo', 'hireDate', 'homeZoneId', 'id', 'leftOn', 'name', 'primaryPostId', 'status', 'updatedAt', 'version']);
      }
      const lead = await ask(members.lead, 'staff/list', {});
      expect(lead.every((row) => row.phone !== undefined && row.wageGrade === undefined && row.idNumberMasked === undefined)).toBe(true);
    }), 90_000);
});

describe('what a lead reads of attendance', () => {
  it('writes a lead’s month sheet export with their zones’ people only', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const employeeNos = async (who: Backend) => {
        const file = await ask(who, 'attendance/export', { year: 2026, month: 11 });
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
        const numbers: string[] = [];
        workbook.worksheets[0]!.eachRow((row) => numbers.push(String(row.getCell(1).value ?? '')));
        return numbers;
      };
      const zoneOf = new Map((await backend.context.session.use((db) => db.all<{ no: string; zone: number }>('SELECT employee_no AS no, home_zone_id AS zone FROM staff'))).map((row) => [row.no, row.zone]));
      const everyone = (await employeeNos(members.dispatcher)).filter((no) => zoneOf.has(no));
      const leads = (await employeeNos(members.lead)).filter((no) => zoneOf.has(no));
      expect(new Set(everyone.map((no) => zoneOf.get(no))).size).toBeGreaterThan(1);
      expect(leads.length).toBeGreaterThan(0);
      expect(leads).toEqual(everyone.filter((no) => zoneOf.get(no) === members.leadZone));
    }), 90_000);
});

describe('the board’s fingerprint of a roster', () => {
  it('changes when two people swap posts behind the change log, so the board never shows a stale copy', () =>
    withTestBackend(async (backend) => {
      const members = await team(backend);
      const { hall } = { hall: await zoneHall(backend, (who, channel, argument) => (who === 'dispatcher' ? members.dispatcher : members.lead).dispatch(channel, argument)) };
      const cache = new BoardStateCache();
      const before = await backend.context.session.use((db) => loadBoardState(db, hall.rosterId, cache));
      const at = (state: typeof before, staffId: number) => state.assignments.find((duty) => duty.staff === String(staffId) && duty.date === TUESDAY && duty.shift === 'AM')!.post;
      const windowAt = (staffId: number) => before.assignments.find((duty) => duty.staff === String(staffId) && duty.date === TUESDAY && duty.shift === 'AM')!.window ?? null;
      const [ownWindow, otherWindow] = [windowAt(hall.own.staffId), windowAt(hall.other.staffId)];
      // The two swap their Tuesday morning posts (and windows) straight in the file: the sum of staff and post terms stays the same.
      await backend.context.session.use(async (db) => {
        await db.run("UPDATE roster_assignments SET post_id = ?, window_id = ? WHERE roster_id = ? AND staff_id = ? AND date = ? AND shift_code = 'AM'", [hall.other.postId, otherWindow, hall.rosterId, hall.own.staffId, TUESDAY]);
        await db.run("UPDATE roster_assignments SET post_id = ?, window_id = ? WHERE roster_id = ? AND staff_id = ? AND date = ? AND shift_code = 'AM'", [hall.own.postId, ownWindow, hall.rosterId, hall.other.staffId, TUESDAY]);
      });
      const after = await backend.context.session.use((db) => loadBoardState(db, hall.rosterId, cache));
      expect([at(before, hall.own.staffId), at(before, hall.other.staffId)]).toEqual([String(hall.own.postId), String(hall.other.postId)]);
      expect([at(after, hall.own.staffId), at(after, hall.other.staffId)]).toEqual([String(hall.other.postId), String(hall.own.postId)]);
    }), 90_000);

  it('digests the ordered duties: a swap of posts or of people changes it, the same duties give the same one', () => {
    const duty = (staffId: number, postId: number) => ({ staffId, date: TUESDAY, shiftCode: 'AM', postId, learner: false });
    const base = dutiesDigest([duty(1, 10), duty(2, 20)]);
    expect(dutiesDigest([duty(1, 10), duty(2, 20)])).toBe(base);
    expect(dutiesDigest([duty(1, 20), duty(2, 10)])).not.toBe(base);
    expect(dutiesDigest([duty(1, 10), duty(2, 20), duty(3, 30)])).not.toBe(dutiesDigest([duty(1, 20), duty(2, 30), duty(3, 10)]));
  });
});
