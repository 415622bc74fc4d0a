import { expect, type Locator, type Page } from '@playwright/test';

/** 请假考勤 → 工作日历 and 营业时间与班次: days are found by their ISO date, shifts by their code. */
export class CalendarPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: /请假考勤|Leave & attendance/ }).click();
    await this.page.getByRole('tab', { name: /工作日历|Working calendar/ }).click();
    await expect(this.page.locator('.calendar-month').first()).toBeVisible();
  }

  async openShifts(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: /请假考勤|Leave & attendance/ }).click();
    await this.page.getByRole('tab', { name: /营业时间与班次|Hours & shifts/ }).click();
    await expect(this.shiftRow('AM')).toBeVisible();
  }

  day(date: string): Locator {
    return this.page.locator(`.calendar-day[data-date="${date}"]`);
  }

  yearTitle(): Locator {
    return this.page.locator('.calendar-year-title');
  }

  async nextYear(): Promise<void> {
    await this.page.getByRole('button', { name: /下一年|Next year/ }).click();
  }

  /** The tab opens on the hall's current year; tests name the year they look at. */
  async goToYear(year: number): Promise<void> {
    for (let step = 0; step < 20; step += 1) {
      const shown = Number(/\d{4}/.exec((await this.yearTitle().textContent()) ?? '')?.[0]);
      if (shown === year) break;
      await this.page.getByRole('button', { name: shown < year ? /下一年|Next year/ : /上一年|Previous year/ }).click();
      await expect(this.yearTitle()).toContainText(String(shown < year ? shown + 1 : shown - 1));
    }
    await expect(this.yearTitle()).toHaveText(`${year} 年`);
    await expect(this.day(`${year}-01-01`)).toBeVisible();
  }

  unconfirmedBanner(): Locator {
    return this.page.locator('.calendar-banner-unconfirmed');
  }

  confirmedBanner(): Locator {
    return this.page.locator('.calendar-banner-confirmed');
  }

  noticeDialog(): Locator {
    return this.page.getByRole('dialog', { name: /放假通知|Holiday notice/ });
  }

  holidayRow(index: number): Locator {
    return this.noticeDialog().locator(`.notice-holiday[data-row="${index}"]`);
  }

  makeupRow(index: number): Locator {
    return this.noticeDialog().locator(`.notice-makeup[data-row="${index}"]`);
  }

  shiftRow(code: string): Locator {
    return this.page.locator(`tr[data-shift="${code}"]`);
  }
}
