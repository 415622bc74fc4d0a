/**
 * Hours and overtime of one person in one month, by the Chinese labour rules. Pure: the person's
 * days in, the month's regular and overtime minutes (by pay tier) and the caps it breaks out.
 *
 * Standard working hours (标准工时制):
 * - Statutory holiday (法定节假日, `statutory`): every minute worked is paid at 300%.
 * - Working day (`workday`, and the make-up day `makeup`, 调休上班): up to `standardDayMinutes` is
 *   regular, the rest is an extension paid at 150%. More than `dailyOvertimeCapMinutes` (3 h) of
 *   extension on one day breaks the daily cap.
 * - Rest day (`weekend`, and the moved day off `holiday_rest`): minutes worked are paid at 200%
 *   unless time off in lieu (补休) is given, hour for hour:
 *   0. the published roster's planned time off in lieu (`rosterLieu`): a rest-day duty the roster
 *      gave back by a shift off (in its week or the next, as the board shows 调休) is lieu, as
 *      the roster's cost priced it; the day of that shift off is then no further day given off;
 *   1. within the same ISO week (Monday–Sunday, the whole week even where it crosses into the
 *      month before or after, so both months' reports agree): each employed working day with
 *      nothing worked and no other leave is a day the roster gave off and supplies a standard day;
 *      调休 (compensatory) leave supplies its share of a standard day. The week's rest days take
 *      it in date order, the roster's days off first (they cannot be carried to another week),
 *      then the 调休 leave by date;
 *   2. rest-day minutes of the month still uncovered take the month's 调休 leave that its own week
 *      did not use, first in first out by date;
 *   3. the time account (solver/pay/time-account.ts), where the caller gives it: minutes a 调休 of
 *      a later month spent are lieu too; minutes still banked are paid nothing this month;
 *   4. whatever is left is 200%. Banked minutes that expired with payout in this month are added
 *      to the month's overtime at the tier they were earned (`payoutMinutes`).
 *   Minutes covered by time off in lieu count as regular (and are reported as `lieu`).
 * - More than `monthlyOvertimeCapMinutes` (36 h) of overtime (150 + 200 + 300) in the month
 *   breaks the monthly cap; rest-day minutes given back as lieu count too unless the setting
 *   `lieuCountsTowardMonthlyCap` says otherwise (the conservative reading counts them).
 *
 * Comprehensive working hours (综合计算工时制, approved by the labour authority): hours are averaged
 * over a cycle (week, month, quarter or year) instead of judged per day.
 * - Statutory-day minutes are always 300%, in the month they fall in.
 * - The other minutes of the cycle are summed against the cycle's standard: a standard day for
 *   each employed working day, less the share of the day on leave other than 调休 (paid leave is
 *   not time the person owes; 调休 is the time off that pays back earlier excess, so it does not
 *   lower the standard). The excess is paid at 150%, settled in the month that holds the cycle's
 *   last day; there is no 200% tier. A cycle not over by the month's end is reported but settles
 *   nothing.
 * - Cap: the cycle's settled excess plus its statutory minutes over `monthlyOvertimeCapMinutes` ×
 *   the months in the cycle (month 1, quarter 3, year 12) breaks the cycle cap. Weekly cycles are
 *   checked month by month: the weekly excesses settled in the month plus the month's statutory
 *   minutes against the monthly cap.
 *
 * Days with `employed` false contribute nothing: no minutes, no lieu. Days not over yet should
 * carry the roster's planned minutes, since a working day with nothing worked reads as a day off.
 */
import { isWorkingKind, type DayKind } from '../calendar/china-calendar.ts';
import type { MonthTimeAccount } from './time-account.ts';
import { PAY_TIERS } from './tiers.ts';

export type ContractType = 'standard' | 'comprehensive';
export type HoursCycle = 'week' | 'month' | 'quarter' | 'year';

export interface WorkDayInput {
  date: string;
  kind: DayKind;
  employed: boolean;
  /** Minutes worked: the duty's attended minutes plus attendance overtime past its end. */
  workedMinutes: number;
  /** Share of the day on 调休 (compensatory) leave — time off in lieu taken: 0, 0.5 or 1. */
  compensatoryLeave: number;
  /** Share of the day on any other leave (annual, sick, personal …). */
  otherLeave: number;
  /** Share of the day absent without leave (旷工): a day not worked, but not a day given off either. */
  absent: number;
}

