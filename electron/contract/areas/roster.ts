/**
 * The roster channels: generate a week's or month's roster off the UI thread (start, poll progress,
 * cancel), look at the draft with its coverage and gap reasons, publish it (never over a published
 * roster without saying so), and move scenarios and rosters in and out as JSON files.
 */
import { z } from 'zod';
import { base64File, isoDate, noArgument, recordId, uploadName } from '../schema-parts.ts';
import type { FilePayload } from '../model.ts';

const period = {
  from: isoDate,
  /** 7 for a week, 28–31 for a month. */
  days: z.number().int().min(1).max(42),
  zoneIds: z.array(recordId).min(1).max(50),
};
const jobId = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const rosterChannels = {
  'roster/solveStart': z.strictObject({
    ...period,
    /** The solve stops here with the best roster found and its proven gap. */
    timeLimitSeconds: z.number().int().min(5).max(600).default(60),
  }),
  'roster/solveProgress': z.strictObject({ jobId }),
  'roster/solveCancel': z.strictObject({ jobId }),
  'roster/list': z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
  'roster/get': z.strictObject({ rosterId: recordId }),
  'roster/publish': z.strictObject({
    rosterId: recordId,
    /** Required when a published roster overlaps the draft's dates and zones; otherwise refused with 'conflict'. */
    replacePublished: z.boolean().default(false),
  }),
  'roster/discard': z.strictObject({ rosterId: recordId }),
  'roster/exportScenario': z.strictObject(period),
  'roster/importRoster': z.strictObject({ ...period, fileName: uploadName, base64: base64File }),
  /** Published rosters (to today or later) whose days changed kind since they were made. */
  'roster/calendarReview': noArgument,
} satisfies Record<string, z.ZodType>;

export type RosterJobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface RosterSolveProgress {
  phase: 'queued' | 'validating' | 'building' | 'solving' | 'checking' | 'explaining' | 'saving' | 'done';
  seconds: number;
  objective: number | null;
  bound: number | null;
  gap: number | null;
}

export interface RosterJob {
  jobId: string;
  state: RosterJobState;
  progress: RosterSolveProgress;
  /** The draft saved when the solve finished. */
  rosterId: number | null;
  /** For a board repair or re-optimise: the proposal made when the solve finished ('board/proposal'). */
  proposalId: number | null;
  /** Plain words when state is 'failed'. */
  error: string | null;
}

export type RosterStatus = 'draft' | 'published' | 'superseded';

export interface RosterSummary {
  id: number;
  from: string;
  to: string;
  zoneIds: number[];
  status: RosterStatus;
  createdAt: string;
  publishedAt: string | null;
  /** 'solver' or 'import'. */
  source: 'solver' | 'import';
  engine: string | null;
  solveStatus: string | null;
  seconds: number | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  unmetStaffShifts: number;
  /** Share of staffed post-shifts that survive any single absence (N-1). */
  resilienceShare: number;
}

export interface RosterAssignmentView {
  staffId: number;
  staffName: string;
  date: string;
  shiftCode: string;
  postId: number;
  learner: boolean;
  /** The window sat at; null only at a post without windows, for a learner (a shadow beside a
   *  mentor), or on a roster made before seats were kept. */
  windowId: number | null;
}

export interface RosterCoverageCell {
  date: string;
  shiftCode: string;
  postId: number;
  required: number;
  /** Qualified people assigned (learners not counted). */
  assigned: number;
  /** Someone else on duty could take it over. */
  backup: boolean;
}

export interface RosterGapView {
  date: string;
  shiftCode: string;
  postId: number;
  missing: number;
  reasonZh: string;
  reasonEn: string;
}

/** The part of a published roster a draft would replace: those zones' days only, or all of it. */
export interface RosterReplacement {
  roster: RosterSummary;
  zoneIds: number[];
  from: string;
  to: string;
  /** Nothing of the roster would be left: it becomes 已被替换. */
  whole: boolean;
}

/** The hall summary of solver/roster/hall-summary.ts, as the UI reads it (lint keeps the solver out of the contract). */
export interface RosterHallView {
  /** Per zone (its id as a string) and for the centre ('*'): staffed ÷ contracted post-days of the working days. */
  onDuty: { zone: string; contractedPostDays: number; staffedPostDays: number; ratePercent: number | null; met: boolean }[];
  targetPercent: number;
  /** Staff id (as a string) → rest-day minutes on duty the roster does not give back, owed as time off. */
  lieuOwed: Record<string, number>;
  /** Staff ids (as strings) on 综合计算工时 among those with rest-day duty: balanced by cycle rest (轮休), owed at 150%. */
  cyclePlan?: string[];
  /** Default-day shifts of working days given back in lieu of rest-day duty (staff id as a string). */
  lieuPlanned: { staff: string; date: string; shift: string; minutes: number; /** 综合计算工时 cycle-plan rest (轮休), not banked lieu. */ cycle?: true }[];
  /** Every duty at another zone's post, with why in plain words (Chinese and English). */
  moves: { staff: string; date: string; shift: string; fromZone: string; toZone: string; post: string; window?: string; reason: string; reasonEn: string }[];
  /** Per date and shift code: windows open (fixed, and demand ones by the forecast) and seated. */
  windowsOpen: { date: string; shift: string; open: number; seated: number }[];
  /** Demand windows (ids as strings) a working day's shift leaves closed, per post, with why in plain words. */
  windowsClosed: { date: string; shift: string; post: string; windows: string[]; open: number; reason: string; reasonEn: string }[];
}

export interface RosterView {
  summary: RosterSummary;
  assignments: RosterAssignmentView[];
  coverage: RosterCoverageCell[];
  gaps: RosterGapView[];
  /** What publishing this draft takes from published rosters: per roster, the zones and days. */
  replaces: RosterReplacement[];
  /** What the client will see (hall rosters): projected on-duty rate per zone (zone ids as strings,
   *  '*' the centre), lieu owed per staff id (minutes), cross-zone moves with reasons, windows open
   *  per shift. Null for a roster whose scenario has no presence rule or windows. */
  hall: RosterHallView | null;
  /** Years of the roster's period with no confirmed notice: it was planned on the law's statutory
   *  days alone, and is shown and printed as 「节假日安排待国务院通知确认」. Empty once confirmed. */
  provisionalYears: number[];
}

/** A day as a roster is priced and staffed: working (make-up days too), rest day, statutory holiday. */
export type RosterDayKind = 'workday' | 'restday' | 'holiday';

export interface RosterCalendarChange {
  date: string;
  /** As the calendar said when the roster was made. */
  was: RosterDayKind;
  /** As the calendar says now. */
  now: RosterDayKind;
  holidayName: string | null;
}

/** A published roster to review: the calendar now gives some of its days another kind. */
export interface RosterCalendarReview {
  roster: RosterSummary;
  changes: RosterCalendarChange[];
}

export interface RosterResults {
  'roster/solveStart': RosterJob;
  'roster/solveProgress': RosterJob;
  'roster/solveCancel': RosterJob;
  'roster/list': RosterSummary[];
  'roster/get': RosterView;
  'roster/publish': RosterSummary;
  'roster/discard': { discarded: number };
  'roster/exportScenario': FilePayload;
  'roster/importRoster': RosterSummary;
  'roster/calendarReview': RosterCalendarReview[];
}
