import { describe, expect, it } from 'vitest';
import { PRINT_CHANNEL } from '../../../electron/contract/bridge.ts';
import { PDF_OPTIONS, registerPrint, safePdfName, type PrintableContents, type PrintEventLike, type PrintHost, type SaveDialogOptions } from '../../../electron/main/print.ts';

type Listener = (event: PrintEventLike, ...args: unknown[]) => Promise<unknown>;

const APP_PAGE = 'app://renderer/index.html';
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** A page that records what it was asked to print and answers the print dialog as told. */
function fakeContents(printAnswer: [boolean, string] = [true, '']) {
  const asked: { pdf: unknown[]; print: number } = { pdf: [], print: 0 };
  const contents: PrintableContents = {
    printToPDF: async (options) => {
      asked.pdf.push(options);
      return PDF_BYTES;
    },
    print: (_options, callback) => {
      asked.print += 1;
      callback(...printAnswer);
    },
  };
  return { contents, asked };
}

function setUp(saveAnswer: { canceled: boolean; filePath?: string } = { canceled: false, filePath: '/home/lead/排班表.pdf' }) {
  const listeners = new Map<string, Listener>();
  const dialogs: SaveDialogOptions[] = [];
  const written: [string, Uint8Array][] = [];
  const host: PrintHost = {
    showSaveDialog: async (_contents, options) => (dialogs.push(options), saveAnswer),
    writeFile: async (path, data) => void written.push([path, data]),
    defaultFolder: () => '/home/lead/Documents',
    join: (folder, name) => `${folder}/${name}`,
  };
  registerPrint({ handle: (channel, listener) => listeners.set(channel, listener) }, host);
  const ask = (contents: PrintableContents, argument: unknown, url: string | null = APP_PAGE) =>
    listeners.get(PRINT_CHANNEL)!({ senderFrame: url === null ? null : { url }, sender: contents }, argument);
  return { listeners, dialogs, written, ask };
}

describe('desktop printing', () => {
  it('registers the print channel', () => {
    expect([...setUp().listeners.keys()]).toEqual([PRINT_CHANNEL]);
  });

  it('saves a PDF where the user chose, A4 landscape with the page’s own size and backgrounds', async () => {
    const { ask, dialogs, written } = setUp();
    const { contents, asked } = fakeContents();
    const outcome = await ask(contents, { action: 'pdf', fileName: '排班表（按窗口）-2026-11-23.pdf' });
    expect(outcome).toEqual({ done: true, path: '/home/lead/排班表.pdf' });
    expect(dialogs[0]?.defaultPath).toBe('/home/lead/Documents/排班表（按窗口）-2026-11-23.pdf');
    expect(dialogs[0]?.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(asked.pdf).toEqual([{ pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }]);
    expect(PDF_OPTIONS.preferCSSPageSize).toBe(true);
    expect(written).toEqual([['/home/lead/排班表.pdf', PDF_BYTES]]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { ask, written } = setUp({ canceled: true });
    const { contents, asked } = fakeContents();
    expect(await ask(contents, { action: 'pdf', fileName: 'x.pdf' })).toEqual({ done: false });
    expect(asked.pdf).toEqual([]);
    expect(written).toEqual([]);
  });

  it('prints through the system dialog and reports a cancelled dialog as not done', async () => {
    const { ask } = setUp();
    const printed = fakeContents([true, '']);
    expect(await ask(printed.contents, { action: 'print', fileName: 'x.pdf' })).toEqual({ done: true });
    expect(printed.asked.print).toBe(1);
    expect(await ask(fakeContents([false, 'cancelled']).contents, { action: 'print', fileName: 'x.pdf' })).toEqual({ done: false });
  });

  it('says why printing failed', async () => {
    const { ask } = setUp();
    await expect(ask(fakeContents([false, 'Print job failed']).contents, { action: 'print', fileName: 'x.pdf' })).rejects.toThrow(/Print job failed/);
  });

  it('refuses a page that is not the app, and prints nothing for it', async () => {
    const { ask, dialogs } = setUp();
    const { contents, asked } = fakeContents();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', null]) {
      await expect(ask(contents, { action: 'pdf', fileName: 'x.pdf' }, url)).rejects.toThrow(/untrusted/);
      await expect(ask(contents, { action: 'print', fileName: 'x.pdf' }, url)).rejects.toThrow(/untrusted/);
    }
    expect(dialogs).toEqual([]);
    expect(asked).toEqual({ pdf: [], print: 0 });
  });

  it('refuses an unknown action rather than guessing', async () => {
    const { ask } = setUp();
    await expect(ask(fakeContents().contents, { action: 'email', fileName: 'x.pdf' })).rejects.toThrow(/Unknown print action/);
  });

  it('offers a safe file name: no folders, no reserved characters, always .pdf', () => {
    expect(safePdfName('../../etc/passwd')).toBe('passwd.pdf');
    expect(safePdfName('C:\\Users\\x\\排班:表?.pdf')).toBe('排班_表_.pdf');
    expect(safePdfName('排班表')).toBe('排班表.pdf');
    expect(safePdfName('')).toBe('排班表.pdf');
    expect(safePdfName(42)).toBe('排班表.pdf');
    expect(safePdfName(`${'长'.repeat(300)}.pdf`).length).toBeLessThanOrEqual(124);
  });
});
