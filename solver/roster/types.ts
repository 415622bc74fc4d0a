/**
 * The rostering problem and its answer as plain data: the scenario file format (docs/roster-scenario.md,
 * JSON Schema in docs/roster-scenario.schema.json) and the roster file format. Ids are strings so a
 * scenario is self-contained JSON; the app maps its numeric ids to strings when it exports a week.
 *
 * Days: `start` plus `days` consecutive dates. Weeks for the weekly limits are consecutive 7-day
 * blocks from `start`. Weekends are Saturday + Sunday by date. Times are "HH:MM"; a shift whose end
 * is not after its start runs past midnight.
 */

/** 0 none, 1 learner (only beside a mentor, never counted toward demand), 2 qualified, 3 mentor. */
export type Level = 0 | 1 | 2 | 3;

export const QUALIFIED: Level = 2;
export const MENTOR: Level = 3;

export interface ShiftDef {
  id: string;
  /** "HH:MM". */
  start: string;
  /** "HH:MM"; not after `start` = the shift ends the next day. */
  end: string;
  name?: string;
  /** A late duty (延时服务/晚班), spread fairly like weekend and holiday duties. */
  late?: boolean;
}

export interface PostDef {
  id: string;
  name: string;
  /** The zone the post belongs to (hall scenarios): a duty at another zone's post is a cross-zone move. */
  zone?: string;
}

/**
 * A seat at a post (hall scenarios, docs/roster-rules.md "Windows are seats"). A duty at a post that
 * has windows names one of them; each window open in a shift seats at most one counted person.
 */
export interface WindowDef {
  id: string;
  /** The hall's code ("A03"): what people call the window, used in messages. */
  name?: string;
  post: string;
  zone?: string;
  /** fixed: open for every one of its shifts whatever the demand (出件, the consultation desk);
   *  demand: opened by the demand of its post in that shift. */
  staffing: 'fixed' | 'demand';
  /** The shifts it opens in on working days; absent = presence.defaultShifts, or every shift without presence. */
  shifts?: string[];
  /** The shifts it opens in on the hall's open rest days (presence.openRestDays: 周六预约服务). */
  restDayShifts?: string[];
  /** The window's A person (sits there whenever present) and B person (takes it when A is away). */
  a?: string;
  b?: string;
}

/**
 * The hall's presence rule (docs/roster-rules.md, hard rule 11): every person not on leave holds
 * the default-day shifts on every working day. Off (absent) for the generic model.
 */
export interface PresenceRule {
  /** The default day's shifts ("AM", "PM"). */
  defaultShifts: string[];
  /** The working days of the horizon, make-up days included: from the calendar, never assumed. */
  workingDays: string[];
  /** Rest days the hall opens on (Saturday appointment service): staffed on top, by rotation. */
  openRestDays?: string[];
  /** Working days of an ordinary week: weekly limits scale by the week's working days ÷ this (default 5). */
  standardWorkingDays?: number;
  /**
   * Plan time off in lieu (default true): a rest-day duty's minutes may be given back as default-day
   * shifts off in the same or the next week (hard rule 14), each costing the rest-day minutes it
   * matches at 100% instead of 200%; what is not planned stays owed.
   */
  planLieu?: boolean;
  /**
   * The averaging cycle of 综合计算工时 contracts (default month): a comprehensive person's rest-day
   * minutes are given back as default-day shifts off within the same cycle inside the horizon.
   */
  comprehensiveCycle?: 'week' | 'month' | 'quarter' | 'year';
  /** Contracted posts per zone and the target, for the projected on-duty rate. */
  contractedPosts?: Record<string, number>;
  targetPercent?: number;
}

export interface Unavailability {
  date: string;
  /** Absent = the whole day. */
  shift?: string;
  /** Why, in plain words, for gap reasons ("年假", "病假", "培训"). */
  reason?: string;
}

/** Counts over the last 3 months, for fairness. Hours are worked hours. */
export interface DutyHistory {
  weekendShifts?: number;
  holidayShifts?: number;
  lateShifts?: number;
  hours?: number;
}

