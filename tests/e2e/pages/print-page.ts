import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

/** A printed PDF read back: its text page by page (pdftotext -layout) and its page count (pdfinfo). */
export interface PrintedPdf {
  path: string;
  pages: string[];
  pageCount: number;
}

/** The print preview over the board as a lead uses it, and the PDF it makes. */
export class PrintPage {
  constructor(readonly page: Page) {}

  preview(): Locator {
    return this.page.getByRole('dialog', { name: '打印排班表' });
  }

  document(): Locator {
    return this.preview().getByTestId('print-document');
  }

  async open(board: Locator): Promise<void> {
    await board.getByRole('button', { name: '打印', exact: true }).click();
    await expect(this.document()).toBeVisible();
  }

  async layout(name: '按窗口' | '按人员'): Promise<void> {
    await this.preview().getByRole('radio', { name }).check();
    await expect(this.document()).toHaveAttribute('data-view', name === '按窗口' ? 'window' : 'person');
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.preview()).toBeHidden();
  }

  /** Prints as the browser would (print media, the page's own @page size), into a PDF file. */
  async savePdf(path: string): Promise<PrintedPdf> {
    await this.page.emulateMedia({ media: 'print' });
    await this.page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    await this.page.emulateMedia({ media: 'screen' });
    return readPdf(path);
  }
}

export function readPdf(path: string): PrintedPdf {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === '') pages.pop();
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  return { path, pages, pageCount };
}

/** The PDF's pages as PNG images beside it (for a person to look at): returns their paths. */
export function pdfToPngs(path: string, prefix: string, resolution = 60): void {
  execFileSync('pdftoppm', ['-r', String(resolution), '-png', path, prefix]);
}
