/**
 * The attendance channels of the contract: argument schemas here, result types in AttendanceResults.
 * Merged into the one channel map by ../channels.ts.
 */
import { z } from 'zod';
import type { FilePayload, ImportRowError } from '../model.ts';
import { base64File, isoDate, minuteOfDay, month, noArgument, recordId, uploadName, year } from '../schema-parts.ts';

export type LeaveTypeCode = 'annual' | 'sick' | 'personal' | 'marriage' | 'maternity' | 'compensatory' | 'official' | 'outing';
const leaveTypes = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing'] as const;
export const correctionStatuses = ['on_time', 'late', 'early', 'absent', 'half_absent', 'missing', 'rest', ...leaveTypes] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];

export type SegmentStatus = 'on_time' | 'late' | 'early' | 'late_early' | 'missing' | 'absent' | 'leave';
export type DayStatus = 'on_time' | 'late' | 'early' | 'absent' | 'half_absent' | 'missing' | 'rest' | 'holiday' | 'leave' | 'not_employed' | 'pending';
export type CalendarDayKind = 'workday' | 'weekend' | 'statutory' | 'holiday_rest' | 'makeup';
export type DutyDefinition = 'attendance' | 'headcount';

const monthArgument = z.strictObject({ year, month });

export const attendanceChannels = {
  'punches/check': z.strictObject({ fileName: uploadName, base64: base64File }),
  'punches/apply': z.strictObject({ fileName: uploadName, base64: base64File, goodRowsOnly: z.boolean() }),
  'punches/list': z.strictObject({ staffId: recordId, from: isoDate, to: isoDate }),
  'attendance/settings': z.strictObject({
    /** Left out: read the settings; given: change them (and get them back). */
    set: z
      .strictObject({
        lateGraceMinutes: z.number().int().min(0).max(120),
        halfDayAfterMinutes: z.number().int().min(0).max(240),
      })
      .optional(),
  }),
  'attendance/correct': z.strictObject({
    staffId: recordId,
    date: isoDate,
    status: z.enum(correctionStatuses),
    reason: z.string().trim().min(1).max(200),
  }),
  'attendance/day': z.strictObject({ staffId: recordId, date: isoDate }),
  'attendance/month': monthArgument,
  'attendance/export': monthArgument,
  'duty/settings': z.strictObject({
    set: z
      .strictObject({
        definition: z.enum(['attendance', 'headcount']),
        targetPercent: z.number().min(0).max(100),
        /** Contracted posts per zone id (as text keys, JSON objects have no number keys). */
        contractedPosts: z.record(z.string().regex(/^\d{1,9}$/), z.number().int().min(0).max(500)),
      })
      .optional(),
  }),
  'duty/month': monthArgument,
  'punches/summary': noArgument,
  'overtime/month': monthArgument,
  /** Planned overtime: from–to, or a number of minutes when the times are not known yet. */
  'overtime/request': z.strictObject({
    staffId: recordId,
    date: isoDate,
    startsAt: minuteOfDay.optional(),
    endsAt: minuteOfDay.optional(),
    minutes: z.number().int().min(1).max(720).optional(),
    reason: z.string().trim().min(1).max(200),
  }),
  'overtime/decide': z.strictObject({
    requestId: recordId,
    decision: z.enum(['approved', 'rejected']),
    /** Required to reject. */
    note: z.string().trim().max(200),
  }),
  /** A decision on the punch overtime of a person's day: `minutes` is what the deciding person saw waiting. */
  'overtime/decidePunch': z.strictObject({
    staffId: recordId,
    date: isoDate,
    minutes: z.number().int().min(1).max(1440),
    decision: z.enum(['approved', 'rejected']),
    note: z.string().trim().max(200),
  }),
} satisfies Record<string, z.ZodType>;

/** A punch file checked in full: nothing is written until every row is judged. */
export interface PunchReport {
  totalRows: number;
  goodRows: number;
  errors: ImportRowError[];
  /** Punches applying would add. */
  toCreate: number;
}

export interface PunchApplyResult extends PunchReport {
  written: number;
}

export interface PunchRecord {
  at: string;
  device: string;
  sourceFile: string;
}

export interface AttendanceRules {
  lateGraceMinutes: number;
  halfDayAfterMinutes: number;
}

export interface SegmentOutcome {
  startsAt: number;
  endsAt: number;
  status: SegmentStatus;
  clockIn: number | null;
  clockOut: number | null;
  lateMinutes: number;
  earlyMinutes: number;
  lateCountsAsAbsence: boolean;
  leaveType: LeaveTypeCode | null;
}

