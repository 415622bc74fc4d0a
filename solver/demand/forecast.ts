/**
 * A transparent multiplicative forecast of a zone's arrivals:
 *
 *   arrivals(day) = level × weekday × make-up × month-end × tax window × before/after long break
 *   arrivals(day, slot) = arrivals(day) × shape(weekday, slot)
 *
 * Every factor is a median of ratios over the zone's working-day history, so one odd day (a system
 * outage, a queue of coach passengers) cannot move it, and each can be shown to a manager as "Mondays
 * run 25% above the average day". Days off forecast 0; make-up days are working days.
 */
import type { CalendarDay } from '../calendar/china-calendar.ts';
import type { DayFeatures } from './day-features.ts';
import { addDays, dayFeatures } from './day-features.ts';
import type { Accuracy, ForecastDay, ForecastInput, Slot, ZoneHistoryDay } from './types.ts';

/** What the fit found, for display next to the forecast. */
export interface ForecastModel {
  /** Arrivals on a day whose factors are all 1, from the last LEVEL_WORKING_DAYS working days. */
  level: number;
  /** Monday (1) … Friday (5). A make-up day takes `makeup` instead. */
  weekday: Record<number, number>;
  makeup: number;
  monthEnd: number;
  taxWindow: number;
  beforeLongBreak: number;
  afterLongBreak: number;
  /** The share of a day in each open slot, per weekday (0–6); `all` pools every weekday. */
  shapes: Record<number | 'all', SlotShare[]>;
}

export interface SlotShare {
  slot: Slot;
  share: number;
}

type FactorName = 'makeup' | 'monthEnd' | 'taxWindow' | 'beforeLongBreak' | 'afterLongBreak';

/** 8 weeks of working days: recent enough to follow a trend, long enough to average out noise. */
const LEVEL_WORKING_DAYS = 40;
/** ±10 working days (about a month) around a day gives its local level, free of slow trends. */
const LOCAL_LEVEL_RADIUS = 10;
/** Fewer days than this carry too little to estimate a factor: it stays 1. */
const MIN_DAYS_PER_FACTOR = 3;
/** A weekday's own intraday shape needs this many days with slot counts; else the pooled shape. */
const MIN_DAYS_PER_SHAPE = 4;
/** Backfitting rounds: factors of overlapping days (a month-end before a holiday) settle in 2–3. */
const BACKFIT_ROUNDS = 4;
const WORKING_WEEKDAYS = [1, 2, 3, 4, 5];
const FLAG_FACTORS: FactorName[] = ['makeup', 'monthEnd', 'taxWindow', 'beforeLongBreak', 'afterLongBreak'];

export function forecastZone(input: ForecastInput): ForecastDay[] {
  const model = fitForecastModel(input.history, input.calendar, input.openSlots);
  return predict(model, input.calendar, input.horizon);
}

/**
 * Holds back the last `holdoutDays` (20) working days of history, fits on the rest and scores the
 * forecast against them, next to the naive "same weekday last week".
 */
export function backtest(input: { history: ZoneHistoryDay[]; calendar: CalendarDay[]; openSlots: number[]; holdoutDays?: number }): Accuracy {
  const working = workingHistory(input.history, input.calendar);
  const held = working.slice(-(input.holdoutDays ?? 20)).map(({ day }) => day);
  const firstHeld = held[0]?.date;
  const fitOn = firstHeld === undefined ? [] : input.history.filter((day) => day.date < firstHeld);
  const model = fitForecastModel(fitOn, input.calendar, input.openSlots);
  const forecast = new Map(predict(model, input.calendar, held.map((day) => day.date)).map((day) => [day.date, day.arrivals]));
  const naive = naiveReferences(input.history, input.calendar);
  // Days without a naive reference (the first weeks of history, a make-up Saturday with no earlier
  // working Saturday) are skipped from both scores so the two are measured on the same days.
  const scored = held.filter((day) => naive.has(day.date));
  return {
    wape: wape(scored.map((day) => [day.arrivals, forecast.get(day.date) ?? 0])),
    naiveWape: wape(scored.map((day) => [day.arrivals, naive.get(day.date)!])),
    holdoutDays: scored.length,
  };
}

export function fitForecastModel(history: ZoneHistoryDay[], calendar: CalendarDay[], openSlots: Slot[]): ForecastModel {
  const days = workingHistory(history, calendar);
  const factors = fitDayFactors(days);
  const adjusted = days.slice(-LEVEL_WORKING_DAYS).map(({ day, features }) => day.arrivals / dayFactor(factors, features));
  return { ...factors, level: median(adjusted), shapes: fitShapes(days, openSlots) };
}

export function predict(model: ForecastModel, calendar: CalendarDay[], dates: string[]): ForecastDay[] {
  return dayFeatures(calendar, dates).map((features) => {
    if (!features.working) return { date: features.date, arrivals: 0, slots: [] };
    const arrivals = model.level * dayFactor(model, features);
    const shape = model.shapes[features.weekday] ?? model.shapes.all;
    return { date: features.date, arrivals, slots: shape.map(({ slot, share }) => ({ slot, arrivals: arrivals * share })) };
  });
}

interface WorkingDay {
  day: ZoneHistoryDay;
  features: DayFeatures;
}

/** History on working days only, in date order: arrivals logged on a day off are not demand to plan for. */
function workingHistory(history: ZoneHistoryDay[], calendar: CalendarDay[]): WorkingDay[] {
  const sorted = [...history].sort((a, b) => a.date.localeCompare(b.date));
  const features = dayFeatures(calendar, sorted.map((day) => day.date));
  return sorted.map((day, i) => ({ day, features: features[i]! })).filter(({ features }) => features.working);
}

