/**
 * The monthly report the vendor gives the client: the on-duty rate against the contracted target
 * per zone and for the centre; the days and windows with a gap or a single point of failure and
 * why; the zones and days nobody rostered; windows without their A or B person; leave and absence.
 */
import type { AbGap, ClientIncident, ClientMonthReport, LeaveSummaryLine } from '../../contract/areas/reports.ts';
import type { LeaveTypeCode } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { getCentre, listPosts, listWindows, type WindowRecord } from '../../../data/repositories/centre.ts';
import { listWindowAb } from '../../../data/repositories/skills.ts';
import { isWorkingKind } from '../../../solver/calendar/china-calendar.ts';
import { LEAVE_TYPES } from '../../../solver/attendance/reconcile.ts';
import { monthBounds, readDutySettings, reconcileRange, type ReconciledRange } from '../attendance/service.ts';
import { dutyOfRange } from '../attendance/duty.ts';
import { isRostered, noBackupReason, publishedSlots, shiftNames, windowCodesOf, type PublishedSlot } from './published.ts';

export async function clientMonthReport(db: Queryable, at: { year: number; month: number; today: string; now: string }): Promise<ClientMonthReport> {
  const { from, to } = monthBounds(at.year, at.month);
  const range = await reconcileRange(db, { from, to, today: at.today });
  const duty = dutyOfRange(range, await readDutySettings(db), at);
  const centre = await getCentre(db);
  const [posts, windows, period] = await Promise.all([listPosts(db), listWindows(db), publishedSlots(db, from, to)]);
  const postById = new Map(posts.map((post) => [post.id, post]));
  const incidents = period.slots.flatMap((slot): ClientIncident[] => {
    const kind = incidentKind(slot);
    if (!kind) return [];
    const post = postById.get(slot.postId);
    const reason = kind === 'gap' ? { zh: slot.reasonZh, en: slot.reasonEn } : noBackupReason(slot);
    return [{
      date: slot.date, shiftCode: slot.shiftCode, zoneId: post?.zoneId ?? null, postId: slot.postId, windowCodes: windowCodesOf(post, windows),
      kind, required: slot.required, assigned: slot.assigned, reasonZh: reason.zh, reasonEn: reason.en,
    }];
  });
  const pastWorkingDays = range.calendar.filter((day) => isWorkingKind(day.kind) && day.date < at.today).map((day) => day.date);
  return {
    year: at.year,
    month: at.month,
    centreNameZh: centre?.nameZh ?? '',
    centreNameEn: centre?.nameEn ?? '',
    generatedAt: at.now,
    shifts: await shiftNames(db),
    duty,
    unrostered: range.zones
      .map((zone) => ({ zoneId: zone.id, days: pastWorkingDays.filter((date) => !isRostered(period.cover, zone.id, date)) }))
      .filter((line) => line.days.length > 0),
    incidents,
    abGaps: abGapsOf(windows, await listWindowAb(db)),
    leave: leaveSummary(range),
  };
}

/** A short slot is a gap; a staffed one nobody else on duty could take over is a single point of failure. */
export function incidentKind(slot: Pick<PublishedSlot, 'required' | 'assigned' | 'backup'>): ClientIncident['kind'] | null {
  if (slot.required <= 0) return null;
  if (slot.assigned < slot.required) return 'gap';
  return slot.backup ? null : 'no_backup';
}

export function abGapsOf(windows: readonly WindowRecord[], seats: readonly { windowId: number; aStaffId: number | null; bStaffId: number | null }[]): AbGap[] {
  const byWindow = new Map(seats.map((seat) => [seat.windowId, seat]));
  return windows.flatMap((window): AbGap[] => {
    const seat = byWindow.get(window.id);
    const noA = (seat?.aStaffId ?? null) === null;
    const noB = (seat?.bStaffId ?? null) === null;
    if (!noA && !noB) return [];
    return [{ windowId: window.id, windowCode: window.code, zoneId: window.zoneId, missing: noA && noB ? 'AB' : noA ? 'A' : 'B' }];
  });
}

/** Per zone, then the centre: the leave by type, absence, lateness and missing punches of the month. */
export function leaveSummary(range: Pick<ReconciledRange, 'zones' | 'people' | 'results'>): LeaveSummaryLine[] {
  const line = (zoneId: number | null): LeaveSummaryLine => {
    const leaveDays = Object.fromEntries(LEAVE_TYPES.map((type) => [type, 0])) as Record<LeaveTypeCode, number>;
    const summary: LeaveSummaryLine = { zoneId, people: 0, leaveDays, absentDays: 0, lateCount: 0, earlyCount: 0, missingCount: 0 };
    range.people.forEach((person, index) => {
      if (zoneId !== null && person.homeZoneId !== zoneId) return;
      const totals = range.results[index]!.totals;
      summary.people += 1;
      for (const type of LEAVE_TYPES) leaveDays[type] = tidy(leaveDays[type] + totals.leaveDays[type]);
      summary.absentDays = tidy(summary.absentDays + totals.absentDays);
      summary.lateCount += totals.lateCount;
      summary.earlyCount += totals.earlyCount;
      summary.missingCount += totals.missingCount;
    });
    return summary;
  };
  return [...range.zones.map((zone) => line(zone.id)), line(null)];
}

function tidy(value: number): number {
  return Math.round(value * 100) / 100;
}
