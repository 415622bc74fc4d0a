/**
 * The only module that touches the CSV libraries. Export writes UTF-8 with a byte-order mark,
 * which is what makes Excel on Windows open Chinese text correctly. Import accepts UTF-8 with or
 * without the mark, and GB18030, because Excel on a Chinese Windows saves "CSV" in the ANSI code
 * page: a user who opens our export, edits it and saves it hands us GBK.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { UnreadableFileError, type SheetRow } from './table.ts';

const BOM = '\uFEFF';
/** Characters no spreadsheet text holds; their presence means the bytes are not text at all. */
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function readCsv(bytes: Buffer): SheetRow[] {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  // Record n is row n in Excel even when a quoted cell spans several physical lines.
  return records.map((cells, index) => ({ line: index + 1, cells }));
}

export function writeCsv(rows: readonly string[][]): Buffer {
  return Buffer.from(BOM + stringify(rows as string[][], { record_delimiter: 'windows' }), 'utf8');
}

function decodeText(bytes: Buffer): string {
  const text = decodeStrict(bytes, 'utf-8') ?? decodeStrict(bytes, 'gb18030');
  if (text === null || BINARY_CONTROL.test(text)) throw new UnreadableFileError('not UTF-8 or GB18030 text');
  return text;
}

function decodeStrict(bytes: Buffer, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
