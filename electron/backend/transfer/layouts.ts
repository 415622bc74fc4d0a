/**
 * The columns of each kind of file, and how an uploaded file's header row tells its kind.
 */
import type { ImportRowError, TransferKind } from '../../contract/model.ts';

export const STAFF_COLUMNS = {
  employeeNo: '工号',
  name: '姓名',
  gender: '性别',
  phone: '手机号',
  idNumber: '身份证号',
  hireDate: '入职日期',
  status: '状态',
  homeZone: '所属区域',
  primaryPost: '主岗位',
  contractType: '工时制',
  weeklyHourCap: '周工时上限',
  wageGrade: '薪级',
  leftOn: '离职日期',
  leaveReason: '离职原因',
  workStartDate: '参加工作日期',
} as const;

export const SKILL_COLUMNS = {
  employeeNo: '工号',
  name: '姓名',
  post: '岗位',
  level: '等级',
  certifiedOn: '认证日期',
} as const;

export interface Layout {
  kind: TransferKind;
  /** Headers in file order. */
  columns: readonly string[];
  /** Headers a file must have; the departure columns may be left out of a file of current staff. */
  required: readonly string[];
  /** The column only this kind has, which tells the kind on import. */
  marker: string;
  widths: readonly number[];
}

const staffColumns = Object.values(STAFF_COLUMNS);
const OPTIONAL_STAFF_COLUMNS: ReadonlySet<string> = new Set([STAFF_COLUMNS.leftOn, STAFF_COLUMNS.leaveReason, STAFF_COLUMNS.workStartDate]);
const skillColumns = Object.values(SKILL_COLUMNS);

export const LAYOUTS: Readonly<Record<TransferKind, Layout>> = {
  staff: {
    kind: 'staff',
    columns: staffColumns,
    // Departure columns may be left out of a file of current staff; a file without 参加工作日期
    // (made before the column existed) leaves that date as it is.
    required: staffColumns.filter((column) => !OPTIONAL_STAFF_COLUMNS.has(column)),
    marker: STAFF_COLUMNS.idNumber,
    widths: [10, 10, 6, 14, 22, 12, 8, 14, 16, 10, 10, 6, 12, 16, 12],
  },
  skills: {
    kind: 'skills',
    columns: skillColumns,
    required: skillColumns,
    marker: SKILL_COLUMNS.level,
    widths: [10, 10, 16, 6, 12],
  },
};

export interface KindDetection {
  layout: Layout | null;
  errors: ImportRowError[];
}

/** The marker column decides; failing that, the layout the header resembles most, so its gaps get named. */
export function detectLayout(header: readonly string[]): KindDetection {
  const present = new Set(header);
  const byMarker = Object.values(LAYOUTS).find((layout) => present.has(layout.marker));
  const layout = byMarker ?? closestLayout(present);
  if (!layout) return { layout: null, errors: [unknownKindError()] };
  const errors = layout.required
    .filter((column) => !present.has(column))
    .map((column): ImportRowError => ({ line: 1, column, problem: 'missing_column', detail: column }));
  return { layout, errors };
}

function closestLayout(present: ReadonlySet<string>): Layout | null {
  const score = (layout: Layout) => layout.required.filter((column) => present.has(column)).length;
  const [first, second] = Object.values(LAYOUTS).sort((a, b) => score(b) - score(a));
  if (!first || score(first) === 0 || (second && score(second) === score(first))) return null;
  return first;
}

function unknownKindError(): ImportRowError {
  const markers = Object.values(LAYOUTS).map((layout) => layout.marker);
  return { line: 1, column: null, problem: 'missing_column', detail: markers.join(' / ') };
}
