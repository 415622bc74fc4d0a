/** Plain, JSON-safe shapes that the backend returns. Dates are ISO `YYYY-MM-DD` text. */

export type Language = 'zh-CN' | 'en';
export type Gender = 'F' | 'M';
/** 试用 (probation), 在岗 (active), 离职 (departed). */
export type StaffStatus = 'probation' | 'active' | 'departed';
/** 标准工时 or 综合计算工时 (hours averaged over a cycle, approved by the labour authority). */
export type ContractType = 'standard' | 'comprehensive';
export type ZoneKind = 'windows' | 'desk';
export type WindowKind = 'window' | 'desk';
/** The front-end service chain of DOMAIN.md, plus the hall's own roles. */
export type PostFunction =
  | 'consult'
  | 'guide'
  | 'assist'
  | 'intake'
  | 'prereview'
  | 'entry'
  | 'handout'
  | 'order'
  | 'lead';

export interface Zone {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: ZoneKind;
  sortOrder: number;
}

export interface Post {
  id: number;
  code: string;
  zoneId: number | null;
  nameZh: string;
  nameEn: string;
  function: PostFunction;
}

export interface ServiceWindow {
  id: number;
  zoneId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: WindowKind;
  postId: number;
}

export interface Centre {
  nameZh: string;
  nameEn: string;
  zones: Zone[];
  posts: Post[];
  windows: ServiceWindow[];
}

export interface Staff {
  id: number;
  employeeNo: string;
  name: string;
  gender: Gender;
  phone: string;
  /** Full 18-character resident ID: returned only by `staff/get`, for editing. */
  idNumber: string;
  hireDate: string;
  status: StaffStatus;
  leftOn: string | null;
  leaveReason: string | null;
  homeZoneId: number;
  primaryPostId: number | null;
  contractType: ContractType;
  weeklyHourCap: number;
  wageGrade: number;
  /** 参加工作日期, when known: annual-leave entitlement counts years of work from it. */
  workStartDate: string | null;
  /** Optimistic-lock counter: an update names the version it edited. */
  version: number;
  updatedAt: string;
}

/** Fields of a staff row that a role may not receive (access.ts STAFF_FIELDS_HIDDEN): absent then. */
export type StaffRowPrivateField = 'phone' | 'gender' | 'wageGrade' | 'leaveReason' | 'workStartDate' | 'contractType' | 'weeklyHourCap';

/**
 * A row of the staff list: the ID number is masked, as lists are seen over shoulders. The private
 * fields and the masked ID are left out for a role the role table hides them from.
 */
export type StaffRow = Omit<Staff, 'idNumber' | StaffRowPrivateField> & Partial<Pick<Staff, StaffRowPrivateField>> & { idNumberMasked?: string };

export interface BackupFile {
  fileName: string;
  createdAt: string;
  sizeBytes: number;
}

export interface AppInfo {
  appVersion: string;
  host: 'electron' | 'browser';
  dataFile: string;
  backupDir: string;
  schemaVersion: number;
  today: string;
}

export interface Settings {
  language: Language;
}

/** 0 none, 1 learning (学习中), 2 independent (独立上岗), 3 can mentor (可带教). */
export type SkillLevel = 0 | 1 | 2 | 3;
/** Level 2 and up counts as mastering a post. */
export const QUALIFIED_LEVEL = 2;

export interface SkillCell {
  staffId: number;
  postId: number;
  level: SkillLevel;
  certifiedOn: string | null;
  mentorId: number | null;
  targetDate: string | null;
  updatedAt: string;
}

export interface SkillMatrixRow {
  staffId: number;
  employeeNo: string;
  name: string;
  homeZoneId: number;
  status: StaffStatus;
  /** Keyed by post id; a missing post is level 0. */
  cells: Record<string, SkillCell>;
  /** Posts at level 2 or 3. */
  mastered: number;
}

export interface SkillMatrix {
  rows: SkillMatrixRow[];
  /** The posts as skill columns, in zone order. */
  skills: Post[];
}

export interface SkillChange {
  at: string;
  actor: string;
  fromLevel: number;
  toLevel: number;
  certifiedOn: string | null;
  note: string;
}

