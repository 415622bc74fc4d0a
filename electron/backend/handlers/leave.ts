import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure, fieldFailure } from '../../contract/errors.ts';
import type { LeaveBalance, LeaveCheck, LeaveRequest, TimeAccountView } from '../../contract/areas/leave.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { cancelLeave, decideLeave, getLeave, insertLeave, listLeave, type LeaveRecord } from '../../../data/repositories/leave.ts';
import { getStaff, listStaff } from '../../../data/repositories/staff.ts';
import { hasConflicts } from '../../../solver/leave/conflicts.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { loadHall } from '../hall-snapshot.ts';
import { balancesOf, checkLeave, describeConflicts, toRequest } from '../leave/leave-service.ts';
import { assertLieuBalance } from '../leave/lieu-balance.ts';
import { timeAccountView } from '../leave/time-account-view.ts';

/** The leave channels (see electron/contract/areas/leave.ts). */
export function leaveHandlers(ctx: BackendContext) {
  return {
    'leave/list': ({ from, to, status, staffId }: ChannelArgs<'leave/list'>): Promise<LeaveRequest[]> =>
      ctx.session.use(async (db) => {
        const staff = new Map((await listStaff(db)).map((person) => [person.id, person]));
        const records = await listLeave(db, { from, to, statuses: status ? [status] : undefined, staffId });
        return records.map((record) => toRequest(record, staff.get(record.staffId)));
      }),

    'leave/check': (arg: ChannelArgs<'leave/check'>): Promise<LeaveCheck> =>
      ctx.session.use(async (db) => checkLeave(db, await loadHall(db, todayOf(ctx.clock)), arg)),

    'leave/request': (arg: ChannelArgs<'leave/request'>): Promise<LeaveRequest> =>
      ctx.session.use((db) => db.transaction((tx) => request(tx, ctx, arg))),

    'leave/decide': ({ id, version, decision, note, acknowledgeConflicts }: ChannelArgs<'leave/decide'>): Promise<LeaveRequest> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const before = await requireCurrent(tx, id, version);
          if (before.status !== 'pending') throw notPending(before);
          if (decision === 'rejected' && note === '') throw fieldFailure({ note: 'required' });
          if (decision === 'approved') await assertLieuStillHolds(tx, ctx, before);
          if (decision === 'approved' && !acknowledgeConflicts) await assertCoverStillHolds(tx, ctx, before);
          const at = ctx.clock.now().toISOString();
          await decideLeave(tx, { id, version, status: decision, at, by: ctx.actor, note: note === '' ? null : note });
          await audit(tx, ctx, id, decision === 'approved' ? 'approve' : 'reject', { note });
          return requireRequest(tx, id);
        }),
      ),

    'leave/cancel': ({ id, version }: ChannelArgs<'leave/cancel'>): Promise<LeaveRequest> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const before = await requireCurrent(tx, id, version);
          if (before.status !== 'pending' && before.status !== 'approved') throw notPending(before);
          await cancelLeave(tx, id, version);
          await audit(tx, ctx, id, 'cancel', { was: before.status });
          return requireRequest(tx, id);
        }),
      ),

    'leave/balances': ({ year }: ChannelArgs<'leave/balances'>): Promise<LeaveBalance[]> =>
      ctx.session.use(async (db) => balancesOf(db, await loadHall(db, todayOf(ctx.clock)), year)),

    'leave/timeAccount': (arg: ChannelArgs<'leave/timeAccount'>): Promise<TimeAccountView> =>
      ctx.session.use((db) => timeAccountView(db, arg, todayOf(ctx.clock))),
  };
}

/**
 * A 调休 is re-checked against the balance as it is now: since it was filed the hours it was to spend
 * may have gone (another 调休 approved first, the setting shortened, punches corrected). Not
 * acknowledgeable: the hours are simply not there.
 */
async function assertLieuStillHolds(tx: Queryable, ctx: BackendContext, leave: LeaveRecord): Promise<void> {
  if (leave.type !== 'compensatory') return;
  const person = await getStaff(tx, leave.staffId);
  if (person) await assertLieuBalance(tx, person, { from: leave.from, days: leave.days, id: leave.id }, todayOf(ctx.clock));
}

