import { describe, expect, it } from 'vitest';
import { buildYear, isWorkingKind } from '../../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../../solver/calendar/notices.ts';
import { dayFeatures } from '../../../solver/demand/day-features.ts';
import { mulberry32, poisson } from '../../../solver/demand/random.ts';
import { expectedDailyArrivals, SYNTHETIC_PATTERN, syntheticIntradayShape, syntheticTicketCounts } from '../../../solver/demand/synthetic.ts';
import type { SyntheticBusinessType, SyntheticTicketCount, SyntheticZone } from '../../../solver/demand/types.ts';

const YEAR = buildYear(NOTICE_2026);
const OPEN_SLOTS = Array.from({ length: 18 }, (_, i) => 17 + i); // 08:30–17:30
const ZONES: SyntheticZone[] = [{ zoneId: 1, baseDaily: 500 }];
const TYPES: SyntheticBusinessType[] = [
  { id: 1, zoneId: 1, share: 0.6, meanHandleSeconds: 300 },
  { id: 2, zoneId: 1, share: 0.4, meanHandleSeconds: 600, taxDeadline: true },
];
const OPTIONS = { seed: 2026, days: YEAR, zones: ZONES, businessTypes: TYPES, openSlots: OPEN_SLOTS };
const rows = syntheticTicketCounts(OPTIONS);

function dailyTotals(list: SyntheticTicketCount[], typeId?: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of list) if (typeId === undefined || row.businessTypeId === typeId) totals.set(row.date, (totals.get(row.date) ?? 0) + row.arrivals);
  return totals;
}

const totals = dailyTotals(rows);
const features = dayFeatures(YEAR, YEAR.map((day) => day.date));
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
/** Mean generated arrivals over the working days that pass `test`. */
const meanWhere = (test: (f: (typeof features)[number]) => boolean, counts = totals) =>
  mean(features.filter((f) => f.working && test(f)).map((f) => counts.get(f.date) ?? 0));
const plain = (f: (typeof features)[number]) => !f.makeup && !f.monthEnd && !f.taxWindow && !f.beforeLongBreak && !f.afterLongBreak;