export interface StaffDef {
  id: string;
  name: string;
  /** Post id → level; a missing post is level 0. */
  skills: Record<string, Level>;
  maxShiftsPerWeek?: number;
  maxHoursPerWeek?: number;
  /** Default: rules.maxConsecutiveDays. */
  maxConsecutiveDays?: number;
  /** Working blocks that start inside the horizon last at least this many days. */
  minConsecutiveDays?: number;
  /** Rest blocks that start inside the horizon last at least this many days. */
  minConsecutiveDaysOff?: number;
  /** Weekends (Sat/Sun pairs) with any shift; default rules.maxWeekends. */
  maxWeekends?: number;
  /** Default rules.maxShiftsPerDay. */
  maxShiftsPerDay?: number;
  /** Shift id → most shifts of that type over the horizon (0 = never that shift). */
  maxShiftsByType?: Record<string, number>;
  /** Over the whole horizon: the 综合工时 cycle when the horizon is the cycle. */
  minMinutesTotal?: number;
  maxMinutesTotal?: number;
  /** ISO weekdays (1 Monday … 7 Sunday) never worked. */
  fixedWeekdaysOff?: number[];
  unavailable?: Unavailability[];
  /** Posts of the windows where this person is A or B: continuity prefers them. */
  homePosts?: string[];
  /** Home zone (hall scenarios): a duty at a post of another zone is a cross-zone move. */
  zone?: string;
  /** Yuan per hour at 100%; cost tiers multiply it. Default rules.hourlyWage. */
  hourlyWage?: number;
  /**
   * 综合计算工时制 (hours averaged over a cycle the labour authority approved) or the standard
   * week (default). Under the presence rule a comprehensive person's rest-day duty is balanced by a
   * default-day shift off anywhere in the same cycle (轮休, their cycle plan), not by time off in
   * lieu within a week, and is priced at the 150% tier above the cycle's standard, not at 200%.
   */
  hoursScheme?: 'standard' | 'comprehensive';
  /** Consecutive working days just before `start` (for the consecutive-day and rest-in-7 rules). */
  daysWorkedBefore?: number;
  history?: DutyHistory;
}

export interface DemandLine {
  date: string;
  shift: string;
  post: string;
  /** Staff needed (qualified, level ≥ 2). */
  required: number;
  /** Penalty per missing staff-shift; default weights.unmet. */
  underWeight?: number;
  /** Penalty per staff-shift above `required`; default weights.over. */
  overWeight?: number;
  /** The busiest stretch of the shift and the tickets expected over it: words for a closed window only. */
  peak?: DemandPeak;
}

export interface DemandPeak {
  /** "10:00", "11:30". */
  from: string;
  to: string;
  tickets: number;
}

export interface Pin {
  staff: string;
  date: string;
  shift: string;
  post: string;
}

export interface ShiftRequest {
  staff: string;
  date: string;
  /** Absent = the whole day (on: any shift that day; off: no shift that day). */
  shift?: string;
  kind: 'on' | 'off';
  /** Penalty when not granted; default weights.requests. */
  weight?: number;
}

export type DayKind = 'workday' | 'restday' | 'holiday';

export interface CalendarEntry {
  date: string;
  /** restday: 200% pay; holiday (statutory day proper): 300%. */
  kind: DayKind;
}

export interface ForbiddenSequence {
  /** Shift worked on one day … */
  first: string;
  /** … may not be followed by this shift on the next day. */
  then: string;
}

export interface RuleSet {
  maxConsecutiveDays: number;
  /** At least one rest day in every 7 consecutive days. */
  restDayInSeven: boolean;
  /** Between a shift on one day and a shift on the next. */
  minRestMinutes: number;
  forbiddenSequences: ForbiddenSequence[];
  /** null = no limit. */
  maxWeekends: number | null;
  /** null = any number of shifts that do not overlap. */
  maxShiftsPerDay: number | null;
  /** Weekly hours paid at 100%; hours above are overtime at 150%. */
  standardHoursPerWeek: number;
  hourlyWage: number;
}

