import { expect, type Page } from '@playwright/test';

export class AppShell {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.page.getByRole('navigation')).toBeVisible();
  }

  async goTo(areaLabel: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: areaLabel }).click();
  }

  async switchLanguage(label: '中文' | 'English'): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: label }).click();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
