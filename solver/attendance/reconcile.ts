/**
 * Attendance reconciliation: punches against the day's shift segments, approved leave, the working
 * calendar and manual corrections, person by person and day by day. Pure: plain data in and out.
 *
 * Times of day are minutes from midnight. A day is judged segment by segment (the default day is a
 * morning and an afternoon), because halls count absence and leave in half days.
 *
 * Where a published roster covers a person's day, the roster decides it (a DayPlan): their duties
 * are the day's segments whatever the calendar says, and a plan without duties is a rest day.
 */
import type { DayKind } from '../calendar/china-calendar.ts';

export type LeaveType = 'annual' | 'sick' | 'personal' | 'marriage' | 'maternity' | 'compensatory' | 'official' | 'outing';
export const LEAVE_TYPES: readonly LeaveType[] = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing'];

/** 年 病 事 婚 产 调 公 外: the sheet's one-character codes for the leave types. */
export const LEAVE_CODES: Readonly<Record<LeaveType, string>> = {
  annual: '年', sick: '病', personal: '事', marriage: '婚', maternity: '产', compensatory: '调', official: '公', outing: '外',
};

/** What a manual correction may set a day to: an attendance outcome, a rest day, or a leave type. */
export type CorrectionStatus = 'on_time' | 'late' | 'early' | 'absent' | 'half_absent' | 'missing' | 'rest' | LeaveType;
export const CORRECTION_STATUSES: readonly CorrectionStatus[] = ['on_time', 'late', 'early', 'absent', 'half_absent', 'missing', 'rest', ...LEAVE_TYPES];

export type SegmentStatus = 'on_time' | 'late' | 'early' | 'late_early' | 'missing' | 'absent' | 'leave';

/**
 * on_time √, late 迟, early 早, absent 旷, half_absent 旷½, missing 缺, rest 休, holiday 节, leave (the
 * type's code), not_employed —, pending: a day not over yet (today and later), left blank.
 */
export type DayStatus = 'on_time' | 'late' | 'early' | 'absent' | 'half_absent' | 'missing' | 'rest' | 'holiday' | 'leave' | 'not_employed' | 'pending';

export interface ShiftSegment {
  startsAt: number;
  endsAt: number;
}

export interface AttendanceRules {
  /** Clock-in later than start + grace is late; clock-out earlier than end − grace is leaving early. */
  lateGraceMinutes: number;
  /** Lateness beyond this counts as half a day's absence. */
  halfDayAfterMinutes: number;
}

export const DEFAULT_RULES: AttendanceRules = { lateGraceMinutes: 15, halfDayAfterMinutes: 30 };

/**
 * The centre's lunch break (12:00–13:30 unless set): on a day without duties the punches say only
 * when someone came and went, so the break inside that span is not work. Start = end is no break.
 */
export const DEFAULT_BREAK_WINDOW: ShiftSegment = { startsAt: 12 * 60, endsAt: 13 * 60 + 30 };

/** How far from a segment's start and end a punch still belongs to it. */
const CLOCK_IN_BEFORE = 120;
const CLOCK_OUT_AFTER = 240;
/**
 * Overtime is counted in whole half hours: machines and queues leave people punching a few minutes
 * past the end every day, and those minutes are not overtime anyone approved or pays.
 */
const OVERTIME_BLOCK = 30;

export interface PersonInput {
  staffId: number;
  hireDate: string;
  /** The last day employed, for someone who has left. */
  leftOn: string | null;
}

export interface LeaveSpan {
  staffId: number;
  type: LeaveType;
  fromDate: string;
  toDate: string;
  part: 'full' | 'am' | 'pm';
}

export interface CorrectionInput {
  staffId: number;
  date: string;
  status: CorrectionStatus;
  /** Later corrections win; `at` orders them. */
  at: string;
}

export interface PunchInput {
  staffId: number;
  /** Local time 'YYYY-MM-DDTHH:MM'. */
  at: string;
}

export interface CalendarInput {
  date: string;
  kind: DayKind;
}

export interface SegmentResult {
  startsAt: number;
  endsAt: number;
  status: SegmentStatus;
  clockIn: number | null;
  clockOut: number | null;
  lateMinutes: number;
  earlyMinutes: number;
  /** Lateness beyond the half-day threshold: the person came, but the half day counts as absence. */
  lateCountsAsAbsence: boolean;
  leaveType: LeaveType | null;
}

