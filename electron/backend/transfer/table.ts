/**
 * The plain tables the import and export work on, whatever the file format: rows of trimmed text
 * numbered as the spreadsheet numbers them, so a reported line is the row the user sees in Excel.
 */

export interface SheetRow {
  /** 1-based row number in the file: the header of a normal file is line 1. */
  line: number;
  cells: string[];
}

/** A sheet to write: its name (ignored by CSV) and its rows, header first. */
export interface SheetData {
  name: string;
  rows: string[][];
  /** Column widths in characters, for xlsx; CSV has none. */
  widths?: number[];
}

export interface Table {
  header: string[];
  /** Data rows after the header, blank rows dropped. */
  rows: SheetRow[];
}

/** Thrown by a format adapter when the bytes are not a file of its format. */
export class UnreadableFileError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'UnreadableFileError';
  }
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** The first non-blank row is the header; a title row typed above it would be read as the header. */
export function tableOf(rows: readonly SheetRow[]): Table | null {
  const filled = rows.filter((row) => !isBlankRow(row.cells));
  const [header, ...data] = filled;
  if (!header) return null;
  return { header: header.cells.map((cell) => cell.trim()), rows: data };
}

/** Reads a row's cell by column name; a column the file lacks reads as empty. */
export class ColumnReader {
  private readonly index: ReadonlyMap<string, number>;

  constructor(header: readonly string[]) {
    // The first of two equally named columns wins, as a user reading left to right would expect.
    const index = new Map<string, number>();
    header.forEach((name, position) => {
      if (!index.has(name)) index.set(name, position);
    });
    this.index = index;
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  cell(row: SheetRow, column: string): string {
    const position = this.index.get(column);
    return position === undefined ? '' : (row.cells[position] ?? '').trim();
  }
}
