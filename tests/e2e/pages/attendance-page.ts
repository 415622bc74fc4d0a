import { expect, type Page } from '@playwright/test';

/** 请假考勤 → 打卡记录 / 月度考勤表 / 加班审批 / 在岗率, as a user reaches them. */
export class AttendancePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '请假考勤' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: '请假考勤' })).toBeVisible();
  }

  async tab(name: '打卡记录' | '月度考勤表' | '加班审批' | '在岗率'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async importPunches(fileName: string, csv: string): Promise<void> {
    await this.page.getByRole('button', { name: '导入打卡记录' }).click();
    await this.dialog().getByLabel('选择 Excel（.xlsx）或 CSV 文件').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  }

  async showMonth(yearMonth: string): Promise<void> {
    await this.page.getByLabel('月份').fill(yearMonth);
  }

  sheet() {
    return this.page.locator('table.attendance-sheet');
  }

  /** A row of the sheet by its index, and a day's cell in it by the date (the column's id). */
  dayCell(rowIndex: number, date: string) {
    return this.sheet().locator(`tbody tr[data-row-index="${rowIndex}"] td[data-date="${date}"]`);
  }

  totalCell(rowIndex: number, column: 'worked' | 'late' | 'absent') {
    return this.sheet().locator(`tbody tr[data-row-index="${rowIndex}"] td[data-col="${column}"]`);
  }

  async rowIndexOf(employeeNo: string): Promise<number> {
    const row = this.sheet().locator(`tbody tr[data-employee-no="${employeeNo}"]`);
    await expect(row).toHaveCount(1);
    return Number(await row.getAttribute('data-row-index'));
  }

  /** A person's day in the overtime list waiting for a decision, or in the decided list. */
  overtimeRow(list: 'waiting' | 'decided', employeeNo: string, date: string) {
    return this.page.locator(`table.overtime-${list} tbody tr[data-employee-no="${employeeNo}"][data-date="${date}"]`);
  }
}
