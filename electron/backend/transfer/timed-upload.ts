/**
 * Reads an uploaded file whose cells hold times of day (punches, queue tickets): xlsx date cells
 * keep their time, and a file that is not what its name says is a row error, not an exception.
 */
import type { ImportRowError } from '../../contract/model.ts';
import { readCsv } from './csv.ts';
import { formatOfName } from './files.ts';
import { rowError } from './plan.ts';
import { UnreadableFileError, type SheetRow } from './table.ts';
import { readFirstSheetKeepingTimes } from './xlsx.ts';

export type TimedUpload = { rows: SheetRow[]; error: null } | { rows: null; error: ImportRowError };

export async function readTimedUpload(fileName: string, base64: string): Promise<TimedUpload> {
  const format = formatOfName(fileName);
  if (!format) return { rows: null, error: rowError(0, null, 'wrong_file_type', fileName) };
  try {
    const bytes = Buffer.from(base64, 'base64');
    return { rows: format === 'xlsx' ? await readFirstSheetKeepingTimes(bytes) : readCsv(bytes), error: null };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { rows: null, error: rowError(0, null, 'wrong_file_type', `${format}: ${error.message}`) };
    throw error;
  }
}
