/**
 * Zone forecasts as the UI and the staffing see them: the solver's forecast from the zone's ticket
 * history, over the working calendar, with the dispatcher's overrides laid on top and marked.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { DemandDay, DemandForecast, DemandSlot, ZoneForecast, ZoneHistory } from '../../contract/areas/demand.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listZones } from '../../../data/repositories/centre.ts';
import { listOverrides, ticketDateRange, zoneSlotCounts, type OverrideRecord } from '../../../data/repositories/demand.ts';
import { isWorkingKind, type CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import { backtest, forecastZone } from '../../../solver/demand/forecast.ts';
import type { Accuracy, ZoneHistoryDay } from '../../../solver/demand/types.ts';
import { loadCalendar, requirePlanningCalendar } from '../calendar-service.ts';
import { addDays, datesFrom, openSlotsOf } from './calendar.ts';

/** How far back the forecast learns from: a year and a bit sees every holiday and month-end once. */
export const HISTORY_DAYS = 455;

/** The horizon of a forecast asked for on `today`: from tomorrow, whole weeks. */
export function horizonOf(today: string, weeks: number): { from: string; to: string } {
  const from = addDays(today, 1);
  return { from, to: addDays(from, weeks * 7 - 1) };
}

/**
 * Each zone's history, day by day. A day's total is every ticket of the zone's business types; its
 * half-hours are given only when no business type of the zone reported that day as a bare daily
 * count (slot -1), since such a count says nothing about the hours and would skew their shape.
 * Working days with no tickets at all inside the span the data covers count as zero days.
 */
export async function zoneHistories(db: Queryable, from: string, to: string, calendar: Map<string, CalendarDay>): Promise<Map<number, ZoneHistoryDay[]>> {
  const rows = await zoneSlotCounts(db, from, to);
  const byZone = new Map<number, Map<string, ZoneHistoryDay & { daily: boolean }>>();
  for (const row of rows) {
    const days = byZone.get(row.zoneId) ?? new Map<string, ZoneHistoryDay & { daily: boolean }>();
    byZone.set(row.zoneId, days);
    const day = days.get(row.date) ?? { date: row.date, arrivals: 0, slots: [], daily: false };
    days.set(row.date, day);
    day.arrivals += row.arrivals;
    if (row.slot < 0) day.daily = true;
    else day.slots.push({ slot: row.slot, arrivals: row.arrivals });
  }
  const result = new Map<number, ZoneHistoryDay[]>();
  for (const [zoneId, days] of byZone) {
    const dates = [...days.keys()].sort();
    const first = dates[0]!;
    const last = dates[dates.length - 1]!;
    const history: ZoneHistoryDay[] = [];
    for (const date of datesFrom(first, last)) {
      const day = days.get(date);
      if (day) history.push({ date, arrivals: day.arrivals, slots: day.daily ? [] : day.slots });
      else if (isWorkingKind(calendar.get(date)?.kind ?? 'weekend')) history.push({ date, arrivals: 0, slots: [] });
    }
    result.set(zoneId, history);
  }
  return result;
}

/** `demand/history`: each zone's tickets per day; every working day in the range appears, days off only with tickets. */
export async function historyView(db: Queryable, from: string, to: string): Promise<ZoneHistory[]> {
  if (to < from) throw new AppFailure('invalid_argument', 'The history range ends before it starts', { to: 'out_of_range' });
  if (datesFrom(from, to).length > 3 * 366) throw new AppFailure('invalid_argument', 'Ask for at most three years of history at a time', { to: 'out_of_range' });
  const calendar = (await loadCalendar(db, from, to)).days;
  const totals = new Map<number, Map<string, number>>();
  for (const row of await zoneSlotCounts(db, from, to)) {
    const days = totals.get(row.zoneId) ?? new Map<string, number>();
    totals.set(row.zoneId, days);
    days.set(row.date, (days.get(row.date) ?? 0) + row.arrivals);
  }
  return (await listZones(db)).map((zone) => {
    const days = totals.get(zone.id) ?? new Map<string, number>();
    return {
      zoneId: zone.id,
      days: datesFrom(from, to)
        .filter((date) => days.has(date) || isWorkingKind(calendar.get(date)?.kind ?? 'weekend'))
        .map((date) => ({ date, arrivals: days.get(date) ?? 0 })),
    };
  });
}

