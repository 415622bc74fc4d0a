import { test, expect } from './fixtures.ts';
import { LeavePage } from './pages/leave-page.ts';
import { validResidentId } from '../support/people.ts';

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

test('the time account of one person, from a Saturday worked to a 调休 taken, and one beyond the balance refused', async ({ page, host, shell }) => {
  void shell;
  const api = async (channel: string, argument: unknown): Promise<unknown> => {
    const response = await page.request.post(`${host.url}api/${encodeURIComponent(channel)}`, { data: argument });
    const envelope = (await response.json()) as { ok: boolean; value: unknown };
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
    return envelope.value;
  };
  // A person of our own (no demo punches), who punched a whole Saturday, 14 November (7.5 h);
  // the vendor keeps banked hours three months.
  const created = (await api('staff/create', {
    staff: {
      employeeNo: 'E2E31', name: '调休测试', gender: 'F', phone: '13800138000', idNumber: validResidentId('1995-06-15', 'F', '330106', '31'), hireDate: '2026-03-01',
      status: 'active', homeZoneId: 1, primaryPostId: null, contractType: 'standard', weeklyHourCap: 40, wageGrade: 2,
    },
  })) as { id: number };
  const csv = ['工号,打卡时间,设备', ...['08:25', '12:01', '13:25', '17:32'].map((time) => `E2E31,2026-11-14 ${time}:00,大厅1号机`)].join('\r\n');
  await api('punches/apply', { fileName: 'punches.csv', base64: Buffer.from(csv, 'utf8').toString('base64'), goodRowsOnly: false });
  // An unrostered Saturday earns only as approved overtime (工资支付暂行规定 art. 13): planned and approved.
  const plan = (await api('overtime/request', { staffId: created.id, date: '2026-11-14', startsAt: 480, endsAt: 1080, reason: '周六加班' })) as { requestId: number };
  await api('overtime/decide', { requestId: plan.requestId, decision: 'approved', note: '' });
  const settings = (await api('cost/settings', {})) as Record<string, unknown>;
  const { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades } = settings;
  await api('cost/settings', { set: { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades, timeAccount: { expiry: 'months', months: 3, onExpiry: 'payout' } } });

  const leave = new LeavePage(page);
  await leave.open();
  const showAccount = async () => {
    await page.getByRole('button', { name: '调休账户', exact: true }).click();
    await page.locator('.time-account').getByLabel(/^人员/).selectOption({ label: '调休测试 E2E31' });
  };
  await showAccount();
  const entries = page.getByRole('table', { name: '调休账户' });
  await expect(page.getByText('调休余额 7.5 小时')).toBeVisible();
  await expect(entries.getByRole('row').filter({ hasText: '休息日加班（存入）' })).toContainText('+7.5');
  await expect(entries.getByRole('row').filter({ hasText: '休息日加班（存入）' })).toContainText('2027-01-31');

  // A half day of 调休 on Monday 23 November, requested and approved.
  await page.getByRole('button', { name: '请假申请', exact: true }).click();
  await leave.request({ search: 'E2E31', type: '调休/补休', from: '2026-11-23', to: '2026-11-23', reason: '调休' });
  const dialog = leave.dialog();
  await dialog.getByLabel('上午').check();
  await expect(dialog.getByTestId('leave-days')).toHaveText('共计 0.5 天');
  const conflicts = dialog.getByTestId('leave-conflicts');
  if (await conflicts.isVisible()) await conflicts.getByLabel('我已知悉，仍然提交').check();
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog).toBeHidden();
  await leave.showMonth('2026-11');
  const row = leave.row('调休测试');
  await row.getByRole('button', { name: '批准' }).click();
  await expect(row.getByTestId('leave-status')).toHaveText('已批准');

  await showAccount();
  await expect(page.getByText('调休余额 3.5 小时')).toBeVisible();
  await expect(entries.getByRole('row').filter({ hasText: '调休假（支取）' })).toContainText('−4.0');
  await expect(entries.getByRole('row').filter({ hasText: '调休假（支取）' })).toContainText('3.5');
  await expect(entries.getByRole('row')).toHaveCount(3);

  // A whole day more is beyond what is left: refused, saying the balance.
  await page.getByRole('button', { name: '请假申请', exact: true }).click();
  await leave.request({ search: 'E2E31', type: '调休/补休', from: '2026-11-24', to: '2026-11-24', reason: '调休' });
  if (await conflicts.isVisible()) await conflicts.getByLabel('我已知悉，仍然提交').check();
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog.getByRole('alert')).toContainText('调休余额为 3.5 小时，不足本次申请的 8 小时');
});
