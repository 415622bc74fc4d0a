/**
 * The only module that touches exceljs: reads the first worksheet of an .xlsx as text rows and
 * writes sheets of text. Everything is written as text so that Excel keeps 18-digit resident IDs,
 * leading zeros and YYYY-MM-DD dates exactly as typed instead of turning them into numbers.
 */
import ExcelJS from 'exceljs';
import { UnreadableFileError, type SheetData, type SheetRow } from './table.ts';

/** Every .xlsx is a zip archive, and every zip starts with these four bytes. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const TEXT_FORMAT = '@';
const MONEY_FORMAT = '#,##0.00';

export function readFirstSheet(bytes: Buffer): Promise<SheetRow[]> {
  return readRows(bytes, cellText);
}

/**
 * Like readFirstSheet, but a date cell keeps its time of day ('YYYY-MM-DD HH:MM:SS'): attendance
 * machines and queue systems export times, and Excel turns a typed time into a date cell. exceljs
 * hands such a cell over as a Date whose UTC fields are the wall-clock time shown in Excel.
 */
export function readFirstSheetKeepingTimes(bytes: Buffer): Promise<SheetRow[]> {
  return readRows(bytes, cellTextWithTime);
}

async function readRows(bytes: Buffer, read: (value: ExcelJS.CellValue) => string): Promise<SheetRow[]> {
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new UnreadableFileError('not a zip archive');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(read(row.getCell(column).value));
    rows.push({ line, cells });
  });
  return rows;
}

function cellTextWithTime(value: ExcelJS.CellValue): string {
  const shown = value && typeof value === 'object' && 'result' in value ? (value.result as ExcelJS.CellValue) : value;
  return shown instanceof Date && !Number.isNaN(shown.getTime()) ? shown.toISOString().slice(0, 19).replace('T', ' ') : cellText(value);
}

export async function writeWorkbook(sheets: readonly SheetData[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const data of sheets) addSheet(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, data: SheetData): void {
  const sheet = workbook.addWorksheet(data.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columnCount = Math.max(0, ...data.rows.map((row) => row.length));
  sheet.columns = Array.from({ length: columnCount }, (_, i) => ({
    width: data.widths?.[i] ?? 14,
    // The column's default format applies to cells the user types later, too.
    style: { numFmt: TEXT_FORMAT },
  }));
  for (const row of data.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
}

/** What the user sees in a cell, as text; a date cell (Excel converts typed dates) becomes YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

/** A sheet meant for paper: a title row, a bold header that repeats on every printed page. */
/** A cell of a printable sheet: text, or a number Excel can add up (money, hours). */
export type PrintableCell = string | number;

export interface PrintableSheet {
  name: string;
  /** Header first. */
  rows: PrintableCell[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Excel number formats of number cells by 0-based column; other number cells show two decimals. */
  numberFormats?: Readonly<Record<number, string>>;
  /** Rows above the header (the title), not repeated. */
  titleRows: string[][];
  /** The page the sheet is printed on. */
  orientation: 'landscape' | 'portrait';
  /** Text in cells that should be centred (the day columns of a sheet), by 0-based column. */
  centredFrom?: number;
  /** Lines after the data, e.g. the sign-off. */
  footerRows?: string[][];
  /** Cells hold several lines (the people of a window): wrap them and let rows grow. */
  wrap?: boolean;
}

/** One printable worksheet on A4 (paperSize 9), fitted to the page width, the header row repeated. */
export async function writePrintableWorkbook(data: PrintableSheet): Promise<Buffer> {
  return writePrintableSheets([data]);
}

/** Several printable worksheets in one workbook (the roster board's week: by window, by person). */
export async function writePrintableSheets(sheets: readonly PrintableSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const data of sheets) addPrintableSheet(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addPrintableSheet(workbook: ExcelJS.Workbook, data: PrintableSheet): void {
  const headerLine = data.titleRows.length + 1;
  const sheet = workbook.addWorksheet(data.name, {
    views: [{ state: 'frozen', ySplit: headerLine, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: data.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerLine}:${headerLine}`,
    },
  });
  const columnCount = Math.max(0, ...data.rows.map((row) => row.length));
  sheet.columns = Array.from({ length: columnCount }, (_, i) => ({ width: data.widths?.[i] ?? 6 }));
  for (const title of data.titleRows) sheet.addRow(title).font = { bold: true, size: 14 };
  data.rows.forEach((row, index) => {
    const added = sheet.addRow(row);
    if (index === 0) added.font = { bold: true };
    added.eachCell((cell, column) => {
      if (typeof cell.value === 'number') cell.numFmt = data.numberFormats?.[column - 1] ?? MONEY_FORMAT;
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      const centred = data.centredFrom !== undefined && column - 1 >= data.centredFrom;
      if (centred || data.wrap) cell.alignment = { ...(centred ? { horizontal: 'center' as const } : {}), ...(data.wrap ? { wrapText: true, vertical: 'top' as const } : {}) };
    });
  });
  for (const footer of data.footerRows ?? []) sheet.addRow(footer);
}

/** Every worksheet's rows as text, by sheet name: reading back a workbook this backend wrote. */
export async function readAllSheets(bytes: Buffer): Promise<{ name: string; rows: string[][] }[]> {
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new UnreadableFileError('not a zip archive');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
      rows.push(cells);
    });
    return { name: sheet.name, rows };
  });
}

/** How a worksheet is set up for printing, for tests of the printed layout. */
export async function readPageSetup(bytes: Buffer, sheetName: string): Promise<{ paperSize?: number; orientation?: string; printTitlesRow?: string } | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const setup = workbook.getWorksheet(sheetName)?.pageSetup;
  return setup && { paperSize: setup.paperSize, orientation: setup.orientation, printTitlesRow: setup.printTitlesRow };
}
