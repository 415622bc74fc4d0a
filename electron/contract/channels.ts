/**
 * The one typed API between UI and backend. Every channel names the schema of its single object
 * argument (checked at runtime on every call, by both hosts) and the type of its result.
 */
import { z } from 'zod';
import type {
  AppInfo,
  BackupFile,
  Centre,
  Settings,
  Staff,
  StaffRow,
} from './model.ts';
import {
  EMPLOYEE_NO_PATTERN,
  PHONE_PATTERN,
  hasValidResidentIdChecksum,
  isRealIsoDate,
  isResidentIdShape,
} from './rules.ts';

const recordId = z.number().int().positive().max(2_147_483_647);
const version = z.number().int().positive().max(2_147_483_647);
const isoDate = z.string().max(10).refine(isRealIsoDate, { message: 'format' });
const noArgument = z.strictObject({});

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
});

export type StaffDraft = z.output<typeof staffDraftSchema>;
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
  'backup/list': noArgument,
  'backup/create': noArgument,
  'backup/restore': z.strictObject({
    fileName: z.string().min(1).max(120).regex(/^[A-Za-z0-9_.-]+\.sqlite3$/),
  }),
} as const;

export interface ChannelResults {
  'app/info': AppInfo;
  'settings/get': Settings;
  'settings/setLanguage': Settings;
  'centre/get': Centre;
  'staff/list': StaffRow[];
  'staff/get': Staff;
  'staff/create': Staff;
  'staff/update': Staff;
  'staff/deactivate': Staff;
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
