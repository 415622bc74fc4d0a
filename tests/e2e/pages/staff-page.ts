import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The staff records area. Grid cells are found by row index and column id, never by position. */
export class StaffPage {
  constructor(readonly page: Page) {}

  cell(rowIndex: number, colId: string): Locator {
    return this.page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
  }

  /** One element per displayed row: the pinned name column lives in a separate row element. */
  rows(): Locator {
    return this.page.locator('.ag-row:has(.ag-cell[col-id="employeeNo"])');
  }

  /** The list has loaded once the first row is drawn. */
  async waitForList(): Promise<void> {
    await expect(this.cell(0, 'employeeNo')).toBeVisible();
  }

  count(): Locator {
    return this.page.getByTestId('staff-count');
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(text);
  }

  async filterZone(label: string): Promise<void> {
    await this.page.getByRole('toolbar').getByLabel(/区域|Zone/).selectOption({ label });
  }

  async filterStatus(label: string): Promise<void> {
    await this.page.getByRole('toolbar').getByLabel(/状态|Status/).selectOption({ label });
  }

  /** Finds a person by employee number and selects their row. */
  async select(employeeNo: string): Promise<void> {
    await this.search(employeeNo);
    await expect(this.rows()).toHaveCount(1);
    await this.cell(0, 'name').click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** 导出 → Excel or CSV, then the choice the personal-data dialog asks for; the download and its bytes. */
  async exportStaff(format: 'Excel' | 'CSV', ids: 'masked' | 'full'): Promise<{ download: Download; bytes: Buffer }> {
    await this.page.locator('summary', { hasText: '导出' }).click();
    await this.page.getByRole('button', { name: `导出 ${format}` }).click();
    const confirm = this.page.getByRole('dialog', { name: '导出人员档案' });
    await expect(confirm.getByTestId('personal-export-notice')).toContainText(/导出文件将包含 \d+ 人的身份证号、手机号/);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      confirm.getByRole('button', { name: ids === 'full' ? '导出完整身份证号' : '导出（身份证号打码）' }).click(),
    ]);
    await expect(confirm).toBeHidden();
    return { download, bytes: await readFile((await download.path())!) };
  }

  /** 导入… with a file, up to the check step's report. */
  async importFile(name: string, bytes: Buffer): Promise<void> {
    await this.page.getByRole('button', { name: '导入…' }).click();
    const mimeType = name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await this.dialog().getByLabel('选择 Excel（.xlsx）或 CSV 文件').setInputFiles({ name, mimeType, buffer: bytes });
    await expect(this.dialog().getByTestId('import-summary')).toBeVisible();
  }

  field(label: string | RegExp): Locator {
    return this.dialog().getByLabel(label, { exact: typeof label === 'string' });
  }

  /** The error shown under a field (a locator, so expectations wait for the backend's answer). */
  fieldError(label: string | RegExp): Locator {
    // A `has` locator is matched inside each .field, so it is built from the page, not the dialog.
    const control = this.page.getByLabel(label, { exact: typeof label === 'string' });
    return this.dialog().locator('.field', { has: control }).locator('.field-error');
  }

  async fillForm(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      const field = this.field(label);
      const tag = await field.evaluate((element) => element.tagName);
      if (tag === 'SELECT') await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  async save(): Promise<void> {
    await this.dialog().getByRole('button', { name: /^(保存|Save)$/ }).click();
  }
}
