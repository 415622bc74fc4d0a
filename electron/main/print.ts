/**
 * Desktop printing: the renderer asks (PRINT_CHANNEL) to print its page as it stands, or to save it
 * as a PDF. The page's print stylesheet decides what is on paper (A4 landscape, from its @page
 * rules); main only chooses where it goes. Written against small interfaces so tests drive it with
 * fakes; main.ts hands in Electron's ipcMain, dialog and the file system.
 */
import { PRINT_CHANNEL, type PrintOutcome, type PrintRequest } from '../contract/bridge.ts';
import { isAppUrl, type IpcEventLike } from './ipc.ts';

/** The slice of Electron's WebContents that printing uses. */
export interface PrintableContents {
  printToPDF(options: {
    pageSize: 'A4';
    landscape: boolean;
    printBackground: boolean;
    preferCSSPageSize: boolean;
  }): Promise<Uint8Array>;
  print(options: Record<string, never>, callback: (success: boolean, failureReason: string) => void): void;
}

export interface PrintEventLike extends Omit<IpcEventLike, 'sender'> {
  sender: PrintableContents;
}

export interface PrintIpcLike {
  handle(channel: string, listener: (event: PrintEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface PrintHost {
  /** Electron's dialog.showSaveDialog, attached to the window of `contents`. */
  showSaveDialog(contents: PrintableContents, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Where the save dialog opens: the user's documents folder. */
  defaultFolder(): string;
  /** Joins the folder and the suggested name the platform's way. */
  join(folder: string, fileName: string): string;
}

/** Settings for the PDF: the page's own @page size and margins win; A4 landscape if it has none. */
export const PDF_OPTIONS = { pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true } as const;

const FALLBACK_NAME = '排班表.pdf';

/**
 * The suggested file name as the renderer sent it, made safe: no folders, no characters a file
 * system refuses, at most 120 characters, always ending in .pdf.
 */
export function safePdfName(fileName: unknown): string {
  if (typeof fileName !== 'string') return FALLBACK_NAME;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const printable = [...base].map((char) => (char.charCodeAt(0) < 0x20 ? '_' : char)).join('');
  const cleaned = printable.replace(/[<>:"|?*]/g, '_').replace(/^\.+/, '').trim().slice(0, 120);
  if (cleaned === '' || /^\.pdf$/i.test(cleaned)) return FALLBACK_NAME;
  return /\.pdf$/i.test(cleaned) ? cleaned : `${cleaned}.pdf`;
}

/** Reads the request; anything but 'print' or 'pdf' is refused rather than guessed at. */
export function parsePrintRequest(argument: unknown): PrintRequest {
  const request = (argument ?? {}) as { action?: unknown; fileName?: unknown };
  if (request.action !== 'print' && request.action !== 'pdf') throw new Error(`Unknown print action: ${String(request.action).slice(0, 40)}`);
  return { action: request.action, fileName: safePdfName(request.fileName) };
}

export async function savePdf(contents: PrintableContents, fileName: string, host: PrintHost): Promise<PrintOutcome> {
  const choice = await host.showSaveDialog(contents, {
    title: '保存为 PDF / Save as PDF',
    defaultPath: host.join(host.defaultFolder(), fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { done: false };
  const data = await contents.printToPDF({ ...PDF_OPTIONS });
  await host.writeFile(choice.filePath, data);
  return { done: true, path: choice.filePath };
}

/** The system's print dialog; cancelling it is an answer, not a failure. */
export function printPage(contents: PrintableContents): Promise<PrintOutcome> {
  return new Promise((resolve, reject) => {
    contents.print({}, (success, failureReason) => {
      if (success) resolve({ done: true });
      else if (!failureReason || /cancel/i.test(failureReason)) resolve({ done: false });
      else reject(new Error(`Printing failed: ${failureReason}`));
    });
  });
}

/** Registers PRINT_CHANNEL; like every channel, only the app's own page may ask. */
export function registerPrint(ipc: PrintIpcLike, host: PrintHost, isTrustedSender: (url: string | undefined) => boolean = isAppUrl): string {
  ipc.handle(PRINT_CHANNEL, async (event, argument) => {
    if (!isTrustedSender(event.senderFrame?.url)) throw new Error(`Refused ${PRINT_CHANNEL} from an untrusted page`);
    const request = parsePrintRequest(argument);
    return request.action === 'pdf' ? savePdf(event.sender, request.fileName, host) : printPage(event.sender);
  });
  return PRINT_CHANNEL;
}