export interface DayResult {
  date: string;
  status: DayStatus;
  /** The sheet's code: √ 迟 早 旷 旷½ 缺 休 节 年… —, or '' for a day not over yet. */
  code: string;
  segments: SegmentResult[];
  /** Days of attendance, of absence and of leave (by type) this day contributes: 0, 0.5 or 1. */
  worked: number;
  absent: number;
  leave: Partial<Record<LeaveType, number>>;
  lateCount: number;
  lateMinutes: number;
  earlyCount: number;
  missingCount: number;
  overtimeMinutes: number;
  /** Present for at least one segment: what the on-duty rate counts. */
  present: boolean;
  /** The share of the day on leave. */
  onLeave: number;
  corrected: boolean;
  /** A roster's plan decided the day (duties or a rostered rest day), not the calendar's default day. */
  rostered: boolean;
  /** Minutes the day's segments last (also on a pending day: what is planned); 0 on a day with none. */
  scheduledMinutes: number;
  /**
   * Minutes of the segments the person was there for. Lateness within the half-day threshold is a
   * matter of discipline, not docked minutes: a late, early or one-punch segment counts in full; an
   * absent one, one on leave, or one whose lateness counts as absence counts 0.
   */
  attendedMinutes: number;
}

export interface PersonMonth {
  staffId: number;
  days: DayResult[];
  totals: MonthTotals;
}

export interface MonthTotals {
  workedDays: number;
  absentDays: number;
  leaveDays: Record<LeaveType, number>;
  lateCount: number;
  lateMinutes: number;
  earlyCount: number;
  missingCount: number;
  overtimeMinutes: number;
}

/**
 * What a published roster gives one person on one day: their duties' times. No segments is a
 * rostered rest day. Several plans for the same person and day are taken together.
 */
export interface DayPlan {
  staffId: number;
  date: string;
  segments: ShiftSegment[];
}

export interface ReconcileInput {
  days: CalendarInput[];
  /** The default day's shift segments, for working days without a plan. */
  segments: ShiftSegment[];
  /** The roster's say on a person's day; days without a plan follow the calendar and `segments`. */
  plans?: DayPlan[];
  people: PersonInput[];
  punches: PunchInput[];
  leave: LeaveSpan[];
  corrections: CorrectionInput[];
  rules: AttendanceRules;
  /** Days on or after this one are not over yet and are left pending. */
  pendingFrom: string;
  /** Taken out of a rest day's first-to-last punch span; left out: no break is taken out. */
  breakWindow?: ShiftSegment;
}

export function reconcile(input: ReconcileInput): PersonMonth[] {
  const punches = groupBy(input.punches, (punch) => `${punch.staffId}|${punch.at.slice(0, 10)}`);
  const leave = groupBy(input.leave, (span) => String(span.staffId));
  const corrections = new Map<string, CorrectionInput>();
  for (const correction of [...input.corrections].sort((a, b) => a.at.localeCompare(b.at))) {
    corrections.set(`${correction.staffId}|${correction.date}`, correction);
  }
  const segments = [...input.segments].sort((a, b) => a.startsAt - b.startsAt);
  const plans = new Map<string, ShiftSegment[]>();
  for (const [key, group] of groupBy(input.plans ?? [], (plan) => `${plan.staffId}|${plan.date}`)) {
    plans.set(key, mergeSegments(group.flatMap((plan) => plan.segments)));
  }
  return input.people.map((person) => {
    const days = input.days.map((day) => {
      const key = `${person.staffId}|${day.date}`;
      const minutes = (punches.get(key) ?? []).map((punch) => minuteOf(punch.at)).sort((a, b) => a - b);
      const leaveToday = (leave.get(String(person.staffId)) ?? []).filter((span) => span.fromDate <= day.date && day.date <= span.toDate);
      const plan = plans.get(key) ?? null;
      return judgeDay({
        person, day, segments: plan ?? segments, plan, minutes, leave: leaveToday, correction: corrections.get(key) ?? null, rules: input.rules, pendingFrom: input.pendingFrom,
        breakWindow: input.breakWindow ?? null,
      });
    });
    return { staffId: person.staffId, days, totals: totalsOf(days) };
  });
}

/**
 * Duties that touch or overlap become one stretch, in order. Judged apart, touching duties (AM
 * 510–720 and the lunch cover 720–810) would split the punches between them at the point they meet:
 * the morning would keep the clock-in, the lunch cover the clock-out, and both would read as missing.
 */