export interface HoursRules {
  standardDayMinutes: number;
  monthlyOvertimeCapMinutes: number;
  /**
   * Whether rest-day minutes given back as time off in lieu still count toward the monthly cap.
   * The conservative reading (the default): they were worked beyond the standard week, so they
   * count, even though no 200% is paid for them.
   */
  lieuCountsTowardMonthlyCap: boolean;
  dailyOvertimeCapMinutes: number;
  /** The averaging cycle of comprehensive contracts. */
  comprehensiveCycle: HoursCycle;
}

export const DEFAULT_HOURS_RULES: HoursRules = {
  standardDayMinutes: 8 * 60,
  monthlyOvertimeCapMinutes: 36 * 60,
  lieuCountsTowardMonthlyCap: true,
  dailyOvertimeCapMinutes: 3 * 60,
  comprehensiveCycle: 'month',
};

export interface PersonHoursInput {
  staffId: number;
  contract: ContractType;
  /** 'YYYY-MM' */
  month: string;
  /** The person's days over `hoursWindow` of the month; days outside it are ignored. */
  days: WorkDayInput[];
  /** Standard contracts: the month's view of the person's time account; none, nothing banked. */
  timeAccount?: MonthTimeAccount;
  /**
   * Standard contracts: the published roster's planned time off in lieu (rule 14 of
   * docs/roster-rules.md), each rest-day duty paired with the shift off that gives it back.
   */
  rosterLieu?: readonly RosterLieu[];
}

/** Rest-day minutes of `earnedOn` the roster gives back by a shift off on `spentOn`. */
export interface RosterLieu {
  earnedOn: string;
  spentOn: string;
  minutes: number;
}

/** How one day's minutes are paid. `regular` includes `lieu`. */
export interface DaySplit {
  regular: number;
  overtime150: number;
  overtime200: number;
  overtime300: number;
  /** Rest-day minutes compensated by time off in lieu. */
  lieu: number;
  /** Rest-day minutes held in the time account (or forfeited): not paid this month. */
  banked: number;
}

export interface DayHours extends DaySplit {
  date: string;
  kind: DayKind;
  employed: boolean;
  workedMinutes: number;
}

export interface CycleHours {
  from: string;
  to: string;
  /** Minutes worked in the whole cycle, statutory days excluded. */
  workedMinutes: number;
  standardMinutes: number;
  excessMinutes: number;
  /** The cycle ends within the month (or at its end). */
  complete: boolean;
  /** Its excess is paid in this month: the month holding the cycle's last day. */
  settledInMonth: boolean;
}

export type HoursBreach =
  | { rule: 'monthly_overtime_cap'; minutes: number; capMinutes: number }
  | { rule: 'daily_overtime_cap'; date: string; minutes: number; capMinutes: number }
  | { rule: 'cycle_overtime_cap'; from: string; to: string; minutes: number; capMinutes: number };

export interface PersonHours {
  staffId: number;
  contract: ContractType;
  month: string;
  workedMinutes: number;
  /**
   * Standard: worked = regular + overtime. Comprehensive: the month's non-statutory minutes as
   * worked; a cycle's excess is settled on top as overtime150 and is not split onto days, since
   * averaging makes no one minute the overtime one.
   */
  regularMinutes: number;
  overtime150Minutes: number;
  overtime200Minutes: number;
  overtime300Minutes: number;
  overtimeMinutes: number;
  lieuMinutes: number;
  /** Rest-day minutes of the month held in the time account: in `workedMinutes`, in no tier. */
  bankedMinutes: number;
  /** Banked minutes of earlier months paid out at expiry this month, already in the overtime tiers. */
  payoutMinutes: number;
  /** Standard contracts: the month's 调休 leave its week and month did not use, for the account. */
  unusedLeave: { date: string; minutes: number }[];
  /** The month's days only. */
  days: DayHours[];
  /** Comprehensive contracts: the cycles overlapping the month, in order; null for standard. */
  cycle: CycleHours[] | null;
  breaches: HoursBreach[];
}

interface Span {
  from: string;
  to: string;
}

/**
 * Which dates the rules need for a month: the whole ISO weeks (Mon–Sun) the month touches for a
 * standard contract (time off in lieu is settled within the week); for a comprehensive one, every
 * cycle overlapping the month, whole.
 */
export function hoursWindow(contract: ContractType, month: string, cycle: HoursCycle): Span {
  const spans = contract === 'standard' ? isoWeeksOf(month) : cyclesOf(month, cycle);
  return { from: spans[0]!.from, to: spans[spans.length - 1]!.to };
}

