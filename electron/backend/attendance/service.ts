/**
 * Attendance as the handlers need it: the rules from settings, and a month (or a day) reconciled
 * from the database's punches, leave, corrections, staff and calendar.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { AttendanceRules, DutySettings } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listApprovedLeave, listCorrections, listPunches } from '../../../data/repositories/attendance.ts';
import { listShiftTemplates } from '../../../data/repositories/calendar.ts';
import { listWindows, listZones, type ZoneRecord } from '../../../data/repositories/centre.ts';
import { listPublishedDuties } from '../../../data/repositories/roster.ts';
import { loadPublishedCover } from '../roster/cover.ts';
import { getSetting, putSetting } from '../../../data/repositories/settings.ts';
import { listStaff, type StaffRecord } from '../../../data/repositories/staff.ts';
import type { CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import {
  DEFAULT_BREAK_WINDOW,
  DEFAULT_RULES,
  reconcile,
  type CorrectionStatus,
  type DayPlan,
  type LeaveType,
  type PersonMonth,
  type ShiftSegment,
} from '../../../solver/attendance/reconcile.ts';
import { requireConfirmedCalendar } from '../calendar-service.ts';

/** Where the attendance and on-duty settings live in the settings table. */
export const SETTING_KEYS = {
  lateGrace: 'attendance.lateGraceMinutes',
  halfDayAfter: 'attendance.halfDayAfterMinutes',
  dutyDefinition: 'duty.definition',
  dutyTarget: 'duty.targetPercent',
  dutyPosts: 'duty.contractedPosts',
  /** The centre's lunch break, minutes from midnight; start = end is no break. */
  breakStartsAt: 'attendance.breakStartsAt',
  breakEndsAt: 'attendance.breakEndsAt',
} as const;

export const DEFAULT_DUTY_TARGET = 98;

export async function readRules(db: Queryable): Promise<AttendanceRules> {
  return {
    lateGraceMinutes: numberSetting(await getSetting(db, SETTING_KEYS.lateGrace), DEFAULT_RULES.lateGraceMinutes),
    halfDayAfterMinutes: numberSetting(await getSetting(db, SETTING_KEYS.halfDayAfter), DEFAULT_RULES.halfDayAfterMinutes),
  };
}

export async function writeRules(db: Queryable, rules: AttendanceRules): Promise<void> {
  if (rules.halfDayAfterMinutes < rules.lateGraceMinutes) {
    throw new AppFailure('invalid_argument', 'The half-day threshold cannot be below the grace period', { 'set.halfDayAfterMinutes': 'out_of_range' });
  }
  await putSetting(db, SETTING_KEYS.lateGrace, String(rules.lateGraceMinutes));
  await putSetting(db, SETTING_KEYS.halfDayAfter, String(rules.halfDayAfterMinutes));
}

/** The break taken out of a rest day's punch span; anything unreadable falls back to 12:00–13:30. */
export async function readBreakWindow(db: Queryable): Promise<ShiftSegment> {
  const startsAt = numberSetting(await getSetting(db, SETTING_KEYS.breakStartsAt), Number.NaN);
  const endsAt = numberSetting(await getSetting(db, SETTING_KEYS.breakEndsAt), Number.NaN);
  const readable = [startsAt, endsAt].every((minute) => Number.isInteger(minute) && minute >= 0 && minute <= 1440) && endsAt >= startsAt;
  return readable ? { startsAt, endsAt } : { ...DEFAULT_BREAK_WINDOW };
}

export async function writeBreakWindow(db: Queryable, window: ShiftSegment): Promise<void> {
  if (window.endsAt < window.startsAt) {
    throw new AppFailure(
      'invalid_argument',
      '午休结束时间不能早于开始时间（不设午休请填相同时间）。 / The lunch break cannot end before it starts (the same time for both means no break).',
      { 'set.lunchBreak.endsAt': 'out_of_range' },
    );
  }
  await putSetting(db, SETTING_KEYS.breakStartsAt, String(window.startsAt));
  await putSetting(db, SETTING_KEYS.breakEndsAt, String(window.endsAt));
}

/** Every zone is listed; a zone nobody has set contracts as many posts as it has windows. */
export async function readDutySettings(db: Queryable): Promise<DutySettings> {
  const zones = await listZones(db);
  const windows = await listWindows(db);
  const stored = parseObject(await getSetting(db, SETTING_KEYS.dutyPosts));
  const contractedPosts: Record<string, number> = {};
  for (const zone of zones) {
    const own = stored[String(zone.id)];
    contractedPosts[String(zone.id)] = typeof own === 'number' ? own : windows.filter((window) => window.zoneId === zone.id).length;
  }
  const definition = (await getSetting(db, SETTING_KEYS.dutyDefinition)) === 'headcount' ? 'headcount' : 'attendance';
  return { definition, targetPercent: numberSetting(await getSetting(db, SETTING_KEYS.dutyTarget), DEFAULT_DUTY_TARGET), contractedPosts };
}

