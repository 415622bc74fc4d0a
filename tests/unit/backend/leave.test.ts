import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { ChannelInput } from '../../../electron/contract/channels.ts';
import { listAudit } from '../../../data/repositories/audit.ts';
import { ask, refused, TEST_TODAY, withTestBackend } from '../../support/backend.ts';

type RequestInput = ChannelInput<'leave/request'>;

/** Someone employed who holds no A/B seat and is the only cover of nothing: leave for them conflicts with nothing. */
async function quietPerson(backend: Backend): Promise<number> {
  const staff = await ask(backend, 'staff/list', {});
  const ab = await ask(backend, 'ab/list', {});
  const bench = await ask(backend, 'bench/summary', {});
  const seated = new Set(ab.flatMap((w) => [w.aStaffId, w.bStaffId]));
  const critical = new Set(bench.skills.filter((s) => s.needsCover && s.qualified <= 2).flatMap((s) => s.qualifiedStaffIds));
  const person = staff.find((s) => s.status !== 'departed' && !seated.has(s.id) && !critical.has(s.id) && s.hireDate <= '2025-01-01');
  if (!person) throw new Error('the demo centre has no quiet person');
  return person.id;
}

function leave(staffId: number, overrides: Partial<RequestInput> = {}): RequestInput {
  return { staffId, type: 'personal', from: '2026-11-23', to: '2026-11-23', part: 'full', reason: '家中有事', acknowledgeConflicts: false, ...overrides };
}

describe('leave requests', () => {
  it('counts working days across 国庆 and weekends, and records a pending request with an audit entry', () =>
    withTestBackend(async (backend) => {
      const staffId = await quietPerson(backend);
      const check = await ask(backend, 'leave/check', { staffId, type: 'personal', from: '2026-09-28', to: '2026-10-12', part: 'full' });
      expect(check.days).toBe(7);
      expect(check.balance).toBeNull();
      const half = await ask(backend, 'leave/check', { staffId, type: 'sick', from: '2026-11-23', to: '2026-11-23', part: 'pm' });
      expect(half.days).toBe(0.5);
      const created = await ask(backend, 'leave/request', leave(staffId, { from: '2026-09-28', to: '2026-10-12' }));
      expect(created).toMatchObject({ staffId, status: 'pending', days: 7, version: 1, reason: '家中有事' });
      const audit = await backend.context.session.use((db) => listAudit(db, 'leave', created.id));
      expect(audit.map((entry) => entry.action)).toEqual(['request']);
      const listed = await ask(backend, 'leave/list', { from: '2026-10-01', to: '2026-10-31' });
      expect(listed.map((r) => r.id)).toEqual([created.id]);
      expect(listed[0]!.name).not.toBe('');
      expect(await ask(backend, 'leave/list', { from: '2026-11-01', to: '2026-11-30' })).toEqual([]);
    }));

  it('refuses an overlapping request of the same person, but allows the other half of a day', () =>
    withTestBackend(async (backend) => {
      const staffId = await quietPerson(backend);
      await ask(backend, 'leave/request', leave(staffId, { from: '2026-11-23', to: '2026-11-25' }));
      const overlap = await refused(backend, 'leave/request', leave(staffId, { from: '2026-11-25', to: '2026-11-26' }));
      expect(overlap.code).toBe('conflict');
      expect(overlap.message).toContain('重叠');
      await ask(backend, 'leave/request', leave(staffId, { from: '2026-11-26', to: '2026-11-26', part: 'am' }));
      await ask(backend, 'leave/request', leave(staffId, { from: '2026-11-26', to: '2026-11-26', part: 'pm', type: 'outing' }));
    }));

  it('refuses dates that make no request: backwards, half of several days, only holidays, before hire', () =>
    withTestBackend(async (backend) => {
      const staffId = await quietPerson(backend);
      expect((await refused(backend, 'leave/request', leave(staffId, { from: '2026-11-25', to: '2026-11-23' }))).fields).toEqual({ to: 'out_of_range' });
      expect((await refused(backend, 'leave/request', leave(staffId, { to: '2026-11-24', part: 'am' }))).fields).toEqual({ part: 'invalid_value' });
      expect((await refused(backend, 'leave/request', leave(staffId, { from: '2026-10-01', to: '2026-10-07' }))).fields).toEqual({ from: 'out_of_range' });
      expect((await refused(backend, 'leave/request', leave(staffId, { from: '2000-01-03', to: '2000-01-03' }))).fields).toEqual({ from: 'before_hire' });
      expect((await refused(backend, 'leave/request', leave(staffId, { reason: '  ' }))).fields).toEqual({ reason: 'required' });
    }));

  it('refuses a year whose holiday notice is not confirmed', () =>
    withTestBackend(async (backend) => {
      const staffId = await quietPerson(backend);
      const error = await refused(backend, 'leave/request', leave(staffId, { from: '2027-01-04', to: '2027-01-05' }));
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('2027');
      expect((await refused(backend, 'leave/check', { staffId, type: 'sick', from: '2026-12-30', to: '2027-01-04', part: 'full' })).message).toContain('2027');
    }));

  it('refuses a person who has left', () =>
    withTestBackend(async (backend) => {
      const departed = (await ask(backend, 'staff/list', {})).find((s) => s.status === 'departed');
      expect(departed).toBeDefined();
      const error = await refused(backend, 'leave/request', leave(departed!.id));
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('离职');
    }));
});

