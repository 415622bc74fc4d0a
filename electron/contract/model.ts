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
  /** Optimistic-lock counter: an update names the version it edited. */
  version: number;
  updatedAt: string;
}

/** A row of the staff list: the ID number is masked, as lists are seen over shoulders. */
export type StaffRow = Omit<Staff, 'idNumber'> & { idNumberMasked: string };

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