export function personHours(input: PersonHoursInput, rules: HoursRules): PersonHours {
  const window = hoursWindow(input.contract, input.month, rules.comprehensiveCycle);
  const days = [...input.days]
    .filter((day) => day.date >= window.from && day.date <= window.to)
    .sort((a, b) => a.date.localeCompare(b.date));
  return input.contract === 'standard' ? standardHours(input, days, rules) : comprehensiveHours(input, days, rules);
}

// ——— standard contract ———

function standardHours(input: PersonHoursInput, days: WorkDayInput[], rules: HoursRules): PersonHours {
  const { month } = input;
  const splits = new Map<string, DaySplit>(days.map((day) => [day.date, baseSplit(day, rules)]));
  const roster = rosterLieuOf(days, input.rosterLieu ?? [], splits);
  const uncovered = new Map<string, number>();
  const monthPool: Supply[] = [];
  for (const week of isoWeeksOf(month)) {
    const weekDays = days.filter((day) => day.date >= week.from && day.date <= week.to);
    const leftover = allocateWeek(weekDays, splits, uncovered, rules, roster);
    monthPool.push(...leftover.filter((supply) => inMonth(supply.date, month)));
  }
  // Step 2: the month's 调休 leave its own week did not need covers the month's rest days left over.
  for (const day of days) {
    if (!inMonth(day.date, month)) continue;
    const need = uncovered.get(day.date) ?? 0;
    if (need > 0) uncovered.set(day.date, need - cover(splits.get(day.date)!, need, monthPool));
  }
  // Step 3: the time account — spent by a later 调休 (lieu), or still banked (not paid yet).
  const account = input.timeAccount;
  for (const [date, minutes] of uncovered) {
    const split = splits.get(date)!;
    const later = Math.min(minutes, account?.spentLater[date] ?? 0);
    const banked = Math.min(minutes - later, account?.banked[date] ?? 0);
    split.lieu += later;
    split.regular += later;
    split.banked += banked;
    split.overtime200 += minutes - later - banked;
  }

  const monthDays = dayHours(days, splits, month);
  const totals = totalsOf(monthDays);
  for (const payout of account?.payouts ?? []) {
    if (payout.tier === PAY_TIERS.statutory) totals.overtime300Minutes += payout.minutes;
    else totals.overtime200Minutes += payout.minutes;
    totals.overtimeMinutes += payout.minutes;
    totals.payoutMinutes += payout.minutes;
  }
  const unusedLeave = monthPool.filter((supply) => supply.minutes > 0).map((supply) => ({ ...supply }));
  const breaches: HoursBreach[] = [];
  for (const day of monthDays) {
    if (day.overtime150 > rules.dailyOvertimeCapMinutes) {
      breaches.push({ rule: 'daily_overtime_cap', date: day.date, minutes: day.overtime150, capMinutes: rules.dailyOvertimeCapMinutes });
    }
  }
  const cappedMinutes = totals.overtimeMinutes + (rules.lieuCountsTowardMonthlyCap ? totals.lieuMinutes : 0);
  if (cappedMinutes > rules.monthlyOvertimeCapMinutes) {
    breaches.push({ rule: 'monthly_overtime_cap', minutes: cappedMinutes, capMinutes: rules.monthlyOvertimeCapMinutes });
  }
  return { staffId: input.staffId, contract: 'standard', month, ...totals, unusedLeave, days: monthDays, cycle: null, breaches };
}

/** A day's split before time off in lieu: rest-day minutes are left for the allocation. */
function baseSplit(day: WorkDayInput, rules: HoursRules): DaySplit {
  const split: DaySplit = { regular: 0, overtime150: 0, overtime200: 0, overtime300: 0, lieu: 0, banked: 0 };
  if (!day.employed) return split;
  const worked = Math.max(0, day.workedMinutes);
  if (day.kind === 'statutory') split.overtime300 = worked;
  else if (isWorkingKind(day.kind)) {
    split.regular = Math.min(worked, rules.standardDayMinutes);
    split.overtime150 = worked - split.regular;
  }
  return split;
}

/** Step 0: the roster's planned lieu, credited to its rest days; returns what each side already used. */
function rosterLieuOf(days: WorkDayInput[], pairs: readonly RosterLieu[], splits: Map<string, DaySplit>): { covered: Map<string, number>; givenOn: Set<string> } {
  const covered = new Map<string, number>();
  const givenOn = new Set<string>();
  const byDate = new Map(days.map((day) => [day.date, day]));
  for (const pair of pairs) {
    givenOn.add(pair.spentOn);
    const day = byDate.get(pair.earnedOn);
    if (!day?.employed || !isRestKind(day.kind)) continue;
    // Never more than was worked: a duty not turned up for earns nothing to give back.
    const take = Math.min(pair.minutes, Math.max(0, day.workedMinutes) - (covered.get(day.date) ?? 0));
    if (take <= 0) continue;
    covered.set(day.date, (covered.get(day.date) ?? 0) + take);
    const split = splits.get(day.date)!;
    split.lieu += take;
    split.regular += take;
  }
  return { covered, givenOn };
}