describe('annual leave balance', () => {
  it('follows years of work, counts pending and approved, and refuses beyond what remains', () =>
    withTestBackend(async (backend) => {
      const staffId = await quietPerson(backend);
      const person = await ask(backend, 'staff/get', { id: staffId });
      // Working since 2012, hired years ago: 10 days in 2026.
      const { employeeNo, name, gender, phone, idNumber, hireDate, homeZoneId, primaryPostId, contractType, weeklyHourCap, wageGrade } = person;
      const draft = { employeeNo, name, gender, phone, idNumber, hireDate, homeZoneId, primaryPostId, contractType, weeklyHourCap, wageGrade };
      const status = person.status === 'probation' ? 'probation' : 'active';
      await ask(backend, 'staff/update', { id: staffId, version: person.version, staff: { ...draft, status, workStartDate: '2012-05-01' } });
      const before = (await ask(backend, 'leave/balances', { year: 2026 })).find((b) => b.staffId === staffId);
      expect(before).toEqual({ staffId, year: 2026, entitlement: 10, taken: 0, pending: 0, remaining: 10 });
      // 11/23–11/27 and 11/30–12/4: 5 working days each.
      const first = await ask(backend, 'leave/request', leave(staffId, { type: 'annual', from: '2026-11-23', to: '2026-11-27' }));
      await ask(backend, 'leave/decide', { id: first.id, version: first.version, decision: 'approved', note: '' });
      await ask(backend, 'leave/request', leave(staffId, { type: 'annual', from: '2026-11-30', to: '2026-12-03' }));
      const check = await ask(backend, 'leave/check', { staffId, type: 'annual', from: '2026-12-07', to: '2026-12-08', part: 'full' });
      expect(check.balance).toEqual({ staffId, year: 2026, entitlement: 10, taken: 5, pending: 4, remaining: 1 });
      const tooMuch = await refused(backend, 'leave/request', leave(staffId, { type: 'annual', from: '2026-12-07', to: '2026-12-08' }));
      expect(tooMuch.code).toBe('conflict');
      expect(tooMuch.message).toContain('余额');
      await ask(backend, 'leave/request', leave(staffId, { type: 'annual', from: '2026-12-07', to: '2026-12-07' }));
      // Annual leave across New Year is two requests: each year has its own balance.
      expect((await refused(backend, 'leave/check', { staffId, type: 'annual', from: '2026-12-31', to: '2027-01-04', part: 'full' })).fields).toEqual({ to: 'out_of_range' });
    }));
});