export function mergeSegments(segments: readonly ShiftSegment[]): ShiftSegment[] {
  const merged: ShiftSegment[] = [];
  for (const segment of [...segments].sort((a, b) => a.startsAt - b.startsAt || a.endsAt - b.endsAt)) {
    const last = merged[merged.length - 1];
    if (last && segment.startsAt <= last.endsAt) last.endsAt = Math.max(last.endsAt, segment.endsAt);
    else merged.push({ startsAt: segment.startsAt, endsAt: segment.endsAt });
  }
  return merged;
}

export function isEmployedOn(person: PersonInput, date: string): boolean {
  return person.hireDate <= date && (person.leftOn === null || date <= person.leftOn);
}

interface DayJudging {
  person: PersonInput;
  day: CalendarInput;
  /** The segments the day is judged against: the plan's, or the default day's. */
  segments: ShiftSegment[];
  /** The roster's plan (merged, in order), or null when no roster covers the day. */
  plan: ShiftSegment[] | null;
  minutes: number[];
  leave: LeaveSpan[];
  correction: CorrectionInput | null;
  rules: AttendanceRules;
  pendingFrom: string;
  /** The lunch break taken out of a rest day's punch span, or null for none. */
  breakWindow?: ShiftSegment | null;
}

export function judgeDay(judging: DayJudging): DayResult {
  const { day, person, minutes, plan } = judging;
  const rostered = plan !== null;
  if (!isEmployedOn(person, day.date)) return { ...emptyDay(day.date, 'not_employed', '—'), rostered };
  // A plan with duties makes any day a working day; an empty plan makes any day a rest day.
  const working = plan ? plan.length > 0 : day.kind === 'workday' || day.kind === 'makeup';
  const segments = working ? judging.segments : [];
  const scheduledMinutes = minutesOf(segments);
  if (day.date >= judging.pendingFrom) return { ...emptyDay(day.date, 'pending', ''), rostered, scheduledMinutes };
  let result: DayResult;
  if (!working) {
    // Rostered off on a working day is 休; on a holiday the calendar's 节 stays, the rarer fact.
    const rest: DayStatus = day.kind === 'statutory' || day.kind === 'holiday_rest' ? 'holiday' : 'rest';
    result = emptyDay(day.date, rest, rest === 'rest' ? '休' : '节');
    result.overtimeMinutes = minutes.length >= 2 ? blocks(spanWithoutBreak(minutes[0]!, minutes[minutes.length - 1]!, judging.breakWindow ?? null)) : 0;
  } else {
    result = workingDay({ ...judging, segments });
  }
  result = { ...result, rostered, scheduledMinutes, attendedMinutes: attendedOf(result.segments) };
  return judging.correction ? corrected(result, judging.correction.status, segments.length) : result;
}

/**
 * A first-to-last punch span less the part of the break it covers: 08:00–17:00 with 12:00–13:30 is
 * 450 minutes, 08:00–12:30 is 240, 14:00–17:00 keeps its 180. Rostered days count by their duties.
 */
export function spanWithoutBreak(first: number, last: number, breakWindow: ShiftSegment | null): number {
  if (!breakWindow) return last - first;
  const overlap = Math.min(last, breakWindow.endsAt) - Math.max(first, breakWindow.startsAt);
  return last - first - Math.max(0, overlap);
}

function minutesOf(segments: readonly ShiftSegment[]): number {
  return segments.reduce((sum, segment) => sum + segment.endsAt - segment.startsAt, 0);
}

function attendedOf(segments: readonly SegmentResult[]): number {
  return minutesOf(segments.filter((segment) => segment.status !== 'absent' && segment.status !== 'leave' && !segment.lateCountsAsAbsence));
}

function workingDay({ day, segments, minutes, leave, rules }: DayJudging): DayResult {
  const results = segments.map((segment, index) => {
    const leaveType = leaveCovering(leave, segment);
    const mine = punchesOfSegment(minutes, segments, index);
    return leaveType ? leaveSegment(segment, leaveType, mine) : judgeSegment(segment, mine, rules);
  });
  const result = summarise(day.date, results);
  const last = segments[segments.length - 1];
  const lastResult = results[results.length - 1];
  if (last && lastResult && lastResult.clockOut !== null && lastResult.status !== 'leave') {
    result.overtimeMinutes = blocks(lastResult.clockOut - last.endsAt);
  }
  return result;
}

/**
 * A half-day leave covers the morning (segments starting before noon) or the afternoon. A merged
 * stretch across noon goes by its start: 'am' leave covers all of it, 'pm' leave none of it.
 */
