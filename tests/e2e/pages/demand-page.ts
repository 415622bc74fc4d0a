import { expect, type Page } from '@playwright/test';

/** 需求预测 and its tabs, as a user reaches them; table cells by row index and column id. */
export class DemandPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '需求预测' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: '需求预测' })).toBeVisible();
  }

  async tab(name: '预测' | '人力需求' | '服务目标' | '导入'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async chooseZone(name: string): Promise<void> {
    await this.page.getByRole('tabpanel').getByLabel('区域', { exact: true }).selectOption({ label: name });
  }

  notice() {
    return this.page.getByRole('status').first();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Waits until no request of the tab is running. */
  async settled(): Promise<void> {
    await expect(this.page.getByRole('tabpanel').locator('.progress')).toHaveCount(0, { timeout: 30_000 });
  }

  forecastChart() {
    return this.page.locator('figure.demand-chart');
  }

  accuracy() {
    return this.page.getByTestId('forecast-accuracy');
  }

  forecastTable() {
    return this.page.locator('table.forecast-table');
  }

  /** The row index of the first day of the forecast that is of the given kind. */
  async firstForecastRow(kind: 'workday' | 'makeup' | 'weekend' | 'statutory' | 'holiday_rest'): Promise<number> {
    const row = this.forecastTable().locator(`tbody tr.kind-${kind}`).first();
    await expect(row).toBeVisible();
    return Number(await row.getAttribute('data-row-index'));
  }

  /** A value of the forecast table: `total` is the day, a number the half-hour. */
  forecastCell(rowIndex: number, column: 'total' | number) {
    return this.forecastTable().locator(`tbody tr[data-row-index="${rowIndex}"] td[data-col="${column}"]`);
  }

  async override(rowIndex: number, column: 'total' | number, value: number, reason: string): Promise<void> {
    await this.forecastCell(rowIndex, column).getByRole('button').click();
    await this.dialog().getByLabel('新的数值（人次）').fill(String(value));
    await this.dialog().getByLabel('调整原因（必填）').fill(reason);
    await this.dialog().getByRole('button', { name: '保存调整' }).click();
  }

  staffingTable() {
    return this.page.locator('table.staffing-table');
  }

  staffingCell(rowIndex: number, slot: number) {
    return this.staffingTable().locator(`tbody tr[data-row-index="${rowIndex}"] td[data-col="${slot}"]`);
  }

  staffingDetail() {
    return this.page.getByTestId('staffing-detail');
  }

  /** A zone's service-target form, by the zone's code. */
  targetCard(zoneCode: string) {
    return this.page.locator(`form.target-card[data-zone="${zoneCode}"]`);
  }
}