describe('the synthetic ticket generator', () => {
  it('gives the same tickets for the same seed and others for another', () => {
    expect(syntheticTicketCounts(OPTIONS)).toEqual(rows);
    expect(syntheticTicketCounts({ ...OPTIONS, seed: 2027 })).not.toEqual(rows);
  });

  it('issues no tickets on weekends and holidays, and some on make-up days', () => {
    const kinds = new Map(YEAR.map((day) => [day.date, day.kind]));
    expect(rows.filter((row) => !isWorkingKind(kinds.get(row.date)!))).toEqual([]);
    expect(totals.get('2026-10-01')).toBeUndefined();
    expect(totals.get('2026-10-10')).toBeGreaterThan(0);
  });

  it('issues tickets only in open slots, serving every one', () => {
    const odd = rows.filter((row) => !OPEN_SLOTS.includes(row.slot) || row.arrivals <= 0 || row.served !== row.arrivals || row.waitSeconds <= 0);
    expect(odd).toEqual([]);
  });

  it('peaks on Mondays and is quietest on Fridays', () => {
    const byWeekday = [1, 2, 3, 4, 5].map((weekday) => meanWhere((f) => plain(f) && f.weekday === weekday));
    expect(byWeekday[0]).toBeGreaterThan(Math.max(...byWeekday.slice(1)));
    expect(byWeekday[4]).toBeLessThan(Math.min(...byWeekday.slice(0, 4)));
    expect(byWeekday[0]! / byWeekday[4]!).toBeCloseTo(SYNTHETIC_PATTERN.weekday[1]! / SYNTHETIC_PATTERN.weekday[5]!, 1);
  });

  it('runs higher in the last working days of a month than mid-month', () => {
    const monthEnd = meanWhere((f) => f.monthEnd && !f.beforeLongBreak && !f.afterLongBreak);
    const midMonth = meanWhere((f) => plain(f) && Number(f.date.slice(8)) >= 8 && Number(f.date.slice(8)) <= 22);
    expect(monthEnd / midMonth).toBeGreaterThan(1.1);
  });

  it('is quieter on make-up days than on ordinary working days', () => {
    expect(meanWhere((f) => f.makeup)).toBeLessThan(0.85 * meanWhere(plain));
  });

  it('rises in the working days around a long holiday', () => {
    expect(meanWhere((f) => f.beforeLongBreak || f.afterLongBreak) / meanWhere(plain)).toBeGreaterThan(1.15);
  });

  it('raises tax-deadline business types around the 15th, and only those', () => {
    const taxType = dailyTotals(rows, 2);
    const otherType = dailyTotals(rows, 1);
    const taxRatio = meanWhere((f) => f.taxWindow && !f.monthEnd && !f.makeup, taxType) / meanWhere(plain, taxType);
    const otherRatio = meanWhere((f) => f.taxWindow && !f.monthEnd && !f.makeup, otherType) / meanWhere(plain, otherType);
    expect(taxRatio).toBeGreaterThan(1.35);
    expect(Math.abs(otherRatio - 1)).toBeLessThan(0.06);
  });

  it('peaks around 10:00 and 14:30 with a dip at lunch', () => {
    const bySlot = new Map<number, number>();
    for (const row of rows) bySlot.set(row.slot, (bySlot.get(row.slot) ?? 0) + row.arrivals);
    const busiest = (from: number, to: number) => OPEN_SLOTS.filter((s) => s >= from && s <= to).reduce((a, b) => (bySlot.get(b)! > bySlot.get(a)! ? b : a));
    expect(busiest(17, 24)).toBe(20); // 10:00–10:30
    expect(busiest(25, 34)).toBe(29); // 14:30–15:00
    expect(bySlot.get(25)!).toBeLessThan(bySlot.get(20)! / 2); // 12:30–13:00
  });

  it('has an intraday shape over the open slots that sums to 1', () => {
    const shape = syntheticIntradayShape(OPEN_SLOTS);
    expect(shape).toHaveLength(OPEN_SLOTS.length);
    expect(shape.reduce((sum, s) => sum + s, 0)).toBeCloseTo(1, 12);
    expect(Math.min(...shape)).toBeGreaterThan(0);
  });

  it('keeps the mean handling time of each business type', () => {
    for (const type of TYPES) {
      const own = rows.filter((row) => row.businessTypeId === type.id);
      const perTicket = own.reduce((sum, r) => sum + r.handleSeconds, 0) / own.reduce((sum, r) => sum + r.served, 0);
      expect(Math.abs(perTicket / type.meanHandleSeconds - 1)).toBeLessThan(0.01);
    }
  });

  it('draws around the noise-free expectation it reports', () => {
    const dates = YEAR.map((day) => day.date);
    const expected = expectedDailyArrivals(OPTIONS, 1, dates);
    const expectedTotal = expected.reduce((sum, day) => sum + day.arrivals, 0);
    const drawnTotal = [...totals.values()].reduce((sum, v) => sum + v, 0);
    expect(Math.abs(drawnTotal / expectedTotal - 1)).toBeLessThan(0.01);
    expect(expected.find((day) => day.date === '2026-10-01')!.arrivals).toBe(0);
    // An ordinary Wednesday is the zone's baseDaily exactly.
    expect(expected.find((day) => day.date === '2026-11-11')!.arrivals).toBeCloseTo(500, 9);
  });
});

describe('the seeded Poisson sampler', () => {
  it('has the right mean and variance, small means and large', () => {
    for (const lambda of [0.3, 4, 55, 400]) {
      const random = mulberry32(lambda * 1000);
      const draws = Array.from({ length: 20_000 }, () => poisson(random, lambda));
      const m = mean(draws);
      const variance = mean(draws.map((d) => (d - m) ** 2));
      expect(Math.abs(m / lambda - 1)).toBeLessThan(0.03);
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.06);
    }
  });

  it('draws 0 for a mean of 0', () => {
    expect(poisson(mulberry32(1), 0)).toBe(0);
  });
});
