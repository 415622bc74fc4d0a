import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  backupRows(): Locator {
    return this.page.getByTestId('backups').locator('tbody tr');
  }

  async backUpNow(): Promise<void> {
    await this.page.getByRole('button', { name: /立即备份|Back up now/ }).click();
  }

  /** Restores the named backup, accepting the confirmation the app asks for. */
  async restore(fileNamePart: RegExp): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.backupRows().filter({ hasText: fileNamePart }).getByRole('button').click();
  }
}
