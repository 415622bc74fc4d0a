/**
 * Overtime that someone approved (issue #17 item 2): the month's punch overtime beside the
 * requests and decisions on record, and the approved minutes the hours and cost reports pay.
 * The rules are solver/pay/overtime-approval.ts; here they meet the database.
 */
import type { OvertimeMonth, OvertimeRow, OvertimeStatus } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listOvertime, type OvertimeRecord } from '../../../data/repositories/overtime.ts';
import type { StaffRecord } from '../../../data/repositories/staff.ts';
import type { DayResult } from '../../../solver/attendance/reconcile.ts';
import { approvedOvertime, settleOvertime, type OvertimeSettlement, type PunchOvertime } from '../../../solver/pay/overtime-approval.ts';
import { monthBounds, reconcileRange } from './service.ts';

/** Approved overtime minutes per person-day (keyed by overtimeKey) between `from` and `to`. */
export async function approvedOvertimeIn(db: Queryable, from: string, to: string, staffId?: number): Promise<Map<string, number>> {
  return approvedOvertime(await listOvertime(db, { from, to, staffId }));
}

/** A reconciled day's punch overtime, saying where it came from; null when the punches show none. */
export function punchOvertimeOf(staffId: number, day: DayResult): PunchOvertime | null {
  if (day.overtimeMinutes <= 0) return null;
  return { staffId, date: day.date, minutes: day.overtimeMinutes, source: day.scheduledMinutes > 0 ? 'after_duty' : 'rest_day' };
}

/** The punch overtime of one person's day, settled against the decisions on record, as a row of the list. */
export async function punchDayRow(db: Queryable, person: StaffRecord, date: string, today: string): Promise<OvertimeRow | null> {
  const range = await reconcileRange(db, { from: date, to: date, today, staffId: person.id });
  const day = range.results[0]?.days[0];
  const punch = day ? punchOvertimeOf(person.id, day) : null;
  if (!punch) return null;
  const records = await listOvertime(db, { from: date, to: date, staffId: person.id });
  const settled = settleOvertime([punch], records)[0];
  return settled ? punchRow(settled, person, records) : null;
}

/** Every day of the month with punch overtime, and every planned request of the month, by date and person. */
export async function overtimeMonth(db: Queryable, year: number, month: number, today: string): Promise<OvertimeMonth> {
  const { from, to } = monthBounds(year, month);
  const range = await reconcileRange(db, { from, to, today });
  const records = await listOvertime(db, { from, to });
  const punches = range.results.flatMap((result, at) => result.days.flatMap((day) => punchOvertimeOf(range.people[at]!.id, day) ?? []));
  const people = new Map(range.people.map((person) => [person.id, person]));
  const rows = [
    ...settleOvertime(punches, records).map((settled) => punchRow(settled, people.get(settled.staffId)!, records)),
    ...records.filter((record) => record.source === 'planned' && people.has(record.staffId)).map((record) => plannedRow(record, people.get(record.staffId)!)),
  ];
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.employeeNo.localeCompare(b.employeeNo) || (a.requestId ?? 0) - (b.requestId ?? 0));
  return { year, month, rows };
}

function personFields(person: StaffRecord) {
  return { staffId: person.id, employeeNo: person.employeeNo, name: person.name, zoneId: person.homeZoneId };
}

function punchRow(settled: OvertimeSettlement, person: StaffRecord, records: readonly OvertimeRecord[]): OvertimeRow {
  const status: OvertimeStatus = settled.pendingMinutes > 0 ? 'pending' : settled.approvedMinutes > 0 ? 'approved' : 'rejected';
  // The last decision on the punches themselves says who decided and why.
  const decision = records.filter((record) => record.source === 'punch' && record.staffId === settled.staffId && record.date === settled.date).at(-1);
  return {
    kind: 'punch', requestId: null, ...personFields(person), date: settled.date, source: settled.source,
    minutes: settled.minutes, approvedMinutes: settled.approvedMinutes, rejectedMinutes: settled.rejectedMinutes, pendingMinutes: settled.pendingMinutes,
    status, startsAt: null, endsAt: null, reason: decision?.reason ?? '', requestedBy: null, decidedBy: decision?.decidedBy ?? null, decisionNote: decision?.decisionNote ?? null,
  };
}

export function plannedRow(record: OvertimeRecord, person: StaffRecord): OvertimeRow {
  return {
    kind: 'planned', requestId: record.id, ...personFields(person), date: record.date, source: 'planned',
    minutes: record.minutes,
    approvedMinutes: record.status === 'approved' ? record.minutes : 0,
    rejectedMinutes: record.status === 'rejected' ? record.minutes : 0,
    pendingMinutes: record.status === 'pending' ? record.minutes : 0,
    status: record.status, startsAt: record.startsAt, endsAt: record.endsAt, reason: record.reason,
    requestedBy: record.requestedBy, decidedBy: record.decidedBy, decisionNote: record.decisionNote,
  };
}
