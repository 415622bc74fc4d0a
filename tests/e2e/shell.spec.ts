import { test, expect } from './fixtures.ts';

test('switches to English and keeps it after a reload', async ({ page, shell, staff }) => {
  await shell.switchLanguage('English');
  await expect(shell.heading()).toHaveText('Staff records');
  await expect(page.getByRole('navigation')).toContainText('Skill matrix');
  await expect(page.locator('.ag-header-cell[col-id="name"]')).toContainText('Name');
  await page.reload();
  await expect(shell.heading()).toHaveText('Staff records');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(staff.count()).toHaveText(/shown \(\d+ in all\)/);
  await shell.switchLanguage('中文');
  await expect(shell.heading()).toHaveText('人员档案');
});

test('says plainly that an unbuilt area is not available yet', async ({ shell, page }) => {
  await shell.goTo('报表');
  await expect(shell.heading()).toHaveText('「报表」尚未开放');
  await expect(page.getByRole('main')).toContainText('后续版本');
  await expect(page.getByRole('button', { name: '报表' })).toHaveAttribute('aria-current', 'page');
});

test('reaches areas and the new-staff form from the keyboard', async ({ page, shell, staff }) => {
  await page.keyboard.press('Alt+7');
  await expect(shell.heading()).toHaveText('设置');
  await page.keyboard.press('Alt+1');
  await expect(shell.heading()).toHaveText('人员档案');
  await page.keyboard.press('Alt+n');
  await expect(staff.dialog()).toBeVisible();
  await expect(staff.dialog().getByLabel(/^工号/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(staff.dialog()).toBeHidden();
});
