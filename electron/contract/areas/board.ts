/**
 * The shift lead's roster board: one roster (draft or published) seen by person and by window,
 * edited cell by cell with every hard rule checked at once, breaches overridden only with a written
 * reason, same-day repairs after an absence, pins and re-optimising the rest of the period, and the
 * log of every change (listed as "changes since publication" once the roster is published).
 *
 * Solves behind repairs and re-optimising run as roster jobs: poll them with 'roster/solveProgress'
 * and cancel with 'roster/solveCancel'; a finished job carries `proposalId`, never a saved roster.
 */
import { z } from 'zod';
import { isoDate, recordId } from '../schema-parts.ts';
import type { FilePayload } from '../model.ts';
import type { RosterCoverageCell, RosterGapView, RosterJob, RosterSummary } from './roster.ts';

const shiftCode = z.string().min(1).max(40);
/** A written reason: kept in the change log as typed. */
const reasonText = z.string().trim().min(1).max(500);

/**
 * Set one person's duty on one shift: `postId` null takes them off that shift; `windowId` is the
 * seat at a post with windows (null at a post without windows and for a learner; a counted duty at
 * a post with windows without one is a `window_missing` breach). `expectedPostId` and
 * `expectedWindowId` are what the board showed (null: no duty, no stored seat); the edit is refused
 * with 'conflict' when the roster has changed under it since, naming who changed it and when. A
 * caller that leaves `expectedWindowId` out compares the post only.
 */
export const boardOpSchema = z.strictObject({
  staffId: recordId,
  date: isoDate,
  shiftCode,
  postId: recordId.nullable(),
  windowId: recordId.nullable().default(null),
  /** A level-1 learner sitting beside a mentor, not counted toward demand. */
  learner: z.boolean().default(false),
  expectedPostId: recordId.nullable(),
  expectedWindowId: recordId.nullable().optional(),
});

export type BoardOp = z.input<typeof boardOpSchema>;
/** An op with every field set, as the backend hands it out. */
export type BoardOpArg = z.output<typeof boardOpSchema>;

export const absenceKinds = ['sick', 'personal', 'other'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];

const timeLimitSeconds = z.number().int().min(5).max(600);

export const boardChannels = {
  'board/get': z.strictObject({ rosterId: recordId }),
  /** Dry run: what the ops would break, without saving anything (the live check behind every edit). */
  'board/check': z.strictObject({ rosterId: recordId, ops: z.array(boardOpSchema).min(1).max(500) }),
  /**
   * Applies the ops in one transaction. A new hard-rule breach refuses the edit ('conflict', with the
   * breaches listed) unless `overrideReason` says why the lead accepts it; the reason is kept.
   */
  'board/edit': z.strictObject({
    rosterId: recordId,
    ops: z.array(boardOpSchema).min(1).max(500),
    /** 'edit' from the board; 'undo'/'redo' from the board's history. */
    kind: z.enum(['edit', 'undo', 'redo']).default('edit'),
    reason: reasonText.optional(),
    overrideReason: reasonText.optional(),
  }),
  /**
   * Who could take this seat: qualified, available people first, ranked, each with the reason. With
   * `windowId` the seat is that window of the post: taking a person there moves whoever sits there
   * now off it (the check names what that breaks).
   */
  'board/candidates': z.strictObject({ rosterId: recordId, date: isoDate, shiftCode, postId: recordId, windowId: recordId.nullable().default(null) }),
  /** Pins keep cells as they are when the rest of the period is re-optimised. */
  'board/setPinned': z.strictObject({
    rosterId: recordId,
    cells: z.array(z.strictObject({ staffId: recordId, date: isoDate, shiftCode })).min(1).max(2000),
    pinned: z.boolean(),
  }),
  /**
   * Marks a person absent for one shift (`shiftCode`) or the whole day (null) and starts a repair
   * job: the proposal changes the fewest other assignments while keeping the demand met that was
   * met before the absence, and backups. Nothing is saved until 'board/applyProposal'.
   */
  'board/repairStart': z.strictObject({
    rosterId: recordId,
    staffId: recordId,
    date: isoDate,
    shiftCode: shiftCode.nullable(),
    kind: z.enum(absenceKinds),
    note: z.string().trim().max(200).default(''),
    timeLimitSeconds: timeLimitSeconds.default(20),
  }),
  /** Re-optimises the roster's days from tomorrow on, keeping pinned cells and overridden ones. */
  'board/reoptimiseStart': z.strictObject({ rosterId: recordId, timeLimitSeconds: timeLimitSeconds.default(60) }),
  'board/proposal': z.strictObject({ proposalId: recordId }),
  /** Applies a proposal's moves (and its absence) in one step; refused when the roster changed since it was made. */
  'board/applyProposal': z.strictObject({ proposalId: recordId, reason: reasonText.optional() }),
  /** The change log, newest first; `sincePublication` keeps those made after the roster was published. */
  'board/changes': z.strictObject({ rosterId: recordId, sincePublication: z.boolean().default(false) }),
  /** The week as a workbook: a sheet by window and a sheet by person, as printed. */
  'board/exportXlsx': z.strictObject({ rosterId: recordId }),
} satisfies Record<string, z.ZodType>;

