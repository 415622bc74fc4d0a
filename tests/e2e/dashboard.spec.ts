import { test, expect } from './fixtures.ts';
import { RosterPage } from './pages/roster-page.ts';

interface DutyMonth {
  centre: { ratePercent: number | null };
}

test('the morning overview: leave waiting, the month’s on-duty rate against its target, thin skills, and a click to where each is dealt with', async ({ page, host, shell }) => {
  const api = new RosterPage(page, host.url);
  const matrix = await api.api<{ rows: { staffId: number; name: string; status: string }[] }>('skills/matrix', {});
  const person = matrix.rows.find((row) => row.status === 'active')!;
  await api.api('leave/request', { staffId: person.staffId, type: 'annual', from: '2026-12-07', to: '2026-12-08', part: 'full', reason: '探亲', acknowledgeConflicts: true });
  const duty = await api.api<DutyMonth>('duty/month', { year: 2026, month: 11 });
  await page.reload();

  await expect(shell.heading()).toHaveText('今日概览');
  const leave = page.getByTestId('card-leave');
  await expect(leave.locator('.card-figure')).toHaveText('1');
  await expect(leave).toContainText(`${person.name} 年休假 12-07–12-08`);
  const rate = page.getByTestId('card-duty');
  await expect(rate.locator('.card-figure')).toHaveText(`${duty.centre.ratePercent}%`);
  await expect(rate).toContainText('合同目标 98%');
  await expect(page.getByRole('figure', { name: /11 月各区域在岗率/ })).toBeVisible();
  await expect(page.getByTestId('card-gaps')).toContainText('今天不是工作日。');
  await expect(page.getByTestId('card-spof')).toContainText(/\d+ 项窗口技能少于 2 名合格人员/);

  await leave.getByRole('button', { name: '去审批 →' }).click();
  await expect(shell.heading()).toHaveText('请假考勤');
  await expect(page.getByRole('main')).toContainText(person.name);
});