/** The soft goals, in the order of priority; each is a penalty per unit. */
export interface Weights {
  /** Per missing staff-shift. */
  unmet: number;
  /** Per staff-shift above demand. */
  over: number;
  /** Per post-shift with demand and nobody else on duty who could take it over (N-1). */
  backup: number;
  /** Per 100 yuan of labour cost, overtime tiers included. */
  cost: number;
  /** Per unit of unevenness in weekend, holiday, late duties and hours (3 months counted). */
  fairness: number;
  /** Per assignment away from the person's A/B posts. */
  continuity: number;
  /** Per request not granted. */
  requests: number;
  /**
   * Per duty that differs from the scenario's baseline: each baseline duty not kept and each duty not
   * in the baseline count 1 (a move from one post to another is 2). 0 unless a repair asks for it.
   */
  changes: number;
  /** Per shift a window's A person works without sitting at their A window while it opens. */
  seat: number;
  /** Per duty at a post of another zone than the person's home zone. */
  crossZone: number;
}

export const DEFAULT_RULES: RuleSet = {
  maxConsecutiveDays: 6,
  restDayInSeven: true,
  minRestMinutes: 11 * 60,
  forbiddenSequences: [],
  maxWeekends: null,
  maxShiftsPerDay: null,
  standardHoursPerWeek: 40,
  hourlyWage: 25,
};

export const DEFAULT_WEIGHTS: Weights = {
  unmet: 1000,
  over: 0,
  backup: 100,
  cost: 1,
  fairness: 5,
  continuity: 2,
  requests: 20,
  changes: 0,
  seat: 50,
  crossZone: 30,
};

export interface Scenario {
  /** ISO date of the first day. */
  start: string;
  days: number;
  shifts: ShiftDef[];
  posts: PostDef[];
  staff: StaffDef[];
  demand: DemandLine[];
  pinned?: Pin[];
  requests?: ShiftRequest[];
  /** Day kinds for cost tiers and fairness; a date not listed is a workday Mon–Fri, a restday Sat/Sun. */
  calendar?: CalendarEntry[];
  rules?: Partial<RuleSet>;
  weights?: Partial<Weights>;
  /** A label for people: "第48周 综合窗口区". */
  name?: string;
  /**
   * The roster as it stands, for a repair or a re-optimise: weights.changes prices every duty that
   * differs from it (keyed by staff, date, shift and post; the learner flag follows the level).
   */
  baseline?: Assignment[];
  /** The seats (hall scenarios): posts with windows seat one counted person per open window. */
  windows?: WindowDef[];
  /** The hall's presence rule; absent = off. */
  presence?: PresenceRule;
}

export interface Assignment {
  staff: string;
  date: string;
  shift: string;
  post: string;
  /** The window sat at: set on every counted duty at a post that has windows, never elsewhere. */
  window?: string;
  /** A level-1 learner beside a mentor: not counted toward demand. */
  learner?: boolean;
}

/** Why one qualified person did not fill a gap. */
export type ExclusionCause =
  | 'unavailable'
  | 'fixed_day_off'
  | 'assigned_elsewhere'
  | 'max_shifts_week'
  | 'max_hours_week'
  | 'max_shifts_type'
  | 'max_minutes_total'
  | 'max_consecutive_days'
  | 'rest_day_in_seven'
  | 'min_rest'
  | 'forbidden_sequence'
  | 'max_weekends'
  | 'max_shifts_day'
  | 'overlap'
  | 'min_consecutive'
  | 'cost';

export interface Exclusion {
  staff: string;
  cause: ExclusionCause;
  /** The specific fact: the leave reason, the post they sat at, the limit reached. */
  detail?: string;
}

export interface Gap {
  date: string;
  shift: string;
  post: string;
  missing: number;
  /** Plain words, Chinese: "周二上午 税务收件 缺 1 人：4 名合格人员中，张三 年假，李四 本周已排满 5 班，…" */
  reason: string;
  /** The same in English. */
  reasonEn: string;
  qualified: number;
  causes: Exclusion[];
}

export type RosterStatus = 'optimal' | 'feasible' | 'stopped' | 'infeasible' | 'cancelled';

