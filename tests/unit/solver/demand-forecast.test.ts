import { describe, expect, it } from 'vitest';
import { buildYear, datesBetween, type CalendarDay, type HolidayNotice } from '../../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../../solver/calendar/notices.ts';
import { backtest, fitForecastModel, forecastZone } from '../../../solver/demand/forecast.ts';
import { expectedDailyArrivals, syntheticTicketCounts } from '../../../solver/demand/synthetic.ts';
import type { SyntheticBusinessType, SyntheticTicketCount, SyntheticZone, ZoneHistoryDay } from '../../../solver/demand/types.ts';

/*
 * 2025 written out by hand from the State Council notice for 2025 (国办发明电〔2024〕12号), rather
 * than treated as plain weeks, so the history's autumn has its real 国庆/中秋 break (10/1–10/8) and
 * make-up days (9/28 Sun, 10/11 Sat). Statutory days follow the 2025 revision (13 days).
 */
const NOTICE_2025: HolidayNotice = {
  year: 2025,
  holidays: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01', statutory: ['2025-01-01'] },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', statutory: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06', statutory: ['2025-04-04'] },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', statutory: ['2025-05-01', '2025-05-02'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02', statutory: ['2025-05-31'] },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', statutory: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06'] },
  ],
  makeupDays: [
    { date: '2025-01-26', name: '春节' },
    { date: '2025-02-08', name: '春节' },
    { date: '2025-04-27', name: '劳动节' },
    { date: '2025-09-28', name: '国庆节、中秋节' },
    { date: '2025-10-11', name: '国庆节、中秋节' },
  ],
};

/** Calendar of 2025 and 2026, so history and horizon both have their real day kinds. */
const CALENDAR: CalendarDay[] = [...buildYear(NOTICE_2025), ...buildYear(NOTICE_2026)];
const OPEN_SLOTS = Array.from({ length: 18 }, (_, i) => 17 + i);
const ZONES: SyntheticZone[] = [
  { zoneId: 1, baseDaily: 420 },
  { zoneId: 2, baseDaily: 180 },
];
const TYPES: SyntheticBusinessType[] = [
  { id: 11, zoneId: 1, share: 0.5, meanHandleSeconds: 300 },
  { id: 12, zoneId: 1, share: 0.3, meanHandleSeconds: 600, taxDeadline: true },
  { id: 13, zoneId: 1, share: 0.2, meanHandleSeconds: 420 },
  { id: 21, zoneId: 2, share: 1, meanHandleSeconds: 240 },
];
const HISTORY_DAYS = CALENDAR.filter((day) => day.date >= '2025-09-01' && day.date <= '2026-11-20');
/** The 4 weeks after history: Nov month-end and December's tax window, no holiday. */
const HORIZON = datesBetween('2026-11-21', '2026-12-18');

/** Synthetic tickets summed to one zone's daily history with slot counts. */
function zoneHistory(rows: SyntheticTicketCount[], zoneId: number): ZoneHistoryDay[] {
  const typeIds = new Set(TYPES.filter((type) => type.zoneId === zoneId).map((type) => type.id));
  const days = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (!typeIds.has(row.businessTypeId)) continue;
    const slots = days.get(row.date) ?? new Map<number, number>();
    slots.set(row.slot, (slots.get(row.slot) ?? 0) + row.arrivals);
    days.set(row.date, slots);
  }
  return HISTORY_DAYS.filter((day) => days.has(day.date)).map((day) => {
    const slots = [...days.get(day.date)!].map(([slot, arrivals]) => ({ slot, arrivals }));
    return { date: day.date, arrivals: slots.reduce((sum, s) => sum + s.arrivals, 0), slots };
  });
}

function wape(actual: number[], forecast: number[]): number {
  const error = actual.reduce((sum, a, i) => sum + Math.abs(a - forecast[i]!), 0);
  return error / actual.reduce((sum, a) => sum + a, 0);
}

const rows = syntheticTicketCounts({ seed: 7, days: HISTORY_DAYS, zones: ZONES, businessTypes: TYPES, openSlots: OPEN_SLOTS });

/** Bound stated in the brief's terms: daily WAPE against the truth over the 4-week horizon. */
const HORIZON_WAPE_BOUND = 0.06;

