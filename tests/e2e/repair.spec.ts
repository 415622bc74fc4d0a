import { test, expect } from './fixtures.ts';
import { BoardPage } from './pages/board-page.ts';
import { RosterPage } from './pages/roster-page.ts';

// The frozen clock's Sunday: tomorrow is Monday 23 November, the first day of next week's roster.
const TOMORROW = '2026-11-23';
const ZONE = '农林水务';

interface Board {
  summary: { id: number; status: string };
  people: { staffId: number; name: string; employeeNo: string }[];
  duties: { staffId: number; date: string; shiftCode: string; postId: number; learner: boolean }[];
  coverage: { date: string; shiftCode: string; postId: number; required: number; assigned: number }[];
  changesSincePublication: number;
}

/** The post-shifts of a day whose demand is met: what a repair must keep met. */
function metSlots(board: Board, date: string): string[] {
  return board.coverage.filter((cell) => cell.date === date && cell.required > 0 && cell.assigned >= cell.required).map((cell) => `${cell.shiftCode}|${cell.postId}`);
}

test('someone called in sick tomorrow: the repair takes their duties off and keeps met demand met elsewhere', async ({ page, host }) => {
  test.setTimeout(180_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  await page.goto(host.url);
  await roster.generateZoneWeek(ZONE);
  await roster.publishButton().click();
  await expect(roster.status()).toContainText('已发布');
  await expect(board.board()).toBeVisible();

  const [newest] = await roster.api<{ id: number }[]>('roster/list', {});
  const before = await roster.api<Board>('board/get', { rosterId: newest!.id });
  const dutyTomorrow = before.duties.find((duty) => duty.date === TOMORROW);
  if (!dutyTomorrow) throw new Error('nobody is on duty tomorrow');
  const sick = before.people.find((person) => person.staffId === dutyTomorrow.staffId)!;
  const metBefore = metSlots(before, TOMORROW);
  expect(metBefore.length).toBeGreaterThan(0);

  await board.button('标记缺勤').click();
  const dialog = page.getByRole('dialog', { name: '标记缺勤并调整' });
  await dialog.getByLabel('人员').selectOption({ label: `${sick.name}（${sick.employeeNo}）` });
  await dialog.getByLabel('日期').selectOption(TOMORROW);
  await dialog.getByRole('radio', { name: '全天' }).check();
  await dialog.getByRole('radio', { name: '病假' }).check();
  await dialog.getByLabel('备注').fill('早上来电说发烧');
  await expect(dialog.getByTestId('repair-duties')).toContainText('当天安排：');
  await dialog.getByRole('button', { name: '计算调整方案' }).click();

  const proposal = dialog.getByTestId('repair-proposal');
  await expect(proposal).toBeVisible({ timeout: 90_000 });
  await expect(proposal).toContainText(`${sick.name} 11月23日 周一 全天 病假`);
  // Their own duties come off first, in plain words.
  // A seat reads by its window and shift: "11月23日 周一 张三：A03 上午 → 休".
  await expect(dialog.getByTestId('repair-moves').locator('li').first()).toContainText(new RegExp(`^11月23日 周一 ${sick.name}：\\S+ \\S+ → 休$`));
  await expect(dialog.getByTestId('repair-totals')).toContainText('调整前');
  await page.screenshot({ path: test.info().outputPath('repair-proposal.png') });
  await dialog.getByRole('button', { name: '应用调整' }).click();
  await expect(dialog).toBeHidden();

  const after = await roster.api<Board>('board/get', { rosterId: newest!.id });
  expect(after.duties.filter((duty) => duty.staffId === sick.staffId && duty.date === TOMORROW)).toEqual([]);
  // Under presence nobody is free to add on a working day: the absent person's own seats may stay
  // one short (cover only by moving someone off another seat); every other slot met before stays met.
  const ownSeats = new Set(before.duties.filter((duty) => duty.staffId === sick.staffId && duty.date === TOMORROW && !duty.learner).map((duty) => `${duty.shiftCode}|${duty.postId}`));
  const metAfter = new Set(metSlots(after, TOMORROW));
  for (const slot of metBefore.filter((met) => !ownSeats.has(met))) expect(metAfter.has(slot), `${slot} met before the absence`).toBe(true);
  // Published: the repair is listed among the changes since publication.
  expect(after.changesSincePublication).toBeGreaterThan(before.changesSincePublication);
  await expect(board.changesSincePublication()).toHaveText(`发布后变更 ${after.changesSincePublication} 条`);
});

test('a repair changes nothing until it is applied: Esc steps back to the absence, then closes', async ({ page, host }) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  await page.goto(host.url);
  await roster.generateZoneWeek(ZONE);
  const [newest] = await roster.api<{ id: number }[]>('roster/list', {});
  const before = await roster.api<Board>('board/get', { rosterId: newest!.id });
  const duty = before.duties.find((each) => each.date === TOMORROW)!;
  const person = before.people.find((each) => each.staffId === duty.staffId)!;

  await board.button('标记缺勤').click();
  const dialog = page.getByRole('dialog', { name: '标记缺勤并调整' });
  await dialog.getByLabel('人员').selectOption({ label: `${person.name}（${person.employeeNo}）` });
  await dialog.getByLabel('日期').selectOption(TOMORROW);
  // Enter from the note sends the form, as a lead types the note last.
  await dialog.getByLabel('备注').fill('家中急事');
  await dialog.getByLabel('备注').press('Enter');
  await expect(dialog.getByTestId('repair-proposal')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('button', { name: '计算调整方案' })).toBeVisible();
  await expect(dialog.getByLabel('备注')).toHaveValue('家中急事');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const after = await roster.api<Board>('board/get', { rosterId: newest!.id });
  expect(after.duties).toEqual(before.duties);
});

test('re-optimising the rest of the week shows its proposal and applies it in one step', async ({ page, host }) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  await page.goto(host.url);
  await roster.generateZoneWeek(ZONE);
  await expect(board.board()).toBeVisible();

  await board.button('重新优化').click();
  const dialog = page.getByRole('dialog', { name: '重新优化' });
  await expect(dialog).toContainText('已锁定 0 个班次。');
  await dialog.getByLabel('求解时限（秒）').fill('5');
  await dialog.getByRole('button', { name: '开始优化' }).click();
  await expect(dialog.getByTestId('repair-proposal')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('repair-status')).toContainText('求解结果：');
  await expect(dialog.getByTestId('repair-totals').locator('tr[data-total="unmet"] td')).toHaveCount(2);
  // A roster already at its best moves nobody: then there is nothing to apply, only 关闭.
  const moves = await dialog.getByTestId('repair-moves').locator('li').count();
  if (moves === 0) await expect(dialog).toContainText('不需要调整其他人。');
  await dialog.getByRole('button', { name: moves === 0 ? '关闭' : '应用调整' }).click();
  await expect(dialog).toBeHidden();
  await expect(board.board()).toBeVisible();
});
