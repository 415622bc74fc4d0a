import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** 报表 as a dispatcher reaches it: the tabs, the month, the printed report and the exports. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '报表' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: '报表' })).toBeVisible();
  }

  async tab(name: '月度报告' | '工时与加班' | '成本' | '增减人员测算' | '成本设置'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  panel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  /** The month report on screen (not the copy in the print layer). */
  clientReport(): Locator {
    return this.panel().getByTestId('client-report');
  }

  async month(yearMonth: string): Promise<void> {
    await this.panel().getByLabel('月份').fill(yearMonth);
  }

  printLayer(): Locator {
    return this.page.getByRole('dialog', { name: '打印月度报告' });
  }

  async openPrint(): Promise<void> {
    await this.panel().getByRole('button', { name: '打印', exact: true }).click();
    await expect(this.printLayer().getByTestId('client-report')).toBeVisible();
  }

  async exportXlsx(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.panel().getByRole('button', { name: '导出 Excel' }).click();
    return downloading;
  }

  notice(): Locator {
    return this.page.locator('.reports-area .notice');
  }

  /** A row of a table by its first cell's text and a column's text. */
  tableRow(testId: string, rowText: string): Locator {
    return this.page.getByTestId(testId).locator('tbody tr').filter({ has: this.page.locator('th', { hasText: rowText }) });
  }
}
