/**
 * The demand channels: ticket history, forecasts with overrides, service targets and the windows
 * each zone needs per half-hour — the demand the roster optimiser consumes.
 */
import { z } from 'zod';
import { base64File, isoDate, noArgument, recordId, uploadName } from '../schema-parts.ts';
import type { ImportReport, ImportResult } from '../model.ts';

const slot = z.number().int().min(-1).max(47);
const weeks = z.number().int().min(1).max(8);

export const demandChannels = {
  'demand/businessTypes': noArgument,
  'demand/history': z.strictObject({ from: isoDate, to: isoDate }),
  'demand/forecast': z.strictObject({ weeks: weeks.default(2) }),
  'demand/override': z.strictObject({
    zoneId: recordId,
    date: isoDate,
    /** -1 overrides the whole day's total; a half-hour overrides that slot. */
    slot,
    /** null removes the override. */
    arrivals: z.number().min(0).max(100_000).nullable(),
    reason: z.string().trim().min(1).max(200),
  }),
  'demand/staffing': z.strictObject({ weeks: weeks.default(2) }),
  'demand/targets': noArgument,
  'demand/setTarget': z.strictObject({
    zoneId: recordId,
    kind: z.enum(['avg_wait', 'service_level']),
    maxWaitMinutes: z.number().positive().max(240),
    serviceLevelPercent: z.number().gt(0).lt(100),
    withinSeconds: z.number().int().positive().max(14_400),
    fixedPosts: z.number().int().min(0).max(50),
  }),
  'demand/importCheck': z.strictObject({ fileName: uploadName, base64: base64File }),
  'demand/importApply': z.strictObject({ fileName: uploadName, base64: base64File, goodRowsOnly: z.boolean() }),
} satisfies Record<string, z.ZodType>;

export interface BusinessType {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  zoneId: number;
  postId: number;
  active: boolean;
  /** Measured from the tickets; null when no ticket had a called and a finished time. */
  meanHandleSeconds: number | null;
}

export interface DemandSlot {
  slot: number;
  arrivals: number;
  overridden: boolean;
}

export interface DemandDay {
  date: string;
  kind: 'workday' | 'weekend' | 'statutory' | 'holiday_rest' | 'makeup';
  arrivals: number;
  overridden: boolean;
  slots: DemandSlot[];
}

export interface ZoneForecast {
  zoneId: number;
  accuracy: { wape: number; naiveWape: number; holdoutDays: number } | null;
  days: DemandDay[];
}

export interface DemandForecast {
  from: string;
  to: string;
  openSlots: number[];
  zones: ZoneForecast[];
  /** Years of the range planned on their provisional calendar (no notice confirmed yet): shown
   *  as 「节假日安排待国务院通知确认」 wherever this is. Empty when every year is confirmed. */
  provisionalYears: number[];
}

export interface ZoneHistory {
  zoneId: number;
  days: { date: string; arrivals: number }[];
}

export interface ServiceTargetSetting {
  zoneId: number;
  kind: 'avg_wait' | 'service_level';
  maxWaitMinutes: number;
  serviceLevelPercent: number;
  withinSeconds: number;
  fixedPosts: number;
}

export interface QueueView {
  servers: number;
  /**
   * Number.MAX_SAFE_INTEGER when the windows cannot keep up (load ≥ windows): JSON cannot carry
   * Infinity, so the UI shows this value as "排不完 / cannot keep up".
   */
  averageWaitSeconds: number;
  serviceLevel: number;
  occupancy: number;
}

export interface StaffingSlot {
  slot: number;
  arrivalsPerHour: number;
  /** Windows needed for the queue, capped at the zone's windows; fixed posts are on top. */
  required: number;
  capped: boolean;
  uncapped: number;
  atRequired: QueueView | null;
  oneFewer: QueueView | null;
}

export interface StaffingDay {
  date: string;
  kind: DemandDay['kind'];
  slots: StaffingSlot[];
  /** The most windows any half-hour of each shift template needs, by template code. */
  shifts: { code: string; required: number }[];
}

export interface ZoneStaffing {
  zoneId: number;
  windows: number;
  fixedPosts: number;
  meanHandleSeconds: number | null;
  target: ServiceTargetSetting;
  days: StaffingDay[];
}

export interface StaffingPlan {
  from: string;
  to: string;
  zones: ZoneStaffing[];
  /** The zone's need split by skill in proportion to its business types' workload. */
  /** tickets: the applications expected at the post in that half-hour (its business types' arrivals). */
  bySkill: { postId: number; date: string; slot: number; required: number; tickets: number }[];
  /** Years of the range planned on their provisional calendar (no notice confirmed yet): shown
   *  as 「节假日安排待国务院通知确认」 wherever this is. Empty when every year is confirmed. */
  provisionalYears: number[];
}

export interface DemandResults {
  'demand/businessTypes': BusinessType[];
  'demand/history': ZoneHistory[];
  'demand/forecast': DemandForecast;
  'demand/override': { zoneId: number; date: string; slot: number; arrivals: number | null };
  'demand/staffing': StaffingPlan;
  'demand/targets': ServiceTargetSetting[];
  'demand/setTarget': ServiceTargetSetting;
  'demand/importCheck': ImportReport;
  'demand/importApply': ImportResult;
}
