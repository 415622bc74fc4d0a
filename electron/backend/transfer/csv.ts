/**
 * The only module that touches the CSV libraries. Export writes UTF-8 with a byte-order mark,
 * which is what makes Excel on Windows open Chinese text correctly. Import accepts UTF-8 with or
 * without the mark, and GB18030, because Excel on a Chinese Windows saves "CSV" in the ANSI code
 * page: a user who opens our export, edits it and saves it hands us GBK.
 *
 * Excel runs a CSV cell that starts with = + - or @ as a formula, so free text such as a leave
 * reason could run one on the next person's machine. Such cells are written behind an apostrophe
 * (OWASP's advice) and the apostrophe is taken off again on import, so the round trip holds.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { UnreadableFileError, type SheetRow } from './table.ts';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'[=+\-@\t\r]/;
/** Tab, line feed and carriage return: the only control characters spreadsheet text holds. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

export function readCsv(bytes: Buffer): SheetRow[] {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    // Stray quotes inside a hand-typed cell (他说"好") are text, not a reason to give up on the file.
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  // Record n is row n in Excel even when a quoted cell spans several physical lines.
  return records.map((cells, index) => ({ line: index + 1, cells: cells.map(unguardFormula) }));
}

export function writeCsv(rows: readonly string[][]): Buffer {
  const guarded = rows.map((row) => row.map(guardFormula));
  return Buffer.from(BOM + stringify(guarded, { record_delimiter: 'windows' }), 'utf8');
}

function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function unguardFormula(cell: string): string {
  return GUARDED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

function decodeText(bytes: Buffer): string {
  const text = decodeStrict(bytes, 'utf-8') ?? decodeStrict(bytes, 'gb18030');
  if (text === null || hasBinaryControls(text)) throw new UnreadableFileError('not UTF-8 or GB18030 text');
  return text;
}

/** Control characters mean the bytes were never text, whatever a lenient decoder made of them. */
function hasBinaryControls(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !TEXT_CONTROLS.has(code)) || code === 0x7f) return true;
  }
  return false;
}

function decodeStrict(bytes: Buffer, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
