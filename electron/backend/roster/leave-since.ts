/**
 * A draft answers the leave approved when it was made. Leave approved since then would put someone
 * on leave into the printed schedule, so publishing looks again and refuses, naming each clash.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listShiftTemplates } from '../../../data/repositories/calendar.ts';
import { listLeave } from '../../../data/repositories/leave.ts';
import { listRosterAssignments, type RosterRecord } from '../../../data/repositories/roster.ts';
import { leaveOf } from './scenario-mapping.ts';

export interface LeaveClash {
  staffName: string;
  date: string;
  shiftCode: string;
  /** The leave type's Chinese name. */
  reason: string;
}

/** The draft's duties that now fall on approved leave (full days, or the half a shift reaches into). */
export async function leaveClashesOf(db: Queryable, draft: RosterRecord): Promise<LeaveClash[]> {
  const leave = await listLeave(db, { from: draft.from, to: draft.to, statuses: ['approved'] });
  if (leave.length === 0) return [];
  const templates = await listShiftTemplates(db);
  const clashes: LeaveClash[] = [];
  for (const duty of await listRosterAssignments(db, draft.id)) {
    const own = leave.filter((request) => request.staffId === duty.staffId);
    const hit = leaveOf(own, [duty.date], templates).find((away) => away.shift === undefined || away.shift === duty.shiftCode);
    if (hit) clashes.push({ staffName: duty.staffName, date: duty.date, shiftCode: duty.shiftCode, reason: hit.reason ?? '' });
  }
  return clashes;
}

const SHOWN = 8;

export function leaveClashFailure(clashes: readonly LeaveClash[]): AppFailure {
  const listed = clashes.slice(0, SHOWN).map((clash) => `${clash.staffName} ${clash.date} ${clash.shiftCode}（${clash.reason}）`).join('、');
  const more = clashes.length > SHOWN ? ` …+${clashes.length - SHOWN}` : '';
  return new AppFailure(
    'conflict',
    `草稿生成后又批准了请假，${clashes.length} 个班次的人已不在岗：${listed}${more}。请重新生成排班。 / Leave approved since this draft was made takes ${clashes.length} duty(ies) off it: ${listed}${more}. Generate the roster again.`,
  );
}
