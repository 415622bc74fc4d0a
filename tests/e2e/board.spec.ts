import { test, expect } from './fixtures.ts';
import { BoardPage } from './pages/board-page.ts';
import { RosterPage } from './pages/roster-page.ts';

// The frozen clock's Sunday; the toolbar offers the next week, Monday 23 November, by default.
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
// A small zone: its week solves in seconds, and its board fits on one screen.
const ZONE = '农林水务';
const INTAKE = '农林水务收件';
const TIME_LIMIT = 10;

/** Next week's roster of one small zone, generated through the toolbar as a dispatcher does. */
async function generateZoneWeek(roster: RosterPage): Promise<void> {
  await roster.generateZoneWeek(ZONE, TIME_LIMIT);
}

/** Someone qualified for the zone's intake, on approved annual leave on Tuesday: the roster leaves them off. */
async function onLeaveTuesday(roster: RosterPage): Promise<string> {
  const postId = await roster.postId(INTAKE);
  const matrix = await roster.api<{ rows: { staffId: number; name: string; status: string; homeZoneId: number; cells: Record<string, { level: number }> }[]; skills: { id: number; zoneId: number | null }[] }>('skills/matrix', {});
  // Of the zone itself: the week is generated for the zone's people only, and the board lists them.
  const zoneId = matrix.skills.find((post) => post.id === postId)?.zoneId;
  const person = matrix.rows.find((row) => row.status === 'active' && row.homeZoneId === zoneId && (row.cells[String(postId)]?.level ?? 0) >= 2);
  if (!person) throw new Error(`nobody qualified for ${INTAKE}`);
  const request = await roster.api<{ id: number; version: number }>('leave/request', {
    staffId: person.staffId, type: 'personal', from: TUESDAY, to: TUESDAY, part: 'full', reason: '家中有事', acknowledgeConflicts: true,
  });
  await roster.api('leave/decide', { id: request.id, version: request.version, decision: 'approved', acknowledgeConflicts: true });
  return person.name;
}

test('edits a seat through the cell editor, undoes and redoes it, closes the editor with Esc, and pins with P', async ({ page, host }) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  await page.goto(host.url);
  await generateZoneWeek(roster);
  await expect(board.board()).toBeVisible();
  await board.view('按窗口');
  await page.screenshot({ path: 'test-results/board-by-window.png' });

  // Under presence everyone present already holds the morning, so nobody is free: a clean choice
  // seats someone from another seat (the backend's ops swap them with whoever sits here). The facts
  // are the seat's people.
  const col = `${MONDAY}|AM`;
  const seat = board.cell('window', 1, col);
  const code = await board.firstWindowCode();
  const people = async () => ((await seat.textContent()) ?? '').trim();
  const before = await people();
  await board.press('window', 1, col, 'Enter');
  await expect(board.editor()).toBeVisible();
  const clean = board.choices().filter({ hasText: '符合规则' }).first();
  await expect(clean).toBeVisible();
  const chosen = ((await clean.locator('.choice-label').textContent()) ?? '').replace(/ \([AB]\)$/, '');
  expect(before).not.toContain(chosen);
  await page.screenshot({ path: 'test-results/board-editor.png' });
  await clean.click();
  await expect(board.editor()).toBeHidden();
  // The notice names the window by its code: "→ A03 农林水务收件".
  await expect(board.notice()).toContainText(`11月23日 周一 上午 ${chosen}：`);
  await expect(board.notice()).toContainText(`→ ${code} ${INTAKE}`);
  await expect.poll(people).toContain(chosen);

  await board.button('撤销').click();
  await expect(board.notice()).toContainText('已撤销：');
  await expect.poll(people).toBe(before);
  await board.cell('window', 1, col).click();
  await page.keyboard.press('Control+y');
  await expect(board.notice()).toContainText('已重做：');
  await expect.poll(people).toContain(chosen);
  await page.keyboard.press('Control+z');
  await expect.poll(people).toBe(before);

  // F2 opens the editor too and Esc closes it with nothing saved; P pins the seat's duties and unpins them.
  await board.press('window', 1, col, 'F2');
  await expect(board.editor()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(board.editor()).toBeHidden();
  await expect.poll(people).toBe(before);
  await board.press('window', 1, col, 'p');
  await expect(board.notice()).toContainText('已锁定');
  await expect(seat.locator('.pin-mark').first()).toBeVisible();
  await board.press('window', 1, col, 'p');
  await expect(board.notice()).toContainText('已解除锁定');
  await expect(seat.locator('.pin-mark')).toHaveCount(0);
});

test('a seat for someone on leave shows the breach; overridden with a reason, the reason stays on the cell', async ({ page, host }) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  const away = await onLeaveTuesday(roster);
  await page.goto(host.url);
  await generateZoneWeek(roster);
  await page.screenshot({ path: 'test-results/board-by-person.png' });

  const row = await board.personRow(away);
  const tuesday = board.cell('person', row, TUESDAY);
  await expect(tuesday).toContainText('事假');
  await board.press('person', row, TUESDAY, 'Enter');
  await expect(board.editor()).toBeVisible();
  await board.editor().getByRole('option').filter({ hasText: INTAKE.slice(ZONE.length) }).first().click();

  const override = board.overrideDialog();
  await expect(override).toBeVisible();
  await expect(override).toContainText('假');
  await expect(tuesday).toHaveClass(/cell-breach/);
  await override.getByRole('button', { name: '确认修改' }).click();
  await expect(override.getByRole('alert')).toHaveText('请写明原因。');
  await override.getByLabel('原因（必填）').fill('窗口排队过长，本人同意销假到岗');
  await override.getByRole('button', { name: '确认修改' }).click();
  await expect(override).toBeHidden();
  await expect(tuesday).toHaveClass(/cell-overridden/);
  await expect(tuesday.locator('.board-cell')).toHaveAttribute('title', /窗口排队过长，本人同意销假到岗/);

  await page.reload();
  await roster.open();
  await roster.tab(/^最近排班/);
  await roster.recentRows().first().getByRole('button').first().click();
  await expect(board.board()).toBeVisible();
  const again = board.cell('person', await board.personRow(away), TUESDAY);
  await expect(again).toHaveClass(/cell-overridden/);
  await expect(again.locator('.board-cell')).toHaveAttribute('title', /窗口排队过长，本人同意销假到岗/);
});

