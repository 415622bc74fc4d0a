import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure, fieldFailure } from '../../contract/errors.ts';
import type { OvertimeRow } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { decideOvertime, getOvertime, insertOvertime } from '../../../data/repositories/overtime.ts';
import { getStaff, type StaffRecord } from '../../../data/repositories/staff.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { overtimeMonth, plannedRow, punchDayRow } from '../attendance/overtime.ts';

/** The overtime channels (see electron/contract/areas/attendance.ts): plan, decide, list. */
export function overtimeHandlers(ctx: BackendContext) {
  const audit = (db: Queryable, entityId: number, action: string, detail: Record<string, unknown>) =>
    appendAudit(db, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity: 'overtime', entityId, action, detail });

  return {
    'overtime/month': ({ year, month }: ChannelArgs<'overtime/month'>) =>
      ctx.session.use((db) => overtimeMonth(db, year, month, todayOf(ctx.clock))),

    'overtime/request': ({ staffId, date, startsAt, endsAt, minutes, reason }: ChannelArgs<'overtime/request'>): Promise<OvertimeRow> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const person = await employedOn(tx, staffId, date);
          const asked = requestedMinutes(startsAt, endsAt, minutes);
          const at = ctx.clock.now().toISOString();
          const id = await insertOvertime(tx, {
            staffId, date, source: 'planned', startsAt: startsAt ?? null, endsAt: endsAt ?? null, minutes: asked, reason, status: 'pending', requestedAt: at, requestedBy: ctx.actor,
          });
          await audit(tx, id, 'create', { staffId, date, startsAt: startsAt ?? null, endsAt: endsAt ?? null, minutes: asked, reason });
          return plannedRow((await getOvertime(tx, id))!, person);
        }),
      ),

    'overtime/decide': ({ requestId, decision, note }: ChannelArgs<'overtime/decide'>): Promise<OvertimeRow> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const before = await getOvertime(tx, requestId);
          if (!before || before.source !== 'planned') throw new AppFailure('not_found', `没有编号为 ${requestId} 的加班申请。 / No overtime request with id ${requestId}.`);
          if (before.status !== 'pending') throw new AppFailure('conflict', `该加班申请已${before.status === 'approved' ? '批准' : '驳回'}，不能再处理。 / This overtime request is already ${before.status}.`);
          if (decision === 'rejected' && note === '') throw fieldFailure({ note: 'required' });
          await decideOvertime(tx, { id: requestId, status: decision, at: ctx.clock.now().toISOString(), by: ctx.actor, note: note === '' ? null : note });
          await audit(tx, requestId, decision === 'approved' ? 'approve' : 'reject', { note });
          const person = await getStaff(tx, before.staffId);
          return plannedRow((await getOvertime(tx, requestId))!, person!);
        }),
      ),

    'overtime/decidePunch': ({ staffId, date, minutes, decision, note }: ChannelArgs<'overtime/decidePunch'>): Promise<OvertimeRow> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const person = await employedOn(tx, staffId, date);
          if (decision === 'rejected' && note === '') throw fieldFailure({ note: 'required' });
          const today = todayOf(ctx.clock);
          const waiting = (await punchDayRow(tx, person, date, today))?.pendingMinutes ?? 0;
          if (waiting === 0) throw new AppFailure('conflict', `${person.name} ${date} 没有待审批的打卡加班。 / ${person.name} has no punch overtime waiting for a decision on ${date}.`);
          // Punches imported or corrected since the list was read change what is decided: say so rather than guess.
          if (waiting !== minutes) {
            throw new AppFailure('conflict', `${person.name} ${date} 待审批的加班已变为 ${waiting} 分钟，请刷新后重试。 / ${person.name}'s overtime waiting on ${date} is now ${waiting} minutes; reload and try again.`);
          }
          const at = ctx.clock.now().toISOString();
          const id = await insertOvertime(tx, {
            staffId, date, source: 'punch', startsAt: null, endsAt: null, minutes, reason: '', status: decision, requestedAt: at, requestedBy: ctx.actor,
            decidedAt: at, decidedBy: ctx.actor, decisionNote: note === '' ? null : note,
          });
          await audit(tx, id, decision === 'approved' ? 'approve_punches' : 'reject_punches', { staffId, date, minutes, note });
          return (await punchDayRow(tx, person, date, today))!;
        }),
      ),
  };
}

async function employedOn(db: Queryable, staffId: number, date: string): Promise<StaffRecord> {
  const person = await getStaff(db, staffId);
  if (!person) throw new AppFailure('not_found', `没有编号为 ${staffId} 的人员。 / No staff member with id ${staffId}.`);
  if (person.hireDate > date || (person.leftOn !== null && person.leftOn < date)) {
    throw new AppFailure('invalid_argument', `${person.name} 在 ${date} 不在职。 / ${person.name} was not employed on ${date}.`, { date: 'invalid_value' });
  }
  return person;
}

/** From–to gives the minutes; without times, the minutes must be given. */
function requestedMinutes(startsAt: number | undefined, endsAt: number | undefined, minutes: number | undefined): number {
  if ((startsAt === undefined) !== (endsAt === undefined)) throw fieldFailure(startsAt === undefined ? { startsAt: 'required' } : { endsAt: 'required' });
  if (startsAt !== undefined && endsAt !== undefined) {
    if (endsAt <= startsAt) throw new AppFailure('invalid_argument', '加班结束时间须晚于开始时间。 / The overtime must end after it starts.', { endsAt: 'out_of_range' });
    if (minutes !== undefined && minutes !== endsAt - startsAt) {
      throw new AppFailure('invalid_argument', `加班分钟数（${minutes}）与起止时间（${endsAt - startsAt} 分钟）不一致。 / The minutes (${minutes}) do not match the times (${endsAt - startsAt} minutes).`, { minutes: 'invalid_value' });
    }
    return endsAt - startsAt;
  }
  if (minutes === undefined) throw new AppFailure('invalid_argument', '请填写加班起止时间或分钟数。 / Give the overtime’s times or its minutes.', { minutes: 'required' });
  return minutes;
}
