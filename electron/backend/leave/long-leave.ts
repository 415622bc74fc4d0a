/**
 * Who is on long leave on a day: such people cannot be counted on for cover, so bench strength and
 * the A/B warnings treat them as away.
 */
import type { Queryable } from '../../../data/connection.ts';
import { listLeave } from '../../../data/repositories/leave.ts';
import { workingDaysIn } from '../../../solver/leave/days.ts';
import { loadCalendar } from '../calendar-service.ts';

/**
 * Long means approved leave covering the day that spans at least a working week (5 working days).
 * Anything shorter is covered by the day's roster (顶岗) and should not repaint the skill views and
 * training plans; a week or more away is an absence the A/B system has to plan around. The span is
 * counted on the calendar as it stands (a plain week for a year nobody confirmed, since leave
 * itself could only be requested in confirmed years).
 */
export const LONG_LEAVE_WORKING_DAYS = 5;

export async function peopleOnLongLeave(db: Queryable, date: string): Promise<ReadonlySet<number>> {
  const away = new Set<number>();
  for (const leave of await listLeave(db, { from: date, to: date, statuses: ['approved'] })) {
    if (away.has(leave.staffId) || leave.part !== 'full') continue;
    const { days } = await loadCalendar(db, leave.from, leave.to);
    if (workingDaysIn(leave.from, leave.to, days).length >= LONG_LEAVE_WORKING_DAYS) away.add(leave.staffId);
  }
  return away;
}