export interface RosterStats {
  engine: 'javascript-lp-solver' | 'highs';
  status: RosterStatus;
  seconds: number;
  /** The model's objective (the weighted soft penalties). */
  objective: number;
  /** The best proven lower bound; equals `objective` when optimal. */
  bound: number;
  /** (objective − bound) ÷ |objective|, 0 when optimal. */
  gap: number;
  variables: number;
  constraints: number;
}

export interface Roster {
  assignments: Assignment[];
  unmet: Gap[];
  stats: RosterStats;
  /** Hall scenarios: what the draft shows the client (see HallSummary). */
  hall?: HallSummary;
}

/** A duty at a post of another zone, with why, in plain words. */
export interface ZoneMove {
  staff: string;
  date: string;
  shift: string;
  fromZone: string;
  toZone: string;
  post: string;
  window?: string;
  reason: string;
  reasonEn: string;
}

export interface OnDutyProjection {
  zone: string;
  contractedPostDays: number;
  staffedPostDays: number;
  /** Percent, one decimal; null when nothing is contracted. */
  ratePercent: number | null;
  met: boolean;
}

export interface HallSummary {
  /** Per zone and for the centre ('*'), from the roster and the leave in the scenario. */
  onDuty: OnDutyProjection[];
  targetPercent: number;
  /** Rest-day minutes not given back within the roster, per person with any: time off in lieu owed. */
  lieuOwed: Record<string, number>;
  /** Staff ids (as strings) on 综合计算工时 among those with rest-day duty: balanced by cycle rest (轮休), owed at 150%. */
  cyclePlan?: string[];
  /** Default-day shifts of working days the roster gives back in lieu of rest-day duty (rule 14). */
  lieuPlanned: { staff: string; date: string; shift: string; minutes: number; /** 综合计算工时 cycle-plan rest (轮休), not banked lieu. */ cycle?: true }[];
  moves: ZoneMove[];
  /** Per date|shift: windows open and seated. */
  windowsOpen: { date: string; shift: string; open: number; seated: number }[];
  /** Demand windows a working day's shift leaves closed, per post, with why. */
  windowsClosed: ClosedWindows[];
}

export interface ClosedWindows {
  date: string;
  shift: string;
  post: string;
  /** Window ids left closed. */
  windows: string[];
  /** Windows of the post open in that shift. */
  open: number;
  /** 「预计 10:00–11:30 办件 12 件，开 3 个窗口即可」, and in English. */
  reason: string;
  reasonEn: string;
}

/** One hard rule broken: after a solve this is a bug in the model, never a user's problem. */
export interface Breach {
  rule: string;
  staff?: string;
  date?: string;
  shift?: string;
  post?: string;
  message: string;
}

export interface SoftTotals {
  /** Missing staff-shifts against demand. */
  unmetStaffShifts: number;
  overStaffShifts: number;
  /** Post-shifts with demand > 0. */
  slotsWithDemand: number;
  /** Of those, the ones with nobody else on duty who could take over (N-1). */
  slotsWithoutBackup: number;
  /** Share of post-shifts with demand that survive any single absence: 1 − without ÷ with. */
  resilienceShare: number;
  /** Yuan, overtime tiers included. */
  cost: number;
  requestsBroken: number;
  offHomeAssignments: number;
  /** Duties that differ from the scenario's baseline (0 without one); a move counts 2. */
  changedAssignments: number;
  /** Shifts a window's A person works away from their open A window. */
  offSeatShifts: number;
  /** Duties at a post of another zone. */
  crossZoneDuties: number;
  /** Each soft goal's weighted penalty, and their sum (equals the solver's objective). */
  penalties: Record<keyof Weights, number> & { total: number };
}

export interface CheckReport {
  breaches: Breach[];
  soft: SoftTotals;
}

/** Progress of a solve, for a progress bar and a cancel button. */
export interface SolveProgress {
  phase: 'validating' | 'building' | 'solving' | 'checking' | 'explaining' | 'done';
  seconds: number;
  /** Best roster's objective so far, when the engine has one. */
  objective?: number;
  bound?: number;
  gap?: number;
}

/** A problem in a scenario file, with its path ("staff[3].skills.P9"). */
export interface ScenarioProblem {
  path: string;
  message: string;
}