/** A day of the roster as the hall's calendar has it. */
export interface BoardDay {
  date: string;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  /** 'makeup': a weekend day worked in exchange for a holiday (调休上班). */
  kind: 'workday' | 'restday' | 'holiday' | 'makeup';
  /** The holiday's name on holidays and make-up days ("国庆节"), else null. */
  holidayName: string | null;
}

export interface BoardShift {
  code: string;
  name: string;
  /** "HH:MM". */
  start: string;
  end: string;
  minutes: number;
}

export interface BoardWindow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  postId: number;
  aStaffId: number | null;
  bStaffId: number | null;
}

export interface BoardPost {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  zoneId: number | null;
}

export interface BoardZone {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  /** The zone's windows in their hall order. */
  windows: BoardWindow[];
  /** Posts rostered in this zone (a desk zone's posts may have no window). */
  postIds: number[];
}

export interface BoardPerson {
  staffId: number;
  name: string;
  employeeNo: string;
  homeZoneId: number | null;
  /** The window this person is A of, and those they back up as B. */
  aWindowId: number | null;
  bWindowIds: number[];
  /** Post id → level 0–3, for the cell editor. */
  levels: Record<string, number>;
  /** Minutes on duty in each 7-day block of the roster, from its first day. */
  minutesByWeek: number[];
  /** The weekly hours the person may work (the lower of 44 and the contract). */
  maxMinutesPerWeek: number | null;
}

export interface BoardOverride {
  reason: string;
  at: string;
  actor: string;
}

/** One hard rule broken on the board: new ones refuse an edit; overridden ones carry the reason. */
export interface BoardBreach {
  rule: string;
  staffId: number | null;
  date: string | null;
  shiftCode: string | null;
  postId: number | null;
  messageZh: string;
  messageEn: string;
  override: BoardOverride | null;
}

export interface BoardDuty {
  staffId: number;
  date: string;
  shiftCode: string;
  postId: number;
  learner: boolean;
  /** The window the person sits at, as stored; null at a post without windows and for a learner. */
  windowId: number | null;
  /**
   * A roster made before seats were kept (window_id NULL) names no window: the board then shows the
   * old guess (the A person at their own window, then B, then any free one) and marks it, and edits
   * expect no stored window there.
   */
  windowGuessed: boolean;
  pinned: boolean;
}

/** Leave from the leave book and absences marked on the board: shown on the cells and the print. */
export interface BoardAbsence {
  staffId: number;
  date: string;
  /** null = the whole day. */
  shiftCode: string | null;
  /** lieu: a default-day shift the roster gives back for rest-day duty (rule 14). */
  source: 'leave' | 'absence' | 'lieu';
  /** "年假", "病假"…: the type only. A leave's reason or an absence's note never leaves its area. */
  labelZh: string;
  labelEn: string;
}

/** Required against rostered, per zone, day and shift (the board's coverage rows). */
export interface BoardZoneCoverage {
  zoneId: number;
  date: string;
  shiftCode: string;
  required: number;
  rostered: number;
  /** Post-shifts of the zone with demand and nobody else on duty to take over. */
  withoutBackup: number;
}

/** A demand window the forecast leaves closed in a shift, with why (「预计 10:00–11:30 办件 12 件，开 3 个窗口即可」). */
export interface BoardClosedWindow {
  windowId: number;
  date: string;
  shiftCode: string;
  reasonZh: string;
  reasonEn: string;
}