export async function writeDutySettings(db: Queryable, settings: DutySettings): Promise<void> {
  const zoneIds = new Set((await listZones(db)).map((zone) => String(zone.id)));
  const unknown = Object.keys(settings.contractedPosts).filter((id) => !zoneIds.has(id));
  if (unknown.length > 0) throw new AppFailure('not_found', `No zone with id ${unknown.join(', ')}`);
  const current = await readDutySettings(db);
  await putSetting(db, SETTING_KEYS.dutyDefinition, settings.definition);
  await putSetting(db, SETTING_KEYS.dutyTarget, String(settings.targetPercent));
  await putSetting(db, SETTING_KEYS.dutyPosts, JSON.stringify({ ...current.contractedPosts, ...settings.contractedPosts }));
}

/** The working day until a roster exists: the active default-day shift templates. */
export async function defaultSegments(db: Queryable): Promise<ShiftSegment[]> {
  const templates = (await listShiftTemplates(db)).filter((template) => template.defaultDay && template.active);
  return templates.map((template) => ({ startsAt: template.startsAt, endsAt: template.endsAt }));
}

/**
 * The published roster's say on each person's days between `from` and `to`. A person has a plan on
 * a day when a published roster covers their home zone that day (no duty there is a rostered
 * rest day), or when they hold a duty on a published roster that day (someone lent to another zone
 * is judged on the duty they were lent for). Days with neither keep the default day.
 */
async function publishedPlans(db: Queryable, people: readonly StaffRecord[], dates: readonly string[], from: string, to: string): Promise<DayPlan[]> {
  const cover = await loadPublishedCover(db, from, to);
  const wanted = new Set(people.map((person) => person.id));
  const duties = (await listPublishedDuties(db, from, to)).filter((duty) => wanted.has(duty.staffId));
  if (cover.size === 0 && duties.length === 0) return [];
  // Every template, retired ones too: a roster names its shifts by code and stays true after a
  // template is retired (see migration 007).
  const templates = new Map((await listShiftTemplates(db)).map((template) => [template.code, template]));
  const dutiesOf = new Map<string, string[]>();
  for (const duty of duties) {
    const key = `${duty.staffId}|${duty.date}`;
    dutiesOf.set(key, [...(dutiesOf.get(key) ?? []), duty.shiftCode]);
  }
  const plans: DayPlan[] = [];
  for (const person of people) {
    for (const date of dates) {
      const codes = dutiesOf.get(`${person.id}|${date}`) ?? [];
      const covered = cover.covers(person.homeZoneId, date);
      if (!covered && codes.length === 0) continue;
      // A code whose template is gone (its code was changed since) has no times to judge against:
      // it is skipped rather than guessed. If every duty of the day is unreadable, the day gets no
      // plan at all, so it falls back to the default day instead of becoming a rest day that would
      // excuse an absence.
      const segments = codes.flatMap((code) => {
        const template = templates.get(code);
        return template ? [{ startsAt: template.startsAt, endsAt: template.endsAt }] : [];
      });
      if (codes.length > 0 && segments.length === 0) continue;
      plans.push({ staffId: person.id, date, segments });
    }
  }
  return plans;
}

export interface ReconciledRange {
  calendar: CalendarDay[];
  people: StaffRecord[];
  zones: ZoneRecord[];
  results: PersonMonth[];
  rules: AttendanceRules;
  pendingFrom: string;
}

export function monthBounds(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/**
 * Reconciles everyone employed at some point between `from` and `to`, against their published
 * roster where one covers the day and the default day elsewhere. The calendar of those days must be
 * confirmed; `today` and later days are pending (a day is judged once it is over).
 */
export async function reconcileRange(db: Queryable, range: { from: string; to: string; today: string; staffId?: number }): Promise<ReconciledRange> {
  const days = await requireConfirmedCalendar(db, range.from, range.to);
  const calendar = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  const people = (await listStaff(db)).filter(
    (person) => person.hireDate <= range.to && (person.leftOn === null || person.leftOn >= range.from) && (range.staffId === undefined || person.id === range.staffId),
  );
  const zones = await listZones(db);
  const zoneOrder = new Map(zones.map((zone, index) => [zone.id, index]));
  people.sort((a, b) => (zoneOrder.get(a.homeZoneId) ?? 0) - (zoneOrder.get(b.homeZoneId) ?? 0) || a.employeeNo.localeCompare(b.employeeNo));
  const wanted = new Set(people.map((person) => person.id));
  const rules = await readRules(db);
  const results = reconcile({
    days: calendar.map((day) => ({ date: day.date, kind: day.kind })),
    segments: await defaultSegments(db),
    plans: await publishedPlans(db, people, calendar.map((day) => day.date), range.from, range.to),
    people: people.map((person) => ({ staffId: person.id, hireDate: person.hireDate, leftOn: person.status === 'departed' ? person.leftOn : null })),
    punches: (await listPunches(db, range.from, range.to)).filter((punch) => wanted.has(punch.staffId)),
    leave: (await listApprovedLeave(db, range.from, range.to)).map((span) => ({ ...span, type: span.type as LeaveType })),
    corrections: (await listCorrections(db, range.from, range.to)).map((row) => ({ ...row, status: row.status as CorrectionStatus })),
    rules,
    pendingFrom: range.today,
    breakWindow: await readBreakWindow(db),
  });
  return { calendar, people, zones, results, rules, pendingFrom: range.today };
}

function numberSetting(value: string | undefined, fallback: number): number {
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

function parseObject(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
