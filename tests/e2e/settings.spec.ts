import { test, expect } from './fixtures.ts';
import { validResidentId } from '../support/people.ts';

test('backs up on demand and restores a backup', async ({ page, shell, staff, settings }) => {
  await shell.goTo('设置');
  await expect(page.getByRole('main')).toContainText('centre.sqlite3');
  await settings.backUpNow();
  await expect(page.getByRole('status')).toContainText('已备份');
  await expect(settings.backupRows()).toHaveCount(1);

  await shell.goTo('人员档案');
  await page.getByRole('button', { name: '新增人员' }).click();
  await staff.dialog().getByLabel(/^工号/).fill('ZW0888');
  await staff.dialog().getByLabel(/^姓名/).fill('周备份');
  await staff.dialog().getByLabel(/^性别/).selectOption({ label: '男' });
  await staff.dialog().getByLabel(/^手机号/).fill('13700001234');
  await staff.dialog().getByLabel(/^身份证号/).fill(validResidentId('1990-01-01', 'M'));
  await staff.dialog().getByLabel(/^所属区域/).selectOption({ label: '公安司法' });
  await staff.save();
  await expect(staff.dialog()).toBeHidden();

  await shell.goTo('设置');
  await settings.restore(/manual/);
  // The restored file is opened afresh: the app starts again on its overview.
  await expect(shell.heading()).toHaveText('今日概览');
  await shell.goTo('人员档案');
  await staff.search('ZW0888');
  await expect(staff.rows()).toHaveCount(0);
  await shell.goTo('设置');
  await expect(settings.backupRows().filter({ hasText: 'before-restore' })).toHaveCount(1);
});