/** Minutes of time off in lieu available from one date. */
interface Supply {
  date: string;
  minutes: number;
}

/**
 * Step 1 for one ISO week: the roster's days off, then the week's 调休 leave by date, go to the
 * week's rest-day minutes in date order. Records what stays uncovered; returns the 调休 leave left.
 */
function allocateWeek(weekDays: WorkDayInput[], splits: Map<string, DaySplit>, uncovered: Map<string, number>, rules: HoursRules, roster: ReturnType<typeof rosterLieuOf>): Supply[] {
  const rosterOff: Supply[] = [];
  const leave: Supply[] = [];
  for (const day of weekDays) {
    if (!day.employed || !isWorkingKind(day.kind)) continue;
    const leaveMinutes = Math.round(day.compensatoryLeave * rules.standardDayMinutes);
    if (leaveMinutes > 0) leave.push({ date: day.date, minutes: leaveMinutes });
    // A working day with nothing worked, no other leave and no absence is a day the roster gave off
    // (unless it is the roster's planned lieu, which step 0 paired with its own rest day).
    if (day.workedMinutes <= 0 && day.otherLeave <= 0 && day.absent <= 0 && rules.standardDayMinutes > leaveMinutes && !roster.givenOn.has(day.date)) {
      rosterOff.push({ date: day.date, minutes: rules.standardDayMinutes - leaveMinutes });
    }
  }
  for (const day of weekDays) {
    if (!day.employed || !isRestKind(day.kind) || day.workedMinutes <= 0) continue;
    const split = splits.get(day.date)!;
    let need = day.workedMinutes - (roster.covered.get(day.date) ?? 0);
    if (need <= 0) continue;
    need -= cover(split, need, rosterOff);
    need -= cover(split, need, leave);
    uncovered.set(day.date, need);
  }
  return leave.filter((supply) => supply.minutes > 0);
}

/** Takes up to `need` minutes from the supplies in order, crediting them to the day as lieu. */
function cover(split: DaySplit, need: number, supplies: Supply[]): number {
  let covered = 0;
  for (const supply of supplies) {
    if (covered >= need) break;
    const take = Math.min(supply.minutes, need - covered);
    supply.minutes -= take;
    covered += take;
  }
  split.lieu += covered;
  split.regular += covered;
  return covered;
}

function isRestKind(kind: DayKind): boolean {
  return kind === 'weekend' || kind === 'holiday_rest';
}

// ——— comprehensive contract ———

function comprehensiveHours(input: PersonHoursInput, days: WorkDayInput[], rules: HoursRules): PersonHours {
  const { month } = input;
  const splits = new Map<string, DaySplit>(days.map((day) => {
    const worked = day.employed ? Math.max(0, day.workedMinutes) : 0;
    const statutory = day.kind === 'statutory';
    return [day.date, { regular: statutory ? 0 : worked, overtime150: 0, overtime200: 0, overtime300: statutory ? worked : 0, lieu: 0, banked: 0 }];
  }));
  const monthEnd = monthSpan(month).to;
  const cycles = cyclesOf(month, rules.comprehensiveCycle).map((span): CycleHours & { statutoryMinutes: number } => {
    const cycleDays = days.filter((day) => day.employed && day.date >= span.from && day.date <= span.to);
    const workedMinutes = sum(cycleDays.map((day) => splits.get(day.date)!.regular));
    const statutoryMinutes = sum(cycleDays.map((day) => splits.get(day.date)!.overtime300));
    const standardMinutes = Math.round(sum(cycleDays.filter((day) => isWorkingKind(day.kind))
      .map((day) => rules.standardDayMinutes * (1 - Math.min(1, Math.max(0, day.otherLeave))))));
    const complete = span.to <= monthEnd;
    return {
      ...span, workedMinutes, standardMinutes, excessMinutes: Math.max(0, workedMinutes - standardMinutes),
      complete, settledInMonth: complete && inMonth(span.to, month), statutoryMinutes,
    };
  });
  const monthDays = dayHours(days, splits, month);
  const totals = totalsOf(monthDays);
  const settled = cycles.filter((cycle) => cycle.settledInMonth);
  totals.overtime150Minutes = sum(settled.map((cycle) => cycle.excessMinutes));
  totals.overtimeMinutes = totals.overtime150Minutes + totals.overtime300Minutes;
  return {
    staffId: input.staffId, contract: 'comprehensive', month, ...totals, unusedLeave: [], days: monthDays,
    cycle: cycles.map(({ statutoryMinutes: _statutory, ...cycle }) => cycle),
    breaches: cycleBreaches(month, rules, settled, totals.overtime300Minutes),
  };
}