/**
 * The forecast for the next `weeks` from tomorrow. The horizon lies in confirmed calendar years
 * or in provisional ones (the law's statutory days, nothing moved: a guessed 调休 would put staff
 * in an empty hall), and says which are provisional; history may use plain weeks.
 */
export async function buildForecast(db: Queryable, today: string, weeks: number): Promise<DemandForecast> {
  const { from, to } = horizonOf(today, weeks);
  const { days: horizonCalendar, provisionalYears } = await requirePlanningCalendar(db, from, to);
  const range = await ticketDateRange(db);
  const historyTo = addDays(today, -1);
  const historyFrom = addDays(today, -HISTORY_DAYS);
  const historyCalendar = (await loadCalendar(db, historyFrom, historyTo)).days;
  const calendar = [...historyCalendar.values(), ...horizonCalendar.values()].sort((a, b) => a.date.localeCompare(b.date));
  const openSlots = await openSlotsOf(db);
  const histories = range.first === null ? new Map<number, ZoneHistoryDay[]>() : await zoneHistories(db, historyFrom, historyTo, historyCalendar);
  const overrides = await listOverrides(db, from, to);
  const horizon = datesFrom(from, to);
  const zones: ZoneForecast[] = (await listZones(db)).map((zone) => {
    const history = histories.get(zone.id) ?? [];
    const hasHistory = history.some((day) => day.arrivals > 0);
    const forecast = hasHistory ? forecastZone({ history, calendar, horizon, openSlots }) : [];
    const byDate = new Map(forecast.map((day) => [day.date, day]));
    const days = horizon.map((date): DemandDay => {
      const kind = horizonCalendar.get(date)?.kind ?? 'workday';
      const day = byDate.get(date);
      const slots = isWorkingKind(kind)
        ? openSlots.map((slot) => ({ slot, arrivals: day?.slots.find((s) => s.slot === slot)?.arrivals ?? 0, overridden: false }))
        : [];
      return withOverrides({ date, kind, arrivals: isWorkingKind(kind) ? (day?.arrivals ?? 0) : 0, overridden: false, slots }, overrides.filter((o) => o.zoneId === zone.id && o.date === date), openSlots);
    });
    return { zoneId: zone.id, accuracy: hasHistory ? accuracyOf(history, calendar, openSlots) : null, days };
  });
  return { from, to, openSlots, zones, provisionalYears };
}

function accuracyOf(history: ZoneHistoryDay[], calendar: CalendarDay[], openSlots: number[]): ZoneForecast['accuracy'] {
  const result: Accuracy | null = backtest({ history, calendar, openSlots });
  if (!result || result.holdoutDays === 0 || !Number.isFinite(result.wape)) return null;
  return { wape: result.wape, naiveWape: result.naiveWape, holdoutDays: result.holdoutDays };
}

/**
 * A day override sets the day's total and scales its half-hours to it (spread evenly when the
 * forecast had none, e.g. a day the hall opens against the calendar); a slot override then
 * replaces its half-hour and the day's total becomes the sum of its half-hours.
 */
export function withOverrides(day: DemandDay, overrides: readonly OverrideRecord[], openSlots: readonly number[]): DemandDay {
  if (overrides.length === 0) return day;
  let slots: DemandSlot[] = day.slots.length > 0 ? day.slots : openSlots.map((slot) => ({ slot, arrivals: 0, overridden: false }));
  const whole = overrides.find((o) => o.slot === -1);
  if (whole) {
    const total = sum(slots);
    slots = slots.map((s) => ({ slot: s.slot, arrivals: total > 0 ? (s.arrivals * whole.arrivals) / total : whole.arrivals / slots.length, overridden: true }));
  }
  for (const override of overrides) {
    if (override.slot < 0) continue;
    const known = slots.some((s) => s.slot === override.slot);
    slots = known
      ? slots.map((s) => (s.slot === override.slot ? { slot: s.slot, arrivals: override.arrivals, overridden: true } : s))
      : [...slots, { slot: override.slot, arrivals: override.arrivals, overridden: true }].sort((a, b) => a.slot - b.slot);
  }
  return { ...day, slots, arrivals: sum(slots), overridden: true };
}

function sum(slots: readonly { arrivals: number }[]): number {
  return slots.reduce((total, s) => total + s.arrivals, 0);
}
