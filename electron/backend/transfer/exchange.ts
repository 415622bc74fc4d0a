/**
 * Templates, exports and imports of staff records and skills, composed from the pieces beside this
 * file. The handlers in handlers/transfer.ts only add the session, the clock and the transaction.
 */
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import type { FilePayload, ImportResult, TransferFormat, TransferKind } from '../../contract/model.ts';
import { skillRows, staffRows, type IdNumbers } from './export-rows.ts';
import { filePayload, readUpload, type Upload } from './files.ts';
import { guideSheet } from './guide.ts';
import { detectLayout, LAYOUTS } from './layouts.ts';
import { fileProblem, isGood, reportOf, rowError, type ImportPlan, type ImportStamp } from './plan.ts';
import { loadCentreBook, type CentreBook } from './reference.ts';
import { planSkillRows } from './skills-import.ts';
import { planStaffRows } from './staff-import.ts';
import type { SheetData, Table } from './table.ts';

const FILE_BASE_NAMES: Readonly<Record<TransferKind, string>> = { staff: '人员档案', skills: '技能矩阵' };
const TEMPLATE_SUFFIX = '模板';

export interface FileRequest {
  kind: TransferKind;
  format: TransferFormat;
  /** The hall's date, YYYY-MM-DD, for the file name. */
  today: string;
}

export async function templateFile(db: Queryable, request: FileRequest): Promise<FilePayload> {
  const book = await loadCentreBook(db);
  return payloadOf(request, book, `${FILE_BASE_NAMES[request.kind]}${TEMPLATE_SUFFIX}`, []);
}

/** Resident IDs in full only when the caller says so; masked ones still check back as unchanged. */
export async function exportFile(db: Queryable, request: FileRequest, idNumbers: IdNumbers = 'masked'): Promise<FilePayload> {
  const book = await loadCentreBook(db);
  const rows = request.kind === 'staff' ? await staffRows(db, book, idNumbers) : await skillRows(db, book);
  return payloadOf(request, book, FILE_BASE_NAMES[request.kind], rows);
}

/** The data sheet first (import reads the first sheet); xlsx adds the 说明 sheet after it. */
function payloadOf(request: FileRequest, book: CentreBook, baseName: string, rows: string[][]): Promise<FilePayload> {
  const layout = LAYOUTS[request.kind];
  const data: SheetData = { name: FILE_BASE_NAMES[request.kind], rows: [[...layout.columns], ...rows], widths: [...layout.widths] };
  const sheets = request.format === 'xlsx' ? [data, guideSheet(request.kind, book)] : [data];
  return filePayload(baseName, request.today, request.format, sheets);
}

/** Reading the bytes needs no database, so callers decode an upload before any transaction. */
export { readUpload };

export async function planImport(db: Queryable, upload: Upload, today: string): Promise<ImportPlan> {
  if (upload.error) return fileProblem(null, 0, [upload.error]);
  const { table } = upload;
  const { layout, errors } = detectLayout(table.header);
  if (!layout || errors.length > 0) return fileProblem(layout?.kind ?? null, table.rows.length, errors);
  if (table.rows.length === 0) return fileProblem(layout.kind, 0, [rowError(0, null, 'empty_file', '')]);
  return { kind: layout.kind, totalRows: table.rows.length, fileErrors: [], rows: await planRows(db, layout.kind, table, today) };
}

function planRows(db: Queryable, kind: TransferKind, table: Table, today: string) {
  return kind === 'staff' ? planStaffRows(db, table, today) : planSkillRows(db, table, today);
}

/** Writes the good rows of a plan; the caller holds the transaction and has decided they may go. */
export async function writePlan(tx: Queryable, plan: ImportPlan, stamp: ImportStamp): Promise<ImportResult> {
  const writes = plan.rows.filter((row) => isGood(row) && row.write !== null);
  for (const row of writes) await row.write?.(tx, stamp);
  const report = reportOf(plan);
  await appendAudit(tx, {
    at: stamp.at,
    actor: stamp.actor,
    entity: 'import',
    entityId: null,
    action: plan.kind ?? 'unknown',
    detail: {
      fileName: stamp.fileName,
      created: report.toCreate,
      updated: report.toUpdate,
      unchanged: report.unchanged,
      skippedLines: [...new Set(report.errors.map((error) => error.line))],
    },
  });
  return { ...report, written: writes.length };
}
