import { expect, type Locator, type Page } from '@playwright/test';

/** 请假考勤 → 请假: requests are rows found by the person's name; the dialog by its title. */
export class LeavePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: /请假考勤|Leave & attendance/ }).click();
    await this.page.getByRole('tab', { name: /^(请假|Leave)$/ }).click();
    await expect(this.page.getByRole('table', { name: /请假申请|Requests/ })).toBeVisible();
  }

  async showMonth(month: string): Promise<void> {
    await this.page.getByLabel(/月份|Month/).fill(month);
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: /新建请假申请|New leave request/ });
  }

  row(name: string): Locator {
    return this.page.getByRole('table', { name: /请假申请|Requests/ }).getByRole('row').filter({ hasText: name });
  }

  async request(input: { search: string; type: string; from: string; to: string; reason: string }): Promise<void> {
    await this.page.getByRole('button', { name: /新建请假|New leave request/ }).click();
    const dialog = this.dialog();
    await dialog.getByLabel(/搜索姓名或工号/).fill(input.search);
    const person = dialog.getByLabel(/^人员/);
    await person.selectOption({ index: 1 });
    await dialog.getByLabel(/请假类型/).selectOption({ label: input.type });
    await dialog.getByLabel(/开始日期/).fill(input.from);
    await dialog.getByLabel(/结束日期/).fill(input.to);
    await dialog.getByLabel(/事由/).fill(input.reason);
  }
}
