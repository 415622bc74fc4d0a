import { test, expect } from './fixtures.ts';
import { LeavePage } from './pages/leave-page.ts';

test('requests annual leave through the screen, across 国庆, and approves it', async ({ page, shell }) => {
  void shell;
  // The page's own bridge picks someone hired long enough ago to have annual leave.
  type Bridge = { api: { invoke(channel: string, arg: unknown): Promise<{ ok: boolean; value?: unknown }> } };
  const staff = await page.evaluate(() => (window as unknown as Bridge).api.invoke('staff/list', {}));
  if (!staff.ok) throw new Error('staff/list refused');
  const person = (staff.value as { name: string; employeeNo: string; status: string; hireDate: string }[]).find(
    (s) => s.status !== 'departed' && s.hireDate <= '2024-01-01',
  )!;
  const leave = new LeavePage(page);
  await leave.open();
  await leave.request({ search: person.employeeNo, type: '年休假', from: '2026-09-30', to: '2026-10-09', reason: '国庆前后休假' });
  const dialog = leave.dialog();
  // 9/30, 10/8, 10/9: the holiday week is not leave.
  await expect(dialog.getByTestId('leave-days')).toHaveText('共计 3 天');
  await expect(dialog.getByTestId('leave-balance')).toContainText('2026 年年休假');
  const conflicts = dialog.getByTestId('leave-conflicts');
  const submit = dialog.getByRole('button', { name: '提交申请' });
  if (await conflicts.isVisible()) {
    await expect(submit).toBeDisabled();
    await conflicts.getByLabel('我已知悉，仍然提交').check();
  }
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已提交 ${person.name} 的请假申请。`)).toBeVisible();

  await leave.showMonth('2026-10');
  const row = leave.row(person.name);
  await expect(row.getByTestId('leave-status')).toHaveText('待审批');
  await expect(row).toContainText('2026-09-30 ～ 2026-10-09');
  await row.getByRole('button', { name: '批准' }).click();
  await expect(row.getByTestId('leave-status')).toHaveText('已批准');
  await expect(row.getByRole('button', { name: '批准' })).toHaveCount(0);
  await page.reload();
  await leave.open();
  await leave.showMonth('2026-09');
  await expect(leave.row(person.name).getByTestId('leave-status')).toHaveText('已批准');
});

test('a rejection asks for its reason, from the keyboard', async ({ page, shell }) => {
  void shell;
  const leave = new LeavePage(page);
  await leave.open();
  await leave.request({ search: '', type: '事假', from: '2026-11-23', to: '2026-11-23', reason: '搬家' });
  const dialog = leave.dialog();
  await expect(dialog.getByTestId('leave-days')).toHaveText('共计 1 天');
  const conflicts = dialog.getByTestId('leave-conflicts');
  if (await conflicts.isVisible()) await conflicts.getByLabel('我已知悉，仍然提交').check();
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator('.leave-row').first();
  await row.getByRole('button', { name: '驳回' }).focus();
  await page.keyboard.press('Enter');
  const reject = page.getByRole('dialog', { name: '驳回请假申请' });
  await expect(reject.getByRole('button', { name: '确认驳回' })).toBeDisabled();
  await page.keyboard.type('当天窗口人手不足');
  await page.keyboard.press('Enter');
  await expect(reject).toBeHidden();
  await expect(row.getByTestId('leave-status')).toHaveText('已驳回');
  await expect(row).toContainText('当天窗口人手不足');
});
