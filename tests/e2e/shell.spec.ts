import { test, expect } from './fixtures.ts';

test('switches to English and keeps it after a reload', async ({ page, shell, staff }) => {
  await shell.switchLanguage('English');
  await expect(shell.heading()).toHaveText('Staff records');
  await expect(page.getByRole('navigation')).toContainText('Skill matrix');
  await expect(page.locator('.ag-header-cell[col-id="name"]')).toContainText('Name');
  await page.reload();
  // A reload opens on the overview again, still in English.
  await expect(shell.heading()).toHaveText('Today');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shell.goTo('Staff records');
  await expect(staff.count()).toHaveText(/shown \(\d+ in all\)/);
  await shell.switchLanguage('中文');
  await expect(shell.heading()).toHaveText('人员档案');
});

test('opens on today\'s overview, each figure a step from the area that deals with it', async ({ shell, page }) => {
  await expect(shell.heading()).toHaveText('今日概览');
  await expect(page.getByRole('button', { name: '今日概览' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('card-duty')).toContainText('%');
  await page.getByTestId('card-leave').getByRole('button', { name: '去审批 →' }).click();
  await expect(shell.heading()).toHaveText('请假考勤');
});

test('reaches areas and the new-staff form from the keyboard', async ({ page, shell, staff }) => {
  await page.keyboard.press('Alt+8');
  await expect(shell.heading()).toHaveText('设置');
  await page.keyboard.press('Alt+7');
  await expect(shell.heading()).toHaveText('报表');
  await page.keyboard.press('Alt+1');
  await expect(shell.heading()).toHaveText('今日概览');
  await page.keyboard.press('Alt+2');
  await expect(shell.heading()).toHaveText('人员档案');
  await page.keyboard.press('Alt+n');
  await expect(staff.dialog()).toBeVisible();
  await expect(staff.dialog().getByLabel(/^工号/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(staff.dialog()).toBeHidden();
});
