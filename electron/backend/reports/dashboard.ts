/**
 * The few numbers a dispatcher checks each morning: today's gaps on the published roster, the
 * single points of failure of this week (post-shifts nobody else could take over, skills held by
 * fewer than two people, windows whose A/B seats are not sound), leave waiting for a decision, and
 * the on-duty rate of the month so far.
 */
import { addDays, format, parseISO, startOfISOWeek } from 'date-fns';
import { AppFailure } from '../../contract/errors.ts';
import type { Dashboard, DashboardSlot } from '../../contract/areas/reports.ts';
import type { LeaveTypeCode } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listPosts, listZones } from '../../../data/repositories/centre.ts';
import { listLeave } from '../../../data/repositories/leave.ts';
import { listStaff } from '../../../data/repositories/staff.ts';
import { benchStrength } from '../../../solver/skills/bench-strength.ts';
import { isWorkingKind } from '../../../solver/calendar/china-calendar.ts';
import { loadCalendar } from '../calendar-service.ts';
import { benchInputOf, loadHall } from '../hall-snapshot.ts';
import { dutyMonth } from '../attendance/duty.ts';
import { incidentKind } from './client.ts';
import { isRostered, noBackupReason, publishedSlots, shiftNames, type PublishedSlot } from './published.ts';

const OLDEST_PENDING_SHOWN = 5;

export async function dashboardOf(db: Queryable, today: string): Promise<Dashboard> {
  const week = weekOf(today);
  const [zones, posts, period] = await Promise.all([listZones(db), listPosts(db), publishedSlots(db, week.from, week.to)]);
  const zoneOfPost = new Map(posts.map((post) => [post.id, post.zoneId]));
  const slot = (cell: PublishedSlot, reason: { zh: string; en: string }): DashboardSlot => ({
    date: cell.date, shiftCode: cell.shiftCode, zoneId: zoneOfPost.get(cell.postId) ?? null, postId: cell.postId,
    required: cell.required, assigned: cell.assigned, reasonZh: reason.zh, reasonEn: reason.en,
  });
  const calendar = await loadCalendar(db, today, today);
  const todayKind = calendar.unconfirmedYears.length > 0 ? undefined : calendar.days.get(today)?.kind;
  const bench = benchStrength(benchInputOf(await loadHall(db, today), 2, 2));
  const duty = await dutyToDate(db, today);
  // An unconfirmed year's days are plain Monday–Friday guesses: whether the hall opens is not known.
  const todayWorking = todayKind === undefined ? null : isWorkingKind(todayKind);
  return {
    today,
    todayWorking,
    week,
    shifts: await shiftNames(db),
    unrosteredToday: todayWorking === true ? zones.filter((zone) => !isRostered(period.cover, zone.id, today)).map((zone) => zone.id) : [],
    gapsToday: period.slots.filter((cell) => cell.date === today && incidentKind(cell) === 'gap').map((cell) => slot(cell, { zh: cell.reasonZh, en: cell.reasonEn })),
    noBackupThisWeek: period.slots.filter((cell) => cell.date >= today && incidentKind(cell) === 'no_backup').map((cell) => slot(cell, noBackupReason(cell))),
    thinSkills: bench.skills.filter((skill) => skill.needsCover && skill.singlePointOfFailure).map((skill) => ({ postId: skill.postId, qualified: skill.qualified })),
    windowsWithoutAb: bench.summary.abProblems,
    pendingLeave: await pendingLeave(db),
    ...duty,
    weekCoverage: weekCoverageOf(week, period.slots),
  };
}

/** Monday to Sunday of the week holding `today`. */
export function weekOf(today: string): { from: string; to: string } {
  const monday = startOfISOWeek(parseISO(today));
  return { from: format(monday, 'yyyy-MM-dd'), to: format(addDays(monday, 6), 'yyyy-MM-dd') };
}

/** Per day of the week: staff-shifts required, those met, and those short. */
export function weekCoverageOf(week: { from: string }, slots: readonly Pick<PublishedSlot, 'date' | 'required' | 'assigned'>[]): Dashboard['weekCoverage'] {
  return Array.from({ length: 7 }, (_, offset) => {
    const date = format(addDays(parseISO(week.from), offset), 'yyyy-MM-dd');
    const day = slots.filter((cell) => cell.date === date);
    const required = day.reduce((sum, cell) => sum + cell.required, 0);
    const short = day.reduce((sum, cell) => sum + Math.max(0, cell.required - cell.assigned), 0);
    return { date, required, assigned: required - short, short };
  });
}

async function pendingLeave(db: Queryable): Promise<Dashboard['pendingLeave']> {
  const pending = (await listLeave(db, { from: '0000-01-01', to: '9999-12-31', statuses: ['pending'] })).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const names = new Map((await listStaff(db)).map((person) => [person.id, person.name]));
  return {
    count: pending.length,
    oldest: pending.slice(0, OLDEST_PENDING_SHOWN).map((leave) => ({
      id: leave.id, staffId: leave.staffId, name: names.get(leave.staffId) ?? String(leave.staffId), type: leave.type as LeaveTypeCode,
      from: leave.from, to: leave.to, requestedAt: leave.requestedAt,
    })),
  };
}

/** The month to yesterday; a month whose calendar nobody confirmed says so instead of a figure. */
async function dutyToDate(db: Queryable, today: string): Promise<Pick<Dashboard, 'duty' | 'dutyProblem'>> {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  try {
    const result = await dutyMonth(db, year, month, today);
    return {
      duty: { year, month, targetPercent: result.targetPercent, centre: result.centre, zones: result.zones.map((zone) => ({ zoneId: zone.zoneId, contractedPostDays: zone.contractedPostDays, staffedPostDays: zone.staffedPostDays, ratePercent: zone.ratePercent, met: zone.met })) },
      dutyProblem: null,
    };
  } catch (caught) {
    if (caught instanceof AppFailure) return { duty: null, dutyProblem: caught.error.message };
    throw caught;
  }
}