function leaveCovering(spans: LeaveSpan[], segment: ShiftSegment): LeaveType | null {
  const noon = 12 * 60;
  for (const span of spans) {
    if (span.part === 'full') return span.type;
    if (span.part === 'am' && segment.startsAt < noon) return span.type;
    if (span.part === 'pm' && segment.startsAt >= noon) return span.type;
  }
  return null;
}

/**
 * The punches that belong to segment `index`: between two segments, a punch goes to the nearer
 * (the boundary is the middle of the gap), so lunch punches split into a morning clock-out and an
 * afternoon clock-in. Punches far outside the day's segments are ignored.
 */
export function punchesOfSegment(minutes: number[], segments: ShiftSegment[], index: number): number[] {
  const segment = segments[index]!;
  const previous = segments[index - 1];
  const next = segments[index + 1];
  const from = previous ? Math.ceil((previous.endsAt + segment.startsAt) / 2) : segment.startsAt - CLOCK_IN_BEFORE;
  const to = next ? Math.ceil((segment.endsAt + next.startsAt) / 2) : segment.endsAt + CLOCK_OUT_AFTER + 1;
  return minutes.filter((minute) => minute >= from && minute < to);
}

function judgeSegment(segment: ShiftSegment, mine: number[], rules: AttendanceRules): SegmentResult {
  const base = { startsAt: segment.startsAt, endsAt: segment.endsAt, lateMinutes: 0, earlyMinutes: 0, lateCountsAsAbsence: false, leaveType: null };
  if (mine.length === 0) return { ...base, status: 'absent', clockIn: null, clockOut: null };
  if (mine.length === 1) {
    // One punch cannot tell arriving from leaving: the other is missing, and nothing else is judged.
    return { ...base, status: 'missing', clockIn: mine[0]!, clockOut: null };
  }
  const clockIn = mine[0]!;
  const clockOut = mine[mine.length - 1]!;
  const lateBy = clockIn - segment.startsAt;
  const earlyBy = segment.endsAt - clockOut;
  const late = lateBy > rules.lateGraceMinutes;
  const early = earlyBy > rules.lateGraceMinutes;
  const status: SegmentStatus = late && early ? 'late_early' : late ? 'late' : early ? 'early' : 'on_time';
  return {
    ...base,
    status,
    clockIn,
    clockOut,
    lateMinutes: late ? lateBy : 0,
    earlyMinutes: early ? earlyBy : 0,
    lateCountsAsAbsence: late && lateBy > rules.halfDayAfterMinutes,
  };
}

function leaveSegment(segment: ShiftSegment, leaveType: LeaveType, mine: number[]): SegmentResult {
  return {
    startsAt: segment.startsAt, endsAt: segment.endsAt, status: 'leave', clockIn: mine[0] ?? null,
    clockOut: mine.length > 1 ? mine[mine.length - 1]! : null, lateMinutes: 0, earlyMinutes: 0, lateCountsAsAbsence: false, leaveType,
  };
}

function summarise(date: string, segments: SegmentResult[]): DayResult {
  const share = segments.length === 0 ? 0 : 1 / segments.length;
  const result = emptyDay(date, 'on_time', '√');
  result.segments = segments;
  let absentSegments = 0;
  let leaveSegments = 0;
  let leaveType: LeaveType | null = null;
  for (const segment of segments) {
    if (segment.status === 'leave' && segment.leaveType) {
      leaveSegments += 1;
      leaveType ??= segment.leaveType;
      result.leave[segment.leaveType] = (result.leave[segment.leaveType] ?? 0) + share;
      continue;
    }
    if (segment.status === 'absent') {
      absentSegments += 1;
      continue;
    }
    if (segment.lateMinutes > 0) {
      result.lateCount += 1;
      result.lateMinutes += segment.lateMinutes;
    }
    if (segment.earlyMinutes > 0) result.earlyCount += 1;
    if (segment.status === 'missing') result.missingCount += 1;
    result.present = true;
    if (segment.lateCountsAsAbsence) absentSegments += 1;
    else result.worked += share;
  }
  result.absent = absentSegments * share;
  result.onLeave = leaveSegments * share;
  const has = (status: SegmentStatus) => segments.some((segment) => segment.status === status);
  const [status, code] = ((): [DayStatus, string] => {
    if (segments.length > 0 && leaveSegments === segments.length && leaveType) return ['leave', LEAVE_CODES[leaveType]];
    if (absentSegments > 0) return absentSegments === segments.length ? ['absent', '旷'] : ['half_absent', '旷½'];
    if (has('missing')) return ['missing', '缺'];
    if (has('late') || has('late_early')) return ['late', '迟'];
    if (has('early')) return ['early', '早'];
    if (leaveType) return ['leave', `${LEAVE_CODES[leaveType]}½`];
    return ['on_time', '√'];
  })();
  result.status = status;
  result.code = code;
  return round(result);
}