export interface RosterBoard {
  summary: RosterSummary;
  centreNameZh: string;
  centreNameEn: string;
  /** The hall's today: days before it are history and cannot be edited. */
  today: string;
  /** False for a superseded roster: history, read only. */
  editable: boolean;
  /**
   * The zones whose cells the caller may change: a cell of a person whose home is one of them, at a
   * post of one of them (a shift lead's zones). null: every cell (a dispatcher). The backend refuses
   * the rest anyway; the board does not offer them.
   */
  editableZoneIds: number[] | null;
  days: BoardDay[];
  shifts: BoardShift[];
  zones: BoardZone[];
  posts: BoardPost[];
  people: BoardPerson[];
  duties: BoardDuty[];
  absences: BoardAbsence[];
  /** Demand windows left closed per shift, with why: the by-window view says so in the empty cell. */
  closedWindows: BoardClosedWindow[];
  coverage: RosterCoverageCell[];
  zoneCoverage: BoardZoneCoverage[];
  breaches: BoardBreach[];
  gaps: RosterGapView[];
  /** Changes logged since publication (0 for a draft). */
  changesSincePublication: number;
  /** The newest change's id (0 when none): a proposal made before a later change is stale. */
  lastChangeId: number;
  /** Years of the roster's period with no confirmed notice: the board and the printed schedule
   *  say 「节假日安排待国务院通知确认」. Empty once confirmed. */
  provisionalYears: number[];
}

export interface BoardCheck {
  /** Breaches the ops would add; empty = the edit keeps every hard rule. */
  breaches: BoardBreach[];
  /** Milliseconds the backend spent checking. */
  millis: number;
}

export interface BoardEditResult {
  changeId: number;
  board: RosterBoard;
}

export interface BoardCandidate {
  staffId: number;
  name: string;
  level: number;
  /** 'A' / 'B' of a window at this post, else null. */
  abRole: 'A' | 'B' | null;
  minutesThisWeek: number;
  /** What the person holds on that shift now (they would move), or null. */
  currentPostId: number | null;
  /** The stored window they sit at on that shift now, or null. */
  currentWindowId: number | null;
  /**
   * The ops that would seat them, as checked: their own, and when the seat is a window someone else
   * holds, that person moved to the seat this candidate leaves (a swap; off duty when they leave none).
   */
  ops: BoardOpArg[];
  /** Hard rules taking this person would break (empty for a clean choice; ranked after the clean ones). */
  breaches: BoardBreach[];
  /** Why this rank, in plain words: "A 岗 · 本周 16 小时". */
  reasonZh: string;
  reasonEn: string;
}

/** One cell's change: who, which shift, from which post to which (null = off). */
export interface BoardMove {
  staffId: number;
  staffName: string;
  date: string;
  shiftCode: string;
  fromPostId: number | null;
  toPostId: number | null;
  /** The window sat at before and after (null: none; a log written before seats were kept has none). */
  fromWindowId: number | null;
  toWindowId: number | null;
  learner: boolean;
}

export interface BoardCoverageTotals {
  /** Missing staff-shifts against demand. */
  unmet: number;
  /** Post-shifts with demand and no backup. */
  withoutBackup: number;
}

export interface BoardProposal {
  id: number;
  rosterId: number;
  kind: 'repair' | 'reoptimise';
  createdAt: string;
  absence: { staffId: number; staffName: string; date: string; shiftCode: string | null; kind: AbsenceKind; note: string } | null;
  /** The moves, the absent person's own duties taken off included. */
  moves: BoardMove[];
  before: BoardCoverageTotals;
  after: BoardCoverageTotals;
  /** The solve behind it: 'optimal' or how far from proven. */
  solveStatus: string;
  gap: number | null;
  /** The roster changed since the proposal was made: it can no longer be applied. */
  stale: boolean;
}

export interface BoardChange {
  id: number;
  rosterId: number;
  at: string;
  actor: string;
  kind: 'edit' | 'undo' | 'redo' | 'repair' | 'reoptimise';
  reason: string | null;
  overrideReason: string | null;
  afterPublication: boolean;
  moves: BoardMove[];
}

export interface BoardResults {
  'board/get': RosterBoard;
  'board/check': BoardCheck;
  'board/edit': BoardEditResult;
  'board/candidates': BoardCandidate[];
  'board/setPinned': RosterBoard;
  'board/repairStart': RosterJob;
  'board/reoptimiseStart': RosterJob;
  'board/proposal': BoardProposal;
  'board/applyProposal': BoardEditResult;
  'board/changes': BoardChange[];
  'board/exportXlsx': FilePayload;
}