function cycleBreaches(month: string, rules: HoursRules, settled: (CycleHours & { statutoryMinutes: number })[], monthStatutory: number): HoursBreach[] {
  const cap = rules.monthlyOvertimeCapMinutes;
  if (rules.comprehensiveCycle === 'week') {
    // A week is shorter than the cap's month: the month's settled weeks are checked together.
    const minutes = sum(settled.map((cycle) => cycle.excessMinutes)) + monthStatutory;
    const { from, to } = monthSpan(month);
    return minutes > cap ? [{ rule: 'cycle_overtime_cap', from, to, minutes, capMinutes: cap }] : [];
  }
  const months = rules.comprehensiveCycle === 'month' ? 1 : rules.comprehensiveCycle === 'quarter' ? 3 : 12;
  return settled
    .map((cycle) => ({ cycle, minutes: cycle.excessMinutes + cycle.statutoryMinutes }))
    .filter(({ minutes }) => minutes > cap * months)
    .map(({ cycle, minutes }) => ({ rule: 'cycle_overtime_cap', from: cycle.from, to: cycle.to, minutes, capMinutes: cap * months }));
}

// ——— shared ———

function dayHours(days: WorkDayInput[], splits: Map<string, DaySplit>, month: string): DayHours[] {
  return days
    .filter((day) => inMonth(day.date, month))
    .map((day) => ({ date: day.date, kind: day.kind, employed: day.employed, workedMinutes: day.employed ? Math.max(0, day.workedMinutes) : 0, ...splits.get(day.date)! }));
}

type Totals = Pick<PersonHours, 'workedMinutes' | 'regularMinutes' | 'overtime150Minutes' | 'overtime200Minutes' | 'overtime300Minutes' | 'overtimeMinutes' | 'lieuMinutes' | 'bankedMinutes' | 'payoutMinutes'>;

function totalsOf(days: DayHours[]): Totals {
  const of = (pick: (day: DayHours) => number) => sum(days.map(pick));
  const overtime150Minutes = of((day) => day.overtime150);
  const overtime200Minutes = of((day) => day.overtime200);
  const overtime300Minutes = of((day) => day.overtime300);
  return {
    workedMinutes: of((day) => day.workedMinutes),
    regularMinutes: of((day) => day.regular),
    overtime150Minutes,
    overtime200Minutes,
    overtime300Minutes,
    overtimeMinutes: overtime150Minutes + overtime200Minutes + overtime300Minutes,
    lieuMinutes: of((day) => day.lieu),
    bankedMinutes: of((day) => day.banked),
    payoutMinutes: 0,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// ——— dates: ISO 'YYYY-MM-DD' strings, computed in UTC so no time zone moves a day ———

function inMonth(date: string, month: string): boolean {
  return date.startsWith(`${month}-`);
}

export function monthSpan(month: string): Span {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function isoMonday(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The ISO weeks (Monday–Sunday) that touch the month, whole. */
export function isoWeeksOf(month: string): Span[] {
  const { from, to } = monthSpan(month);
  const weeks: Span[] = [];
  for (let monday = isoMonday(from); monday <= to; monday = addDays(monday, 7)) weeks.push({ from: monday, to: addDays(monday, 6) });
  return weeks;
}

/** The comprehensive cycles overlapping the month, whole. */
export function cyclesOf(month: string, cycle: HoursCycle): Span[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const span = (firstMonth: number, months: number): Span => ({
    from: monthSpan(`${year}-${String(firstMonth).padStart(2, '0')}`).from,
    to: monthSpan(`${year}-${String(firstMonth + months - 1).padStart(2, '0')}`).to,
  });
  switch (cycle) {
    case 'week':
      return isoWeeksOf(month);
    case 'month':
      return [monthSpan(month)];
    case 'quarter':
      return [span(Math.floor((monthNumber - 1) / 3) * 3 + 1, 3)];
    case 'year':
      return [span(1, 12)];
  }
}