describe('A/B cover', () => {
  it('asks for acknowledgment when a skill with two qualified people would be left with one', () =>
    withTestBackend(async (backend) => {
      const bench = await ask(backend, 'bench/summary', {});
      const skill = bench.skills.find((s) => s.needsCover && s.qualified === 2);
      expect(skill).toBeDefined();
      const [first, second] = skill!.qualifiedStaffIds as [number, number];
      // The first one's leave already drops the skill to 1: it goes in acknowledged, then approved.
      const firstLeave = await ask(backend, 'leave/request', leave(first, { acknowledgeConflicts: true }));
      expect(firstLeave.conflictsAcknowledged).toBe(true);
      await ask(backend, 'leave/decide', { id: firstLeave.id, version: 1, decision: 'approved', note: '', acknowledgeConflicts: true });

      const check = await ask(backend, 'leave/check', { staffId: second, type: 'personal', from: '2026-11-23', to: '2026-11-24', part: 'full' });
      // Nobody left on the 23rd, one on the 24th: both below target because of this request.
      expect(check.conflicts.skills).toContainEqual({ postId: skill!.postId, qualifiedLeft: 0, target: 2, dates: ['2026-11-23', '2026-11-24'] });
      const error = await refused(backend, 'leave/request', leave(second, { to: '2026-11-24' }));
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('A/B');
      const acknowledged = await ask(backend, 'leave/request', leave(second, { to: '2026-11-24', acknowledgeConflicts: true }));
      expect(acknowledged).toMatchObject({ status: 'pending', conflictsAcknowledged: true });
    }));

  it('checks cover again on approval: leave approved since the request may leave a skill short', () =>
    withTestBackend(async (backend) => {
      const bench = await ask(backend, 'bench/summary', {});
      const skill = bench.skills.find((s) => s.needsCover && s.qualified === 2)!;
      const [x, y] = skill.qualifiedStaffIds as [number, number];
      // A third qualified person: either request alone leaves two, both together only one.
      const third = (await ask(backend, 'staff/list', {})).find((p) => p.status === 'active' && !skill.qualifiedStaffIds.includes(p.id))!;
      await ask(backend, 'skills/setLevel', { staffId: third.id, postId: skill.postId, level: 2, certifiedOn: '2026-11-01' });
      // Each request alone leaves two qualified: no conflict when asked for.
      const first = await ask(backend, 'leave/request', leave(x));
      const second = await ask(backend, 'leave/request', leave(y));
      expect([first.conflictsAcknowledged, second.conflictsAcknowledged]).toEqual([false, false]);
      await ask(backend, 'leave/decide', { id: first.id, version: 1, decision: 'approved', note: '' });
      const error = await refused(backend, 'leave/decide', { id: second.id, version: 1, decision: 'approved', note: '' });
      expect(error.code).toBe('conflict');
      expect((await ask(backend, 'leave/list', { from: '2026-11-01', to: '2026-11-30' })).find((r) => r.id === second.id)?.status).toBe('pending');
      const approved = await ask(backend, 'leave/decide', { id: second.id, version: 1, decision: 'approved', note: '', acknowledgeConflicts: true });
      expect(approved.status).toBe('approved');
    }));

  it('counts a person on approved long leave today as away for bench strength and A/B warnings', () =>
    withTestBackend(async (backend) => {
      const ab = await ask(backend, 'ab/list', {});
      const seat = ab.find((w) => w.aStaffId !== null && w.warnings.length === 0)!;
      const staffId = seat.aStaffId!;
      const benchBefore = await ask(backend, 'bench/summary', {});
      const qualifiedBefore = benchBefore.skills.filter((s) => s.qualifiedStaffIds.includes(staffId)).length;
      expect(qualifiedBefore).toBeGreaterThan(0);
      // Today (a Sunday) inside 11/16–11/27: ten working days, approved.
      const request = await ask(backend, 'leave/request', leave(staffId, { type: 'sick', from: '2026-11-16', to: '2026-11-27', acknowledgeConflicts: true }));
      expect(request.from <= TEST_TODAY && TEST_TODAY <= request.to).toBe(true);
      expect((await ask(backend, 'bench/summary', {})).skills.filter((s) => s.qualifiedStaffIds.includes(staffId))).toHaveLength(qualifiedBefore);
      await ask(backend, 'leave/decide', { id: request.id, version: request.version, decision: 'approved', note: '' });
      const benchAfter = await ask(backend, 'bench/summary', {});
      expect(benchAfter.skills.filter((s) => s.qualifiedStaffIds.includes(staffId))).toHaveLength(0);
      expect((await ask(backend, 'ab/list', {})).find((w) => w.windowId === seat.windowId)!.warnings).toContain('a_away');
    }));

  it('does not count short leave as away', () =>
    withTestBackend(async (backend) => {
      const ab = await ask(backend, 'ab/list', {});
      const seat = ab.find((w) => w.aStaffId !== null && w.warnings.length === 0)!;
      // 11/20 (Fri) – 11/24 (Tue): three working days.
      const request = await ask(backend, 'leave/request', leave(seat.aStaffId!, { type: 'sick', from: '2026-11-20', to: '2026-11-24', acknowledgeConflicts: true }));
      await ask(backend, 'leave/decide', { id: request.id, version: request.version, decision: 'approved', note: '' });
      expect((await ask(backend, 'ab/list', {})).find((w) => w.windowId === seat.windowId)!.warnings).not.toContain('a_away');
    }));
});