/**
 * A manual correction replaces the day's outcome; the punches and segments stay for the record. A
 * day corrected to attendance was attended in full, and half absent attends the share it worked.
 */
function corrected(result: DayResult, status: CorrectionStatus, segmentCount: number): DayResult {
  const day: DayResult = {
    ...result, corrected: true, worked: 0, absent: 0, leave: {}, onLeave: 0, present: false, lateCount: 0, lateMinutes: 0, earlyCount: 0, missingCount: 0, attendedMinutes: 0,
  };
  const lateMinutes = result.segments.reduce((sum, segment) => sum + segment.lateMinutes, 0);
  const attendedMinutes = result.scheduledMinutes;
  switch (status) {
    case 'on_time':
      return { ...day, status, code: '√', worked: 1, present: true, attendedMinutes };
    case 'late':
      return { ...day, status, code: '迟', worked: 1, present: true, lateCount: 1, lateMinutes, attendedMinutes };
    case 'early':
      return { ...day, status, code: '早', worked: 1, present: true, earlyCount: 1, attendedMinutes };
    case 'missing':
      return { ...day, status, code: '缺', worked: 1, present: true, missingCount: 1, attendedMinutes };
    case 'absent':
      return { ...day, status, code: '旷', absent: 1 };
    case 'half_absent': {
      const half = segmentCount > 1 ? 0.5 : 1;
      return { ...day, status, code: '旷½', absent: half, worked: 1 - half, present: half < 1, attendedMinutes: Math.round(attendedMinutes * (1 - half)) };
    }
    case 'rest':
      return { ...day, status, code: '休' };
    default:
      return { ...day, status: 'leave', code: LEAVE_CODES[status], leave: { [status]: 1 }, onLeave: 1 };
  }
}

function emptyDay(date: string, status: DayStatus, code: string): DayResult {
  return {
    date, status, code, segments: [], worked: 0, absent: 0, leave: {}, lateCount: 0, lateMinutes: 0, earlyCount: 0,
    missingCount: 0, overtimeMinutes: 0, present: false, onLeave: 0, corrected: false, rostered: false, scheduledMinutes: 0, attendedMinutes: 0,
  };
}

export function totalsOf(days: DayResult[]): MonthTotals {
  const leaveDays = Object.fromEntries(LEAVE_TYPES.map((type) => [type, 0])) as Record<LeaveType, number>;
  const totals: MonthTotals = { workedDays: 0, absentDays: 0, leaveDays, lateCount: 0, lateMinutes: 0, earlyCount: 0, missingCount: 0, overtimeMinutes: 0 };
  for (const day of days) {
    totals.workedDays += day.worked;
    totals.absentDays += day.absent;
    for (const type of LEAVE_TYPES) leaveDays[type] += day.leave[type] ?? 0;
    totals.lateCount += day.lateCount;
    totals.lateMinutes += day.lateMinutes;
    totals.earlyCount += day.earlyCount;
    totals.missingCount += day.missingCount;
    totals.overtimeMinutes += day.overtimeMinutes;
  }
  totals.workedDays = tidy(totals.workedDays);
  totals.absentDays = tidy(totals.absentDays);
  for (const type of LEAVE_TYPES) leaveDays[type] = tidy(leaveDays[type]);
  return totals;
}

function round(day: DayResult): DayResult {
  day.worked = tidy(day.worked);
  day.absent = tidy(day.absent);
  day.onLeave = tidy(day.onLeave);
  for (const type of LEAVE_TYPES) if (day.leave[type] !== undefined) day.leave[type] = tidy(day.leave[type]);
  return day;
}

/** Shares of a day are thirds or halves: two decimals hold them without float dust. */
function tidy(value: number): number {
  return Math.round(value * 100) / 100;
}

function blocks(minutes: number): number {
  return minutes <= 0 ? 0 : Math.floor(minutes / OVERTIME_BLOCK) * OVERTIME_BLOCK;
}

/** 'YYYY-MM-DDTHH:MM' → minutes from midnight. */
export function minuteOf(at: string): number {
  return Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
