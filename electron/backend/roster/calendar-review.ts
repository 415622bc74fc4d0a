/**
 * Published rosters whose days changed kind since they were made: a roster keeps, in its scenario,
 * whether each day was a working day, a rest day or a statutory holiday as the calendar said then
 * (provisional or confirmed). Once a notice is confirmed (or a day corrected) the calendar may say
 * otherwise — a provisional Monday that the notice makes a 调休 rest day, a Sunday it makes a
 * make-up working day — and every such roster is listed, with its days, for the dispatcher to review.
 * Nothing is changed on the roster itself: re-rostering is the dispatcher's decision.
 */
import type { RosterCalendarChange, RosterCalendarReview, RosterDayKind } from '../../contract/areas/roster.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listPublishedRosterCalendars } from '../../../data/repositories/roster.ts';
import type { CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import { loadPlanningCalendar } from '../calendar-service.ts';
import { dayKindOf } from './scenario-mapping.ts';
import { summaryOf } from './service.ts';

const ROSTER_DAY_KINDS: ReadonlySet<string> = new Set<RosterDayKind>(['workday', 'restday', 'holiday']);

/** Published rosters reaching `today` or later whose days the calendar now gives another kind. */
export async function rosterCalendarReview(db: Queryable, today: string): Promise<RosterCalendarReview[]> {
  const published = await listPublishedRosterCalendars(db, today);
  if (published.length === 0) return [];
  const from = published.reduce((earliest, entry) => (entry.roster.from < earliest ? entry.roster.from : earliest), published[0]!.roster.from);
  const to = published.reduce((latest, entry) => (entry.roster.to > latest ? entry.roster.to : latest), published[0]!.roster.to);
  const { days } = await loadPlanningCalendar(db, from, to);
  const result: RosterCalendarReview[] = [];
  for (const { roster, calendar } of published) {
    const changes = calendarChanges(storedKinds(calendar), days);
    if (changes.length > 0) result.push({ roster: summaryOf(roster), changes });
  }
  return result;
}

/** The days whose kind the roster was made on differs from the calendar's kind now. */
export function calendarChanges(made: ReadonlyMap<string, RosterDayKind>, now: ReadonlyMap<string, CalendarDay>): RosterCalendarChange[] {
  const changes: RosterCalendarChange[] = [];
  for (const [date, was] of [...made].sort(([a], [b]) => a.localeCompare(b))) {
    const day = now.get(date);
    if (!day) continue;
    const kind = dayKindOf(day);
    if (kind !== was) changes.push({ date, was, now: kind, holidayName: day.holidayName });
  }
  return changes;
}

/** The scenario's calendar entries, read defensively: it is stored JSON. */
function storedKinds(calendar: unknown): Map<string, RosterDayKind> {
  const kinds = new Map<string, RosterDayKind>();
  if (!Array.isArray(calendar)) return kinds;
  for (const entry of calendar as { date?: unknown; kind?: unknown }[]) {
    if (typeof entry?.date === 'string' && typeof entry.kind === 'string' && ROSTER_DAY_KINDS.has(entry.kind)) kinds.set(entry.date, entry.kind as RosterDayKind);
  }
  return kinds;
}