/** Leave approved since this request was made may now leave a skill or a window uncovered. */
async function assertCoverStillHolds(tx: Queryable, ctx: BackendContext, leave: LeaveRecord): Promise<void> {
  const hall = await loadHall(tx, todayOf(ctx.clock));
  const check = await checkLeave(tx, hall, { staffId: leave.staffId, type: leave.type, from: leave.from, to: leave.to, part: leave.part });
  if (hasConflicts(check.conflicts)) throw new AppFailure('conflict', describeConflicts(hall, check.conflicts));
}

/** Refusals in the order a dispatcher would fix them: dates, calendar, overlap, balance, then cover. */
async function request(tx: Queryable, ctx: BackendContext, arg: ChannelArgs<'leave/request'>): Promise<LeaveRequest> {
  const hall = await loadHall(tx, todayOf(ctx.clock));
  const check = await checkLeave(tx, hall, arg);
  if (check.days === 0) throw fieldFailure({ from: 'out_of_range' });
  const [first] = check.overlapping;
  if (first) {
    throw new AppFailure(
      'conflict',
      `${first.name} 在 ${first.from}～${first.to} 已有请假申请，日期重叠。 / ${first.name} already has leave from ${first.from} to ${first.to} overlapping these dates.`,
    );
  }
  if (check.balance && check.days > check.balance.remaining) {
    const { remaining, year } = check.balance;
    throw new AppFailure(
      'conflict',
      `${year} 年年休假余额 ${remaining} 天，不足 ${check.days} 天。 / Only ${remaining} days of ${year} annual leave remain; this request takes ${check.days}.`,
    );
  }
  if (arg.type === 'compensatory') {
    const person = hall.staff.find((candidate) => candidate.id === arg.staffId)!;
    await assertLieuBalance(tx, person, { from: arg.from, days: check.days }, todayOf(ctx.clock));
  }
  const conflicted = hasConflicts(check.conflicts);
  if (conflicted && !arg.acknowledgeConflicts) throw new AppFailure('conflict', describeConflicts(hall, check.conflicts));
  const id = await insertLeave(tx, {
    staffId: arg.staffId,
    type: arg.type,
    from: arg.from,
    to: arg.to,
    part: arg.part,
    days: check.days,
    reason: arg.reason,
    conflictsAcknowledged: conflicted,
    requestedAt: ctx.clock.now().toISOString(),
    requestedBy: ctx.actor,
  });
  await audit(tx, ctx, id, 'request', {
    staffId: arg.staffId, type: arg.type, from: arg.from, to: arg.to, part: arg.part, days: check.days,
    conflicts: conflicted ? check.conflicts : null,
  });
  return requireRequest(tx, id);
}

async function requireRequest(db: Queryable, id: number): Promise<LeaveRequest> {
  const record = await getLeave(db, id);
  if (!record) throw new AppFailure('not_found', `No leave request with id ${id}`);
  return toRequest(record, await getStaff(db, record.staffId));
}

/** The request must still be the one the user saw. */
async function requireCurrent(db: Queryable, id: number, version: number): Promise<LeaveRecord> {
  const record = await getLeave(db, id);
  if (!record) throw new AppFailure('not_found', `No leave request with id ${id}`);
  if (record.version !== version) {
    throw new AppFailure('conflict', '该请假申请在您打开后已被修改，请刷新后重试。 / This leave request was changed after you opened it; reload and try again.');
  }
  return record;
}

const STATUS_ZH: Record<LeaveRecord['status'], string> = { pending: '待审批', approved: '已批准', rejected: '已驳回', cancelled: '已撤销' };

function notPending(record: LeaveRecord): AppFailure {
  return new AppFailure('conflict', `该请假申请已是「${STATUS_ZH[record.status]}」，不能再处理。 / This leave request is already ${record.status}.`);
}

function audit(db: Queryable, ctx: BackendContext, id: number, action: string, detail: Record<string, unknown>) {
  return appendAudit(db, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity: 'leave', entityId: id, action, detail });
}