describe.each([1, 2])('forecasting zone %i of a generated hall (Sep 2025 – Nov 2026)', (zoneId) => {
  const history = zoneHistory(rows, zoneId);
  const forecast = forecastZone({ history, calendar: CALENDAR, horizon: HORIZON, openSlots: OPEN_SLOTS });
  const truth = expectedDailyArrivals({ days: CALENDAR, zones: ZONES, businessTypes: TYPES }, zoneId, HORIZON);

  it(`recovers the noise-free daily volumes of the next 4 weeks within ${HORIZON_WAPE_BOUND * 100}% WAPE`, () => {
    const error = wape(truth.map((day) => day.arrivals), forecast.map((day) => day.arrivals));
    expect(error).toBeLessThan(HORIZON_WAPE_BOUND);
  });

  it('beats "same weekday last week" in a backtest of the last 20 working days', () => {
    const accuracy = backtest({ history, calendar: CALENDAR, openSlots: OPEN_SLOTS });
    expect(accuracy.holdoutDays).toBe(20);
    expect(accuracy.wape).toBeLessThan(accuracy.naiveWape);
  });

  it('estimates the generator\'s factors: Monday over Friday, make-up, month-end, long breaks', () => {
    const model = fitForecastModel(history, CALENDAR, OPEN_SLOTS);
    const weekdayMean = (1.25 + 1.05 + 1.0 + 0.95 + 0.9) / 5;
    expect(Math.abs(model.weekday[1]! / model.weekday[5]! - 1.25 / 0.9)).toBeLessThan(0.1);
    expect(Math.abs(model.makeup - 0.7 / weekdayMean)).toBeLessThan(0.08);
    expect(Math.abs(model.monthEnd - 1.2)).toBeLessThan(0.06);
    expect(Math.abs(model.beforeLongBreak - 1.3)).toBeLessThan(0.1);
    expect(Math.abs(model.afterLongBreak - 1.3)).toBeLessThan(0.1);
  });

  it('puts the intraday peaks at 10:00 and 14:30 and splits each day exactly over its slots', () => {
    const monday = forecast.find((day) => day.date === '2026-11-23')!;
    const at = (slot: number) => monday.slots.find((s) => s.slot === slot)!.arrivals;
    const morning = monday.slots.filter((s) => s.slot < 24).reduce((best, s) => (s.arrivals > best.arrivals ? s : best));
    const afternoon = monday.slots.filter((s) => s.slot >= 26).reduce((best, s) => (s.arrivals > best.arrivals ? s : best));
    expect(morning.slot).toBe(20);
    expect(afternoon.slot).toBe(29);
    expect(at(25)).toBeLessThan(at(20) / 2);
    expect(monday.slots.reduce((sum, s) => sum + s.arrivals, 0)).toBeCloseTo(monday.arrivals, 6);
  });
});

describe('the forecast on the calendar', () => {
  const history = zoneHistory(rows, 1);

  it('forecasts nothing on weekends and holidays, and make-up days as working days', () => {
    // 2026-10-01..07 国庆 off, 10-10 a make-up Saturday, 10-11 a Sunday.
    const days = forecastZone({ history: history.filter((d) => d.date < '2026-09-01'), calendar: CALENDAR, horizon: datesBetween('2026-10-01', '2026-10-11'), openSlots: OPEN_SLOTS });
    const arrivals = Object.fromEntries(days.map((day) => [day.date, day.arrivals]));
    for (const date of datesBetween('2026-10-01', '2026-10-07')) expect(arrivals[date]).toBe(0);
    expect(arrivals['2026-10-11']).toBe(0);
    expect(arrivals['2026-10-10']).toBeGreaterThan(0);
    expect(days.find((day) => day.date === '2026-10-01')!.slots).toEqual([]);
  });

  it('spreads a day flat over the open slots when history has daily counts only', () => {
    const daily = history.map((day) => ({ ...day, slots: [] }));
    const [day] = forecastZone({ history: daily, calendar: CALENDAR, horizon: ['2026-11-24'], openSlots: [20, 21, 22, 23] });
    expect(day!.slots.map((s) => s.slot)).toEqual([20, 21, 22, 23]);
    for (const slot of day!.slots) expect(slot.arrivals).toBeCloseTo(day!.arrivals / 4, 9);
  });

  it('forecasts zeros from an empty history, and a backtest of it scores nothing', () => {
    const days = forecastZone({ history: [], calendar: CALENDAR, horizon: ['2026-11-24'], openSlots: OPEN_SLOTS });
    expect(days[0]!.arrivals).toBe(0);
    expect(backtest({ history: [], calendar: CALENDAR, openSlots: OPEN_SLOTS })).toEqual({ wape: 0, naiveWape: 0, holdoutDays: 0 });
  });

  it('scores the naive baseline on the same weekday a week before, skipping days without one', () => {
    // Three weeks of flat weekdays, then a week at double: naive misses by half, so WAPE 0.5.
    const dates = datesBetween('2026-11-02', '2026-11-27').filter((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
    const flat = dates.map((date) => ({ date, arrivals: date >= '2026-11-23' ? 200 : 100, slots: [] }));
    const accuracy = backtest({ history: flat, calendar: CALENDAR, openSlots: OPEN_SLOTS, holdoutDays: 5 });
    expect(accuracy.holdoutDays).toBe(5);
    expect(accuracy.naiveWape).toBeCloseTo(0.5, 9);
    // Only the first week has no reference a week before, so a 20-day holdout scores 15 days.
    expect(backtest({ history: flat, calendar: CALENDAR, openSlots: OPEN_SLOTS }).holdoutDays).toBe(15);
  });
});
