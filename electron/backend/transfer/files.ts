/**
 * Bytes in and out: an upload becomes a table (or the reason it cannot), and sheets become a
 * FilePayload named for the day.
 */
import type { FilePayload, ImportRowError, TransferFormat } from '../../contract/model.ts';
import { readCsv, writeCsv } from './csv.ts';
import { rowError } from './plan.ts';
import { tableOf, UnreadableFileError, type SheetData, type SheetRow, type Table } from './table.ts';
import { readFirstSheet, writeWorkbook } from './xlsx.ts';

export const MIME_TYPES: Readonly<Record<TransferFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export type Upload = { table: Table; error: null } | { table: null; error: ImportRowError };

export function formatOfName(fileName: string): TransferFormat | null {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension === 'xlsx' || extension === 'csv' ? extension : null;
}

export async function readUpload(fileName: string, base64: string): Promise<Upload> {
  const format = formatOfName(fileName);
  if (!format) return failed('wrong_file_type', fileName);
  let rows: SheetRow[];
  try {
    const bytes = Buffer.from(base64, 'base64');
    rows = format === 'xlsx' ? await readFirstSheet(bytes) : readCsv(bytes);
  } catch (error) {
    if (error instanceof UnreadableFileError) return failed('wrong_file_type', `${format}: ${error.message}`);
    throw error;
  }
  const table = tableOf(rows);
  return table ? { table, error: null } : failed('empty_file', fileName);
}

function failed(problem: ImportRowError['problem'], detail: string): Upload {
  return { table: null, error: rowError(0, null, problem, detail) };
}

/** The data sheet comes first; CSV holds only that one. */
export async function filePayload(baseName: string, day: string, format: TransferFormat, sheets: SheetData[]): Promise<FilePayload> {
  const bytes = format === 'xlsx' ? await writeWorkbook(sheets) : writeCsv(sheets[0]?.rows ?? []);
  return { fileName: `${baseName}-${day}.${format}`, mimeType: MIME_TYPES[format], base64: bytes.toString('base64') };
}
