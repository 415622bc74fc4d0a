/**
 * A generated hall with a known truth, for the demo centre and for tests of the forecast: ticket
 * counts per (date, business type, half-hour) drawn around SYNTHETIC_PATTERN. Deterministic for a
 * seed. Pure: plain data in and out.
 */
import type { CalendarDay } from '../calendar/china-calendar.ts';
import type { DayFeatures } from './day-features.ts';
import { dayFeatures } from './day-features.ts';
import { gammaWhole, mulberry32, poisson } from './random.ts';
import type { Slot, SyntheticBusinessType, SyntheticTicketCount, SyntheticZone } from './types.ts';

export interface SyntheticOptions {
  seed: number;
  /** Kinds of every generated day; weekends and holidays get no tickets. */
  days: CalendarDay[];
  zones: SyntheticZone[];
  businessTypes: SyntheticBusinessType[];
  /** The half-hours the hall is open, e.g. 17..34 for 08:30–17:30. */
  openSlots: Slot[];
}

/** The truth the generator draws around. Factors multiply; a day can carry several. */
export const SYNTHETIC_PATTERN = {
  /** By weekday (1 = Monday … 5 = Friday), relative to an ordinary Wednesday (the zone's baseDaily). */
  weekday: { 1: 1.25, 2: 1.05, 3: 1.0, 4: 0.95, 5: 0.9 } as Readonly<Record<number, number>>,
  /** A make-up Saturday or Sunday (调休上班): people have not planned errands on it. Replaces the weekday factor. */
  makeup: 0.7,
  /** The last 3 working days of a month. */
  monthEnd: 1.2,
  /** Business types with `taxDeadline`, within 2 working days of the first working day on or after the 15th. */
  taxDeadline: 1.5,
  /** The 2 working days before and the 2 after 3 or more days off in a row. */
  longBreakNeighbour: 1.3,
  /** Intraday bumps over a floor, in hours of the day (a slot's middle: slot 20 = 10:15). */
  intraday: {
    floor: 0.45,
    morningPeak: { hour: 10.25, height: 1.0, width: 1.0 },
    afternoonPeak: { hour: 14.75, height: 0.8, width: 1.0 },
    lunchDip: { hour: 12.5, depth: 0.25, width: 0.6 },
  },
  /** Handling times are gamma with this shape (a sum of exponentials), keeping the mean exact. */
  handleShape: 2,
  /** Mean wait of a ticket, seconds: a base plus more at busier half-hours. Informational only. */
  wait: { baseSeconds: 60, peakExtraSeconds: 300 },
} as const;

/**
 * Rows only where at least one ticket arrived (a slot with none has no row); only working days and
 * open slots. served = arrivals; handleSeconds and waitSeconds are sums over the slot's tickets.
 */
export function syntheticTicketCounts(options: SyntheticOptions): SyntheticTicketCount[] {
  const random = mulberry32(options.seed);
  const shape = syntheticIntradayShape(options.openSlots);
  const peak = Math.max(...shape, 0);
  const baseByZone = new Map(options.zones.map((zone) => [zone.zoneId, zone.baseDaily]));
  const rows: SyntheticTicketCount[] = [];
  for (const day of dayFeatures(options.days, options.days.map((d) => d.date))) {
    if (!day.working) continue;
    for (const type of options.businessTypes) {
      const daily = (baseByZone.get(type.zoneId) ?? 0) * type.share * dayFactor(day, type.taxDeadline === true);
      options.openSlots.forEach((slot, i) => {
        const arrivals = poisson(random, daily * shape[i]!);
        if (arrivals === 0) return;
        const waitMean = SYNTHETIC_PATTERN.wait.baseSeconds + (SYNTHETIC_PATTERN.wait.peakExtraSeconds * shape[i]!) / peak;
        rows.push({
          date: day.date,
          businessTypeId: type.id,
          slot,
          arrivals,
          served: arrivals,
          handleSeconds: Math.round(gammaWhole(random, SYNTHETIC_PATTERN.handleShape * arrivals, type.meanHandleSeconds * arrivals)),
          waitSeconds: Math.round(gammaWhole(random, arrivals, waitMean * arrivals)),
        });
      });
    }
  }
  return rows;
}

/** The noise-free mean arrivals of a zone on each of `dates` (0 on days off), to score forecasts against. */
export function expectedDailyArrivals(
  options: Omit<SyntheticOptions, 'seed' | 'openSlots'>,
  zoneId: number,
  dates: string[],
): { date: string; arrivals: number }[] {
  const base = options.zones.find((zone) => zone.zoneId === zoneId)?.baseDaily ?? 0;
  const types = options.businessTypes.filter((type) => type.zoneId === zoneId);
  return dayFeatures(options.days, dates).map((day) => ({
    date: day.date,
    arrivals: day.working ? types.reduce((sum, type) => sum + base * type.share * dayFactor(day, type.taxDeadline === true), 0) : 0,
  }));
}

/** The product of the pattern's factors on a working day. */
export function dayFactor(day: DayFeatures, taxDeadline: boolean): number {
  const p = SYNTHETIC_PATTERN;
  let factor = day.makeup ? p.makeup : (p.weekday[day.weekday] ?? 1);
  if (day.monthEnd) factor *= p.monthEnd;
  if (taxDeadline && day.taxWindow) factor *= p.taxDeadline;
  if (day.beforeLongBreak || day.afterLongBreak) factor *= p.longBreakNeighbour;
  return factor;
}

/** The share of a day's arrivals in each of `openSlots` (same order), summing to 1. */
export function syntheticIntradayShape(openSlots: Slot[]): number[] {
  const weights = openSlots.map((slot) => intradayWeight((slot + 0.5) / 2));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (total > 0 ? w / total : 0));
}

function intradayWeight(hour: number): number {
  const { floor, morningPeak, afternoonPeak, lunchDip } = SYNTHETIC_PATTERN.intraday;
  const bump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  const weight =
    floor +
    morningPeak.height * bump(morningPeak.hour, morningPeak.width) +
    afternoonPeak.height * bump(afternoonPeak.hour, afternoonPeak.width) -
    lunchDip.depth * bump(lunchDip.hour, lunchDip.width);
  // Never zero: an open window always sees the odd ticket.
  return Math.max(weight, 0.05);
}