describe('deciding and cancelling', () => {
  it('approves and rejects only pending requests of the version seen, and a rejection needs a note', () =>
    withTestBackend(async (backend) => {
      const staffId = await quietPerson(backend);
      const a = await ask(backend, 'leave/request', leave(staffId));
      const b = await ask(backend, 'leave/request', leave(staffId, { from: '2026-11-24', to: '2026-11-24' }));
      expect((await refused(backend, 'leave/decide', { id: a.id, version: 2, decision: 'approved', note: '' })).code).toBe('conflict');
      const approved = await ask(backend, 'leave/decide', { id: a.id, version: 1, decision: 'approved', note: '同意' });
      expect(approved).toMatchObject({ status: 'approved', version: 2, decidedBy: 'dispatcher', decisionNote: '同意' });
      expect((await refused(backend, 'leave/decide', { id: a.id, version: 2, decision: 'rejected', note: '不行' })).message).toContain('已批准');
      expect((await refused(backend, 'leave/decide', { id: b.id, version: 1, decision: 'rejected', note: ' ' })).fields).toEqual({ note: 'required' });
      const rejected = await ask(backend, 'leave/decide', { id: b.id, version: 1, decision: 'rejected', note: '窗口人手不足' });
      expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '窗口人手不足' });
      expect((await refused(backend, 'leave/decide', { id: 9999, version: 1, decision: 'approved', note: '' })).code).toBe('not_found');
    }));

  it('cancels pending or approved leave, keeping the decision on record, and frees the dates', () =>
    withTestBackend(async (backend) => {
      const staffId = await quietPerson(backend);
      const a = await ask(backend, 'leave/request', leave(staffId));
      const approved = await ask(backend, 'leave/decide', { id: a.id, version: 1, decision: 'approved', note: '' });
      expect((await refused(backend, 'leave/cancel', { id: a.id, version: 1 })).code).toBe('conflict');
      const cancelled = await ask(backend, 'leave/cancel', { id: a.id, version: approved.version });
      expect(cancelled).toMatchObject({ status: 'cancelled', version: 3, decidedBy: 'dispatcher' });
      expect((await refused(backend, 'leave/cancel', { id: a.id, version: 3 })).code).toBe('conflict');
      await ask(backend, 'leave/request', leave(staffId));
      expect(await ask(backend, 'leave/list', { from: '2026-11-23', to: '2026-11-23', status: 'cancelled' })).toHaveLength(1);
      expect(await ask(backend, 'leave/list', { from: '2026-11-23', to: '2026-11-23', staffId, status: 'pending' })).toHaveLength(1);
    }));
});
