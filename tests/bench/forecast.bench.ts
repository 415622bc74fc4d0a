/**
 * Figures for the README: forecasting a year of 5 zones (the goal: under 2 seconds). Each zone is
 * fitted on a year of generated ticket history (2026, with its holiday notice), forecast 8 weeks
 * ahead, and backtested on its last 20 working days. A script that prints numbers, never a timed
 * assertion (machines differ).
 */
import { performance } from 'node:perf_hooks';
import { buildYear, datesBetween, plainYear } from '../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../solver/calendar/notices.ts';
import { backtest, forecastZone } from '../../solver/demand/forecast.ts';
import { syntheticTicketCounts } from '../../solver/demand/synthetic.ts';
import type { Accuracy, SyntheticBusinessType, SyntheticZone, ZoneHistoryDay } from '../../solver/demand/types.ts';

const OPEN_SLOTS = Array.from({ length: 18 }, (_, i) => 17 + i);
const HISTORY = buildYear(NOTICE_2026);
// 2027's notice is not out: plain weeks stand in for the horizon, which is fine for a timing.
const CALENDAR = [...HISTORY, ...plainYear(2027)];
const HORIZON = datesBetween('2027-01-01', '2027-02-25');
const ZONES: SyntheticZone[] = [1, 2, 3, 4, 5].map((zoneId) => ({ zoneId, baseDaily: 120 + 90 * zoneId }));
const TYPES: SyntheticBusinessType[] = ZONES.flatMap(({ zoneId }) => [
  { id: zoneId * 10 + 1, zoneId, share: 0.5, meanHandleSeconds: 300 },
  { id: zoneId * 10 + 2, zoneId, share: 0.3, meanHandleSeconds: 540, taxDeadline: zoneId % 2 === 1 },
  { id: zoneId * 10 + 3, zoneId, share: 0.2, meanHandleSeconds: 420 },
]);

function zoneHistories(): Map<number, ZoneHistoryDay[]> {
  const zoneOf = new Map(TYPES.map((type) => [type.id, type.zoneId]));
  const days = new Map<string, ZoneHistoryDay>();
  for (const row of syntheticTicketCounts({ seed: 2026, days: HISTORY, zones: ZONES, businessTypes: TYPES, openSlots: OPEN_SLOTS })) {
    const key = `${zoneOf.get(row.businessTypeId)}:${row.date}`;
    const day = days.get(key) ?? { date: row.date, arrivals: 0, slots: [] };
    day.arrivals += row.arrivals;
    const slot = day.slots.find((s) => s.slot === row.slot);
    if (slot) slot.arrivals += row.arrivals;
    else day.slots.push({ slot: row.slot, arrivals: row.arrivals });
    days.set(key, day);
  }
  return new Map(ZONES.map(({ zoneId }) => [zoneId, [...days].filter(([key]) => key.startsWith(`${zoneId}:`)).map(([, day]) => day)]));
}

function forecastAll(histories: Map<number, ZoneHistoryDay[]>): Accuracy[] {
  return [...histories.values()].map((history) => {
    forecastZone({ history, calendar: CALENDAR, horizon: HORIZON, openSlots: OPEN_SLOTS });
    return backtest({ history, calendar: CALENDAR, openSlots: OPEN_SLOTS });
  });
}

const generateStart = performance.now();
const histories = zoneHistories();
const generateMs = performance.now() - generateStart;
const rounds = 5;
const samples: number[] = [];
let accuracies = forecastAll(histories); // warm-up: JIT and module load stay out of the figures
for (let i = 0; i < rounds; i += 1) {
  const start = performance.now();
  accuracies = forecastAll(histories);
  samples.push(performance.now() - start);
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)] ?? 0;
const label = '5 zones x 1 year history: forecast 8 weeks + backtest';
console.log(`${'generate 1 year of tickets, 5 zones x 3 types'.padEnd(56)} ${`${generateMs.toFixed(1)} ms`.padStart(10)}`);
console.log(`${label.padEnd(56)} ${`${median.toFixed(1)} ms`.padStart(10)}   (goal < 2000 ms)`);
for (const [i, accuracy] of accuracies.entries()) {
  console.log(`  zone ${i + 1}: backtest WAPE ${(accuracy.wape * 100).toFixed(1)}% vs naive ${(accuracy.naiveWape * 100).toFixed(1)}% over ${accuracy.holdoutDays} days`);
}
