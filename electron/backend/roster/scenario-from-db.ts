/**
 * Reads what a roster for (from, days, zones) depends on and hands it to the pure mapping in
 * scenario-mapping.ts. The period lies in confirmed calendar years or provisional ones (the law's
 * statutory days, no 调休 guessed: a guessed holiday would roster people into a closed hall, or
 * leave an open one empty); the roster then says it is provisional (rosterView).
 */
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listZones } from '../../../data/repositories/centre.ts';
import { listOpeningHours, listShiftTemplateWindows, listShiftTemplates } from '../../../data/repositories/calendar.ts';
import { readDutySettings } from '../attendance/service.ts';
import { readCostSettings } from '../reports/cost-settings.ts';
import { listLeave } from '../../../data/repositories/leave.ts';
import { listPublishedDuties } from '../../../data/repositories/roster.ts';
import type { Scenario } from '../../../solver/roster/types.ts';
import { loadCalendar, requirePlanningCalendar } from '../calendar-service.ts';
import { addDays } from '../demand/calendar.ts';
import { buildStaffing } from '../demand/staffing.ts';
import { loadHall } from '../hall-snapshot.ts';
import { buildScenario, historyStartOf, lastDateOf, type RosterInputs, type RosterPeriod } from './scenario-mapping.ts';

export async function scenarioFromDb(db: Queryable, period: RosterPeriod, today: string): Promise<Scenario> {
  return buildScenario(await loadRosterInputs(db, period, today));
}

export async function loadRosterInputs(db: Queryable, period: RosterPeriod, today: string): Promise<RosterInputs> {
  const to = lastDateOf(period);
  const zones = await requireZones(db, period.zoneIds);
  const periodCalendar = (await requirePlanningCalendar(db, period.from, to)).days;
  const historyFrom = historyStartOf(period.from);
  // History only weighs fairness: plain weeks are good enough for a year nobody confirmed.
  const historyCalendar = (await loadCalendar(db, historyFrom, addDays(period.from, -1))).days;
  const hall = await loadHall(db, today);
  return {
    period,
    zones,
    posts: hall.posts,
    windows: hall.windows,
    staff: hall.staff,
    cells: hall.cells,
    ab: hall.ab,
    templates: await listShiftTemplates(db),
    leave: await listLeave(db, { from: period.from, to, statuses: ['approved'] }),
    calendar: new Map([...historyCalendar, ...periodCalendar]),
    demand: await demandFor(db, period.from, to, today),
    duties: await listPublishedDuties(db, historyFrom, to),
    openingHours: await listOpeningHours(db),
    templateWindows: await listShiftTemplateWindows(db),
    duty: await readDutySettings(db),
    comprehensiveCycle: (await readCostSettings(db)).comprehensiveCycle,
  };
}

async function requireZones(db: Queryable, zoneIds: readonly number[]) {
  const zones = await listZones(db);
  const unknown = zoneIds.filter((id) => !zones.some((zone) => zone.id === id));
  if (unknown.length > 0) throw new AppFailure('not_found', `No zone with id ${unknown.join(', ')}`, { zoneIds: 'invalid_value' });
  return zones.filter((zone) => zoneIds.includes(zone.id));
}

/**
 * Staff needed per post, date and half-hour from the demand area's staffing, which forecasts from
 * tomorrow in whole weeks: ask for enough weeks to reach `to`. Days up to today have no forecast.
 */
async function demandFor(db: Queryable, from: string, to: string, today: string): Promise<RosterInputs['demand']> {
  if (to <= today) return [];
  const weeks = Math.max(1, Math.ceil(daysBetween(today, to) / 7));
  const plan = await buildStaffing(db, forecastDay(today, to, weeks), weeks);
  return plan.bySkill.filter((row) => row.date >= from && row.date <= to);
}

/**
 * The day the forecast is made on: today, unless its whole weeks would run past the year's end
 * when the roster does not (December's roster would then need next year's calendar confirmed).
 * Then the forecast is made up to six days earlier, so that its last week ends on `to`.
 */
export function forecastDay(today: string, to: string, weeks: number): string {
  const horizonEnd = addDays(today, weeks * 7);
  return horizonEnd.slice(0, 4) > to.slice(0, 4) ? addDays(to, -weeks * 7) : today;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