export type AbWarningKind = 'a_missing' | 'b_missing' | 'a_departed' | 'b_departed' | 'a_unqualified' | 'b_unqualified' | 'a_away' | 'b_away';

export interface WindowAb {
  windowId: number;
  aStaffId: number | null;
  bStaffId: number | null;
  warnings: AbWarningKind[];
}

export interface AbRole {
  windowId: number;
  role: 'A' | 'B';
}

export interface SkillBench {
  postId: number;
  /** Employed, available people at level 2 or more. */
  qualified: number;
  qualifiedStaffIds: number[];
  needsCover: boolean;
  singlePointOfFailure: boolean;
  shortBy: number;
}

export interface WindowBench {
  windowId: number;
  postId: number;
  qualified: number;
  singlePointOfFailure: boolean;
  warnings: AbWarningKind[];
}

export interface PersonBench {
  staffId: number;
  mastered: number;
  belowTarget: boolean;
}

export interface BenchStrength {
  skillTarget: number;
  postTarget: number;
  skills: SkillBench[];
  windows: WindowBench[];
  people: PersonBench[];
  summary: {
    skillGaps: number;
    windowGaps: number;
    peopleBelowTarget: number;
    abProblems: number;
  };
}

export interface TrainingLine {
  staffId: number;
  postId: number;
  mentorId: number | null;
  sameZone: boolean;
  /** Why this training is in the plan: a skill with too few people, a person with too few posts, or both. */
  skillShort: { qualified: number; target: number } | null;
  personShort: { mastered: number; target: number } | null;
  /** Already learning this skill (level 1): the plan finishes what was started. */
  alreadyLearning: boolean;
}

export interface TrainingShortfall {
  postId: number;
  qualifiedAfter: number;
  target: number;
  shortBy: number;
  reason: 'no_mentor' | 'not_enough_people';
}

export interface PersonShortfall {
  staffId: number;
  masteredAfter: number;
  target: number;
  shortBy: number;
}

export interface TrainingPlan {
  skillTarget: number;
  postTarget: number;
  lines: TrainingLine[];
  skillShortfalls: TrainingShortfall[];
  personShortfalls: PersonShortfall[];
  solveMs: number;
}

export type TransferKind = 'staff' | 'skills';
export type TransferFormat = 'xlsx' | 'csv';

/** A file travelling between UI and backend; base64 keeps both hosts' transports JSON-only. */
export interface FilePayload {
  fileName: string;
  mimeType: string;
  base64: string;
}

export type ImportProblem =
  | 'wrong_file_type'
  | 'empty_file'
  | 'missing_column'
  | 'unknown_employee'
  | 'unknown_skill'
  | 'unknown_zone'
  | 'unknown_post'
  | 'bad_level'
  | 'bad_value'
  | 'duplicate_employee_no'
  /** The row's 工号 is stored for someone else (another name or resident ID): never taken as an update. */
  | 'identity_mismatch'
  | 'duplicate_row'
  | 'unknown_business_type'
  | 'unknown_window';

export interface ImportRowError {
  /** The line in the file (header is line 1), or 0 for a problem with the whole file. */
  line: number;
  column: string | null;
  problem: ImportProblem | string;
  /** The offending value, or the rule that was broken, for the person reading the report. */
  detail: string;
  /** Named values of a problem the UI words itself in either language (`transfer.detail.<problem>`). */
  params?: Record<string, string>;
}

/** One field of a stored person a file row would change, in the file's words. */
export interface ImportFieldChange {
  column: string;
  from: string;
  to: string;
}

/** An update of an existing record, listed before it is applied: who, and each field old → new. */
export interface ImportUpdate {
  line: number;
  employeeNo: string;
  name: string;
  changes: ImportFieldChange[];
}

export interface ImportReport {
  kind: TransferKind | null;
  totalRows: number;
  goodRows: number;
  errors: ImportRowError[];
  /** What applying would do, row by row: new records and changed ones. */
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  /** Each update field by field (staff files); absent where a kind of import does not list them. */
  updates?: ImportUpdate[];
}

export interface ImportResult extends ImportReport {
  written: number;
}