export interface SheetDay {
  date: string;
  status: DayStatus;
  code: string;
  overtimeMinutes: number;
  corrected: boolean;
}

export interface MonthTotals {
  workedDays: number;
  absentDays: number;
  leaveDays: Record<LeaveTypeCode, number>;
  lateCount: number;
  lateMinutes: number;
  earlyCount: number;
  missingCount: number;
  overtimeMinutes: number;
}

export interface SheetRow {
  staffId: number;
  employeeNo: string;
  name: string;
  zoneId: number;
  days: SheetDay[];
  totals: MonthTotals;
  /** The time account (调休余额) at the month's end, in minutes: the hours report's balance. */
  lieuBalanceMinutes: number;
}

export interface AttendanceMonth {
  year: number;
  month: number;
  centreNameZh: string;
  centreNameEn: string;
  days: { date: string; kind: CalendarDayKind; holidayName: string | null }[];
  /** Days from this one on are not over yet (the current month), or null. */
  pendingFrom: string | null;
  rules: AttendanceRules;
  rows: SheetRow[];
}

export interface CorrectionRecord {
  id: number;
  date: string;
  status: CorrectionStatus;
  reason: string;
  actor: string;
  at: string;
}

export interface AttendanceDay {
  staffId: number;
  date: string;
  kind: CalendarDayKind;
  punches: PunchRecord[];
  segments: SegmentOutcome[];
  status: DayStatus;
  code: string;
  overtimeMinutes: number;
  corrected: boolean;
  /** A published roster decided the day (its duties are the segments, or it gave a rest day). */
  rostered: boolean;
  corrections: CorrectionRecord[];
}

export interface DutySettings {
  definition: DutyDefinition;
  targetPercent: number;
  /** Contracted posts per zone id; every zone is listed. */
  contractedPosts: Record<string, number>;
}

export interface DutyShortDay {
  date: string;
  contracted: number;
  staffed: number;
  onLeave: number;
  absent: number;
  vacancy: number;
  /** Rostered off (or corrected to a rest day) on a working day: not there, but not absent. */
  rest: number;
}

export interface DutyLine {
  contractedPostDays: number;
  staffedPostDays: number;
  ratePercent: number | null;
  met: boolean;
}

export interface DutyZone extends DutyLine {
  zoneId: number;
  contractedPosts: number;
  shortDays: DutyShortDay[];
}

export interface DutyMonth {
  year: number;
  month: number;
  definition: DutyDefinition;
  targetPercent: number;
  workingDays: string[];
  zones: DutyZone[];
  centre: DutyLine;
}

export interface PunchSummary {
  count: number;
  first: string | null;
  last: string | null;
}

export type OvertimeStatus = 'pending' | 'approved' | 'rejected';
/** Where overtime came from: punches past the end of the duties, punches on a day without duties, or a plan. */
export type OvertimeSource = 'after_duty' | 'rest_day' | 'planned';

/**
 * One line of the month's overtime: a day's punch overtime (`requestId` null), split into what is
 * approved (paid), rejected and still waiting; or a planned request with its decision.
 */
export interface OvertimeRow {
  kind: 'punch' | 'planned';
  requestId: number | null;
  staffId: number;
  employeeNo: string;
  name: string;
  zoneId: number;
  date: string;
  source: OvertimeSource;
  /** Punch rows: the punches' overtime; planned rows: the minutes asked for. */
  minutes: number;
  approvedMinutes: number;
  rejectedMinutes: number;
  pendingMinutes: number;
  /** Punch rows: pending while minutes wait, else approved if any were, else rejected. */
  status: OvertimeStatus;
  startsAt: number | null;
  endsAt: number | null;
  reason: string;
  requestedBy: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

export interface OvertimeMonth {
  year: number;
  month: number;
  rows: OvertimeRow[];
}

export interface AttendanceResults {
  'punches/check': PunchReport;
  'punches/apply': PunchApplyResult;
  'punches/list': (PunchRecord & { staffId: number })[];
  'punches/summary': PunchSummary;
  'attendance/settings': AttendanceRules;
  'attendance/correct': AttendanceDay;
  'attendance/day': AttendanceDay;
  'attendance/month': AttendanceMonth;
  'attendance/export': FilePayload;
  'duty/settings': DutySettings;
  'duty/month': DutyMonth;
  'overtime/month': OvertimeMonth;
  'overtime/request': OvertimeRow;
  'overtime/decide': OvertimeRow;
  'overtime/decidePunch': OvertimeRow;
}