type DayFactors = Omit<ForecastModel, 'level' | 'shapes'>;

function dayFactor(factors: DayFactors, features: DayFeatures): number {
  let factor = features.makeup ? factors.makeup : (factors.weekday[features.weekday] ?? 1);
  for (const name of FLAG_FACTORS) if (name !== 'makeup' && features[name]) factor *= factors[name];
  return factor;
}

/**
 * Ratios of each day to its local level, then backfitting: each factor is the median ratio of its
 * days with every other factor divided out. The local level is taken twice, the second time over
 * de-seasonalised counts, because a month with a holiday has more boosted days than usual.
 */
function fitDayFactors(days: WorkingDay[]): DayFactors {
  let factors = neutralFactors();
  for (let pass = 0; pass < 2; pass += 1) {
    const deseasonalised = days.map(({ day, features }) => day.arrivals / dayFactor(factors, features));
    const ratios = days.map(({ day }, i) => safeRatio(day.arrivals, localLevel(deseasonalised, i)));
    factors = backfit(days, ratios);
  }
  return normaliseWeekdays(factors);
}

function neutralFactors(): DayFactors {
  return { weekday: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, makeup: 1, monthEnd: 1, taxWindow: 1, beforeLongBreak: 1, afterLongBreak: 1 };
}

function backfit(days: WorkingDay[], ratios: number[]): DayFactors {
  const factors = neutralFactors();
  const residual = (i: number, own: number) => ratios[i]! / (dayFactor(factors, days[i]!.features) / own);
  for (let round = 0; round < BACKFIT_ROUNDS; round += 1) {
    for (const weekday of WORKING_WEEKDAYS) {
      const members = indicesWhere(days, (f) => !f.makeup && f.weekday === weekday);
      factors.weekday[weekday] = medianFactor(members.map((i) => residual(i, factors.weekday[weekday]!)));
    }
    for (const name of FLAG_FACTORS) {
      const members = indicesWhere(days, (f) => f[name]);
      factors[name] = medianFactor(members.map((i) => residual(i, factors[name])));
    }
  }
  return factors;
}

/** Weekday factors averaging 1 keep the level readable as "an average weekday". */
function normaliseWeekdays(factors: DayFactors): DayFactors {
  const mean = WORKING_WEEKDAYS.reduce((sum, d) => sum + factors.weekday[d]!, 0) / WORKING_WEEKDAYS.length;
  const weekday = Object.fromEntries(WORKING_WEEKDAYS.map((d) => [d, factors.weekday[d]! / mean]));
  return { ...factors, weekday, makeup: factors.makeup / mean };
}

function indicesWhere(days: WorkingDay[], test: (features: DayFeatures) => boolean): number[] {
  return days.flatMap(({ features }, i) => (test(features) ? [i] : []));
}

function medianFactor(ratios: number[]): number {
  const usable = ratios.filter((r) => Number.isFinite(r) && r > 0);
  return usable.length < MIN_DAYS_PER_FACTOR ? 1 : median(usable);
}

function localLevel(values: number[], i: number): number {
  return median(values.slice(Math.max(0, i - LOCAL_LEVEL_RADIUS), i + LOCAL_LEVEL_RADIUS + 1));
}

/** Shares of the open slots per weekday; weekdays with too few days, and history without slots, pool or go flat. */
function fitShapes(days: WorkingDay[], openSlots: Slot[]): ForecastModel['shapes'] {
  const withSlots = days.filter(({ day }) => day.slots.length > 0);
  const shapes: ForecastModel['shapes'] = { all: slotShares(withSlots, openSlots) };
  for (let weekday = 0; weekday <= 6; weekday += 1) {
    const own = withSlots.filter(({ features }) => features.weekday === weekday);
    if (own.length >= MIN_DAYS_PER_SHAPE) shapes[weekday] = slotShares(own, openSlots);
  }
  return shapes;
}

/**
 * Counts outside `openSlots` are left out: the hall's hours today decide when demand is served,
 * and a ticket from an hour since closed says nothing about the open ones.
 */
function slotShares(days: WorkingDay[], openSlots: Slot[]): SlotShare[] {
  const totals = new Map(openSlots.map((slot) => [slot, 0]));
  for (const { day } of days) {
    for (const count of day.slots) if (totals.has(count.slot)) totals.set(count.slot, totals.get(count.slot)! + count.arrivals);
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return openSlots.map((slot) => ({ slot, share: sum > 0 ? totals.get(slot)! / sum : 1 / openSlots.length }));
}

/**
 * "Same weekday last week": the count 7 days earlier, or, when that was no working day (or is not
 * in history), the most recent earlier working day of the same weekday.
 */
function naiveReferences(history: ZoneHistoryDay[], calendar: CalendarDay[]): Map<string, number> {
  const working = new Map(workingHistory(history, calendar).map(({ day }) => [day.date, day.arrivals]));
  const earliest = [...working.keys()].sort()[0] ?? '';
  const references = new Map<string, number>();
  for (const date of working.keys()) {
    for (let back = addDays(date, -7); back >= earliest; back = addDays(back, -7)) {
      const value = working.get(back);
      if (value !== undefined) {
        references.set(date, value);
        break;
      }
    }
  }
  return references;
}

/** Σ|actual − forecast| ÷ Σ actual; 0 when nothing was scored (then holdoutDays is 0 too). */
function wape(pairs: [number, number][]): number {
  const actual = pairs.reduce((sum, [a]) => sum + a, 0);
  const error = pairs.reduce((sum, [a, f]) => sum + Math.abs(a - f), 0);
  return actual > 0 ? error / actual : 0;
}

function safeRatio(value: number, base: number): number {
  return base > 0 ? value / base : Number.NaN;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
