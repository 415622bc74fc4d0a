/**
 * The one typed API between UI and backend. Every channel names the schema of its single object
 * argument (checked at runtime on every call, by both hosts) and the type of its result.
 */
import { z } from 'zod';
import type {
  AbRole,
  AppInfo,
  BackupFile,
  BenchStrength,
  Centre,
  FilePayload,
  ImportReport,
  ImportResult,
  Settings,
  SkillCell,
  SkillChange,
  SkillMatrix,
  Staff,
  StaffRow,
  TrainingPlan,
  WindowAb,
} from './model.ts';
import { EMPLOYEE_NO_PATTERN, PHONE_PATTERN, hasValidResidentIdChecksum, isResidentIdShape } from './rules.ts';
import { base64File, isoDate, noArgument, recordId, uploadName, version } from './schema-parts.ts';
import { calendarChannels, type CalendarResults } from './areas/calendar.ts';
import { leaveChannels, type LeaveResults } from './areas/leave.ts';
import { attendanceChannels, type AttendanceResults } from './areas/attendance.ts';
import { demandChannels, type DemandResults } from './areas/demand.ts';
import { rosterChannels, type RosterResults } from './areas/roster.ts';
import { boardChannels, type BoardResults } from './areas/board.ts';
import { reportsChannels, type ReportsResults } from './areas/reports.ts';
import { authChannels, type AuthResults } from './areas/auth.ts';


/** What a dispatcher types into the staff form; the backend adds the rules that need the database. */
export const staffDraftSchema = z.strictObject({
  employeeNo: z.string().trim().min(1).max(20).regex(EMPLOYEE_NO_PATTERN),
  name: z.string().trim().min(1).max(40),
  gender: z.enum(['F', 'M']),
  phone: z.string().trim().min(1).max(20).regex(PHONE_PATTERN),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .max(18)
    .refine(isResidentIdShape, { message: 'format', abort: true })
    .refine(hasValidResidentIdChecksum, { message: 'checksum' }),
  hireDate: isoDate,
  status: z.enum(['probation', 'active']),
  homeZoneId: recordId,
  primaryPostId: recordId.nullable(),
  contractType: z.enum(['standard', 'comprehensive']),
  weeklyHourCap: z.number().int().min(1).max(60),
  wageGrade: z.number().int().min(1).max(12),
  /** Left out, it stays as it was; null clears it. */
  workStartDate: isoDate.nullable().optional(),
});

export type StaffDraft = z.output<typeof staffDraftSchema>;

const skillLevel = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const target = z.number().int().min(1).max(10);
export type StaffDraftInput = z.input<typeof staffDraftSchema>;

export const channels = {
  'app/info': noArgument,
  'settings/get': noArgument,
  'settings/setLanguage': z.strictObject({ language: z.enum(['zh-CN', 'en']) }),
  'centre/get': noArgument,
  'staff/list': noArgument,
  'staff/get': z.strictObject({ id: recordId }),
  'staff/create': z.strictObject({ staff: staffDraftSchema }),
  'staff/update': z.strictObject({ id: recordId, version, staff: staffDraftSchema }),
  'staff/deactivate': z.strictObject({
    id: recordId,
    version,
    leftOn: isoDate,
    reason: z.string().trim().min(1).max(200),
  }),
  'staff/abRoles': z.strictObject({ id: recordId }),
  'skills/matrix': noArgument,
  'skills/setLevel': z.strictObject({
    staffId: recordId,
    postId: recordId,
    level: skillLevel,
    certifiedOn: isoDate.nullable(),
    note: z.string().trim().max(200).default(''),
  }),
  'skills/history': z.strictObject({ staffId: recordId, postId: recordId }),
  'ab/list': noArgument,
  'ab/set': z.strictObject({ windowId: recordId, aStaffId: recordId.nullable(), bStaffId: recordId.nullable() }),
  'bench/summary': z.strictObject({ skillTarget: target.default(2), postTarget: target.default(2) }),
  'training/plan': z.strictObject({
    skillTarget: target.default(2),
    postTarget: target.default(2),
    maxPerPerson: z.number().int().min(1).max(5).default(2),
  }),
  'training/accept': z.strictObject({
    targetDate: isoDate,
    lines: z
      .array(z.strictObject({ staffId: recordId, postId: recordId, mentorId: recordId.nullable() }))
      .min(1)
      .max(2000),
  }),
  'transfer/template': z.strictObject({ kind: z.enum(['staff', 'skills']), format: z.enum(['xlsx', 'csv']) }),
  // Resident IDs leave the app in full only when asked for by name: a file gets passed around.
  'transfer/export': z.strictObject({ kind: z.enum(['staff', 'skills']), format: z.enum(['xlsx', 'csv']), idNumbers: z.enum(['masked', 'full']).default('masked') }),
  'transfer/check': z.strictObject({ fileName: uploadName, base64: base64File }),
  'transfer/apply': z.strictObject({ fileName: uploadName, base64: base64File, goodRowsOnly: z.boolean() }),
  'backup/list': noArgument,
  'backup/create': noArgument,
  'backup/restore': z.strictObject({
    fileName: z.string().min(1).max(120).regex(/^[A-Za-z0-9_.-]+\.sqlite3$/),
  }),
  ...calendarChannels,
  ...leaveChannels,
  ...attendanceChannels,
  ...demandChannels,
  ...rosterChannels,
  ...boardChannels,
  ...reportsChannels,
  ...authChannels,
} as const;

/** Each area of the contract lists its own results; this is all of them. */
export interface ChannelResults extends CalendarResults, LeaveResults, AttendanceResults, DemandResults, RosterResults, BoardResults, ReportsResults, AuthResults {
  'app/info': AppInfo;
  'settings/get': Settings;
  'settings/setLanguage': Settings;
  'centre/get': Centre;
  'staff/list': StaffRow[];
  'staff/get': Staff;
  'staff/create': Staff;
  'staff/update': Staff;
  'staff/deactivate': Staff;
  'staff/abRoles': AbRole[];
  'skills/matrix': SkillMatrix;
  'skills/setLevel': SkillCell;
  'skills/history': SkillChange[];
  'ab/list': WindowAb[];
  'ab/set': WindowAb;
  'bench/summary': BenchStrength;
  'training/plan': TrainingPlan;
  'training/accept': { recorded: number };
  'transfer/template': FilePayload;
  'transfer/export': FilePayload;
  'transfer/check': ImportReport;
  'transfer/apply': ImportResult;
  'backup/list': BackupFile[];
  'backup/create': BackupFile;
  'backup/restore': { restoredFrom: string; safetyCopy: BackupFile };
}

export type Channel = keyof typeof channels;
/** What a caller passes (before trimming and defaults). */
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]>;
/** What a handler receives (after validation). */
export type ChannelArgs<C extends Channel> = z.output<(typeof channels)[C]>;
export type ChannelResult<C extends Channel> = ChannelResults[C];

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

// Compile-time guard: every channel has a result type and every result type a channel.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : never;
const channelsAndResultsAgree: SameKeys<typeof channels, ChannelResults> = true;
void channelsAndResultsAgree;
