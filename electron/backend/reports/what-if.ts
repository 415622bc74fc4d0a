/**
 * One person more or fewer per zone: what it costs a month against the waiting time the demand
 * area predicts. The starting point is the staffing the demand area asks for (the windows each
 * half-hour needs to meet the zone's target); one person is their contracted hours at the windows,
 * less the share people were away last month. solver/demand/capacity.ts spreads the window-hours
 * over the forecast half-hours as a good roster would and reads the wait off Erlang C.
 */
import type { WhatIf, WhatIfOption, WhatIfZone } from '../../contract/areas/reports.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { ZoneStaffing } from '../../contract/areas/demand.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listZones } from '../../../data/repositories/centre.ts';
import { listStaff, type StaffRecord } from '../../../data/repositories/staff.ts';
import { whatIfAroundPlan, windowHalfHoursOf, type CapacityOutcome } from '../../../solver/demand/capacity.ts';
import { buildStaffing } from '../demand/staffing.ts';
import { monthBounds, reconcileRange } from '../attendance/service.ts';
import { punchSummary } from '../../../data/repositories/attendance.ts';

/** Used when last month has no punches to measure from: the share a hall typically keeps after leave. */
export const ASSUMED_AVAILABILITY = 0.9;
/** A person's weekly hours at the windows cannot exceed the standard week, whatever the contract cap. */
const STANDARD_WEEK_HOURS = 40;

export interface WhatIfCosts {
  /** What one more person of the zone costs a month (wage, insurance, fee and tax, no overtime). */
  costPerPersonMonthly(zoneId: number, people: readonly StaffRecord[]): number;
}

export async function whatIfOf(db: Queryable, today: string, weeks: number, costs: WhatIfCosts): Promise<WhatIf> {
  const staffing = await buildStaffing(db, today, weeks);
  const zones = new Map((await listZones(db)).map((zone) => [zone.id, zone]));
  const staff = (await listStaff(db)).filter((person) => person.status !== 'departed');
  const availability = await availabilityByZone(db, today);
  const result: WhatIfZone[] = [];
  for (const zoneStaffing of staffing.zones) {
    const zone = zones.get(zoneStaffing.zoneId);
    // The desk is sized by fixed posts, not by a queue: a person more there buys no waiting time.
    if (!zone || zone.kind !== 'windows' || zoneStaffing.meanHandleSeconds === null) continue;
    const people = staff.filter((person) => person.homeZoneId === zone.id);
    const measured = availability.get(zone.id);
    const weeklyHours = averageWeeklyHours(people);
    const share = measured ?? ASSUMED_AVAILABILITY;
    const perPerson = windowHalfHoursOf(1, weeklyHours, weeks, share);
    const planned = zoneStaffing.days.reduce((sum, day) => sum + day.slots.reduce((daySum, slot) => daySum + slot.required, 0), 0);
    const [fewer, current, more] = whatIfAroundPlan(planned, perPerson, capacityInputOf(zoneStaffing), [-1, 0, 1]);
    if (!fewer || !current || !more) continue;
    const perPersonCost = costs.costPerPersonMonthly(zone.id, people);
    result.push({
      zoneId: zone.id,
      people: people.length,
      peopleAtWindows: perPerson > 0 ? round(planned / perPerson, 1) : 0,
      windows: zoneStaffing.windows,
      weeklyHours,
      availability: round(share, 3),
      availabilitySource: measured === undefined ? 'assumed' : 'measured',
      costPerPersonMonthly: perPersonCost,
      beyondWindowsShare: round(current.outcome.beyondWindowsShare, 4),
      current: option(current, 0),
      fewer: option(fewer, -perPersonCost),
      more: option(more, perPersonCost),
    });
  }
  return { from: staffing.from, to: staffing.to, weeks, zones: result, provisionalYears: staffing.provisionalYears };
}

type Outcome = { delta: number; outcome: CapacityOutcome };


/**
 * The wait over the half-hours the windows can serve, and apart from it the share of visitors the
 * staff leave waiting without end: half-hours beyond the physical windows are the same whatever
 * the head count, so they are reported once for the zone and not mixed into every option.
 */
function option({ delta, outcome }: Outcome, monthlyCostChange: number): WhatIfOption {
  return {
    delta,
    averageWaitSeconds: round(outcome.stableWaitSeconds, 1),
    unstableShare: round(Math.max(0, outcome.unstableShare - outcome.beyondWindowsShare), 4),
    monthlyCostChange: round(monthlyCostChange, 2),
  };
}

/** The zone's open half-hours of the forecast period with their arrivals. */
export function capacityInputOf(zone: ZoneStaffing): { slots: { arrivalsPerHour: number }[]; meanHandleSeconds: number; windows: number } {
  return {
    slots: zone.days.flatMap((day) => day.slots.map((slot) => ({ arrivalsPerHour: slot.arrivalsPerHour }))),
    meanHandleSeconds: zone.meanHandleSeconds ?? 0,
    windows: zone.windows,
  };
}

export function averageWeeklyHours(people: readonly Pick<StaffRecord, 'weeklyHourCap'>[]): number {
  if (people.length === 0) return STANDARD_WEEK_HOURS;
  return round(people.reduce((sum, person) => sum + Math.min(person.weeklyHourCap, STANDARD_WEEK_HOURS), 0) / people.length, 2);
}

/**
 * Per zone, the share of last month's scheduled working time its people were there for: leave and
 * absence taken off. A month without punches has nothing to measure, so the zone is left out and
 * the caller assumes ASSUMED_AVAILABILITY, saying so.
 */
async function availabilityByZone(db: Queryable, today: string): Promise<Map<number, number>> {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const last = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const { from, to } = monthBounds(last.year, last.month);
  const punches = await punchSummary(db);
  if (punches.last === null || punches.first === null || punches.last.slice(0, 10) < from || punches.first.slice(0, 10) > to) return new Map();
  let range;
  try {
    range = await reconcileRange(db, { from, to, today });
  } catch (caught) {
    // An unconfirmed calendar for last month: nothing is measured, the assumption is said.
    if (caught instanceof AppFailure) return new Map();
    throw caught;
  }
  const byZone = new Map<number, { worked: number; scheduled: number }>();
  range.people.forEach((person, index) => {
    const totals = range.results[index]!.totals;
    const leave = Object.values(totals.leaveDays).reduce((sum, days) => sum + days, 0);
    const entry = byZone.get(person.homeZoneId) ?? { worked: 0, scheduled: 0 };
    entry.worked += totals.workedDays;
    entry.scheduled += totals.workedDays + totals.absentDays + leave;
    byZone.set(person.homeZoneId, entry);
  });
  return new Map([...byZone].filter(([, entry]) => entry.scheduled > 0).map(([zoneId, entry]) => [zoneId, entry.worked / entry.scheduled]));
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