test('after publishing, a change asks why and is listed with who, when, what and why', async ({ page, host }) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  await page.goto(host.url);
  await generateZoneWeek(roster);
  await roster.publishButton().click();
  await expect(roster.status()).toHaveText('已发布');
  await expect(board.changesSincePublication()).toHaveText('发布后变更 0 条');

  // Take someone's Monday duties off with Delete.
  const onDuty = board.grid('person').locator(`.ag-cell[col-id="${MONDAY}"]`).filter({ has: page.locator('.duty') }).first();
  const rowIndex = Number(await onDuty.locator('xpath=..').getAttribute('row-index'));
  const name = (await board.cell('person', rowIndex, 'name').textContent())?.trim() ?? '';
  await board.press('person', rowIndex, MONDAY, 'Delete');
  const why = page.getByRole('dialog', { name: /说明修改原因|此修改违反排班规则/ });
  await expect(why).toBeVisible();
  await why.getByRole('textbox').fill('临时借调到咨询台');
  await why.getByRole('button', { name: /保存修改|确认修改/ }).click();
  await expect(why).toBeHidden();
  await expect(board.changesSincePublication()).toHaveText('发布后变更 1 条');

  await board.changesSincePublication().click();
  await expect(page.getByRole('checkbox', { name: '发布后的变更' })).toBeChecked();
  await expect(board.changeRows()).toHaveCount(1);
  const change = board.changeRows().first();
  await expect(change.locator('[data-col="actor"]')).not.toBeEmpty();
  await expect(change.locator('[data-col="at"]')).toHaveText(/^2026-11-22 \d\d:\d\d$/);
  await expect(change.locator('[data-col="moves"]')).toContainText(`11月23日 周一`);
  await expect(change.locator('[data-col="moves"]')).toContainText(`${name}：`);
  await expect(change.locator('[data-col="moves"]')).toContainText('→ 休');
  await expect(change.locator('[data-col="reason"]')).toHaveText('临时借调到咨询台');
  await expect(change.locator('[data-col="kind"]')).toContainText('编辑');
  await page.screenshot({ path: 'test-results/board-changes.png' });
});

test('puts a person on a window through the editor; after a reload they still sit at that window by window', async ({ page, host }) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  // Someone off on Tuesday (on leave: the roster leaves them off), put back on a window by hand.
  const away = await onLeaveTuesday(roster);
  await page.goto(host.url);
  await generateZoneWeek(roster);

  const row = await board.personRow(away);
  await board.press('person', row, TUESDAY, 'Enter');
  await expect(board.editor()).toBeVisible();
  // The editor offers the windows of the post: "W03 · 收件", with who sits there now.
  const windows = board.choices().filter({ hasText: ` · ${INTAKE.slice(ZONE.length)}` });
  await expect(windows.first()).toBeVisible();
  const free = windows.filter({ hasText: '窗口空着' });
  const choice = (await free.count()) > 0 ? free.first() : windows.first();
  const code = ((await choice.locator('.choice-label').textContent()) ?? '').split(' · ')[0]!.trim();
  expect(code).not.toBe('');
  await choice.click();

  // Leave (and whoever is moved off the window) are breaches: accepted with a reason.
  const override = board.overrideDialog();
  await expect(override).toBeVisible();
  await override.getByLabel('原因（必填）').fill('本人销假，到窗口顶岗');
  await override.getByRole('button', { name: '确认修改' }).click();
  await expect(override).toBeHidden();
  await expect(board.notice()).toContainText(`${away}：休 → ${code} ${INTAKE}`);

  await page.reload();
  await roster.open();
  await roster.tab(/^最近排班/);
  await roster.recentRows().first().getByRole('button').first().click();
  await expect(board.board()).toBeVisible();
  await board.view('按窗口');
  // Stored with the window chosen, and shown in that window's row on Tuesday morning.
  const [newest] = await roster.api<{ id: number }[]>('roster/list', {});
  const stored = await roster.api<{ people: { staffId: number; name: string }[]; zones: { windows: { id: number; code: string }[] }[]; duties: { staffId: number; date: string; shiftCode: string; windowId: number | null }[] }>('board/get', { rosterId: newest!.id });
  const staffId = stored.people.find((person) => person.name === away)!.staffId;
  const windowId = stored.zones.flatMap((zone) => zone.windows).find((window) => window.code === code)!.id;
  expect(stored.duties).toContainEqual(expect.objectContaining({ staffId, date: TUESDAY, shiftCode: 'AM', windowId }));
  const seatRow = board.grid('window').locator('.ag-row').filter({ has: page.locator('.ag-cell[col-id="window"]', { hasText: new RegExp(`^${code}$`) }) });
  await expect(seatRow.locator(`.ag-cell[col-id="${TUESDAY}|AM"]`).first()).toContainText(away);
});
