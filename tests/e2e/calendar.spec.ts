import { test, expect } from './fixtures.ts';
import { CalendarPage } from './pages/calendar-page.ts';
import { PrintPage } from './pages/print-page.ts';
import { RosterPage } from './pages/roster-page.ts';

test('2026 shows the National Day holiday and the Saturday worked after it', async ({ page, shell }) => {
  void shell;
  const calendar = new CalendarPage(page);
  await calendar.open();
  await calendar.goToYear(2026);
  await expect(calendar.confirmedBanner()).toBeVisible();
  for (const date of ['2026-10-01', '2026-10-02', '2026-10-03']) await expect(calendar.day(date)).toHaveAttribute('data-kind', 'statutory');
  await expect(calendar.day('2026-10-05')).toHaveAttribute('data-kind', 'holiday_rest');
  await expect(calendar.day('2026-10-01')).toHaveAttribute('title', /国庆节/);
  await expect(calendar.day('2026-10-10')).toHaveAttribute('data-kind', 'makeup');
  await expect(calendar.day('2026-10-10')).toHaveAttribute('title', /调休上班/);
});

test('2027 is provisional until its notice is entered: a roster into it is labelled, and confirming the notice lists it for review', async ({ page, host, shell }) => {
  void shell;
  // A published roster of the first week of 2027, made on the provisional year (09 a Saturday, a rest day).
  const roster = new RosterPage(page, host.url);
  const file = await roster.validRosterFile(['农林水务'], '2027-01-04');
  const zoneId = (await roster.api<{ zones: { id: number; nameZh: string }[] }>('centre/get', {})).zones.find((zone) => zone.nameZh === '农林水务')!.id;
  const made = await roster.api<{ id: number }>('roster/importRoster', { from: '2027-01-04', days: 7, zoneIds: [zoneId], fileName: 'r.json', base64: Buffer.from(JSON.stringify(file)).toString('base64') });
  await roster.api('roster/publish', { rosterId: made.id });

  await roster.open();
  await roster.tab(/最近排班/);
  await page.getByRole('button', { name: /打开 2027年1月4日/ }).click();
  await expect(page.getByTestId('provisional-label')).toContainText('节假日安排待国务院通知确认');
  await expect(page.getByTestId('provisional-label')).toContainText('2027 年的放假通知尚未确认');
  // And on paper: the printed weekly schedule carries the same words.
  const print = new PrintPage(page);
  await print.open(page.getByTestId('roster-board'));
  await expect(print.document().getByTestId('print-provisional')).toContainText('节假日安排待国务院通知确认');
  await print.close();

  const calendar = new CalendarPage(page);
  await calendar.open();
  await calendar.goToYear(2027);
  await expect(calendar.unconfirmedBanner()).toContainText('2027 年为暂定日历：节假日安排待国务院通知确认');
  await expect(calendar.day('2027-01-01')).toHaveAttribute('data-kind', 'statutory');
  await expect(calendar.day('2027-02-05')).toHaveAttribute('data-kind', 'statutory');
  await expect(calendar.day('2027-01-09')).toHaveAttribute('data-kind', 'weekend');

  await calendar.unconfirmedBanner().getByRole('button', { name: '录入放假通知' }).click();
  const dialog = calendar.noticeDialog();
  // The form starts from the provisional year's statutory days, 元旦 first.
  const holiday = calendar.holidayRow(0);
  await expect(holiday.getByLabel('假期名称')).toHaveValue('元旦');
  await holiday.getByLabel('放假开始').fill('2027-01-01');
  await holiday.getByLabel('放假结束').fill('2027-01-03');
  await holiday.getByRole('checkbox', { name: '01-01' }).check();
  // A make-up day on a weekday is refused, and the form says which entry is wrong.
  await dialog.getByRole('button', { name: /添加调休上班日/ }).click();
  await calendar.makeupRow(0).getByLabel('日期').fill('2027-01-04');
  await calendar.makeupRow(0).getByLabel('所属假期').fill('元旦');
  await dialog.getByRole('button', { name: '保存并确认' }).click();
  await expect(calendar.makeupRow(0)).toContainText('调休上班日须为周六或周日');
  await calendar.makeupRow(0).getByLabel('日期').fill('2027-01-09');
  await dialog.getByRole('button', { name: '保存并确认' }).click();

  await expect(dialog).toBeHidden();
  await expect(calendar.unconfirmedBanner()).toBeHidden();
  await expect(calendar.confirmedBanner()).toContainText('2027 年已确认');
  await expect(calendar.day('2027-01-01')).toHaveAttribute('data-kind', 'statutory');
  await expect(calendar.day('2027-01-02')).toHaveAttribute('data-kind', 'holiday_rest');
  await expect(calendar.day('2027-01-09')).toHaveAttribute('data-kind', 'makeup');
  // The Saturday the notice makes a working day changes the published roster: listed for review.
  const review = page.getByTestId('calendar-review');
  await expect(review).toContainText(`排班 #${made.id}（2027-01-04 至 2027-01-10）`);
  await expect(review).toContainText('2027-01-09：休息日 → 工作日 · 元旦');

  // The roster screen lists it too, and the roster is no longer provisional.
  await roster.open();
  await expect(page.getByTestId('calendar-review')).toContainText(`排班 #${made.id}`);
  await roster.tab(/最近排班/);
  await page.getByRole('button', { name: /打开 2027年1月4日/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '排班' })).toBeVisible();
  await expect(page.getByTestId('provisional-label')).toHaveCount(0);
});

test('corrects a single day of a confirmed year', async ({ page, shell }) => {
  void shell;
  const calendar = new CalendarPage(page);
  await calendar.open();
  await calendar.goToYear(2026);
  await calendar.day('2026-12-31').click();
  const dialog = page.getByRole('dialog', { name: '更正 2026-12-31' });
  await dialog.getByLabel('类型').selectOption('holiday_rest');
  await dialog.getByLabel('所属假期').fill('元旦');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(calendar.day('2026-12-31')).toHaveAttribute('data-kind', 'holiday_rest');
  await expect(calendar.day('2026-12-31')).toHaveClass(/is-corrected/);
});

test('changes a shift template\'s times and the windows it opens', async ({ page, shell }) => {
  void shell;
  const calendar = new CalendarPage(page);
  await calendar.openShifts();
  const noon = calendar.shiftRow('NOON');
  await expect(noon.locator('[data-col="startsAt"]')).toHaveText('12:00');
  await noon.getByRole('button', { name: '编辑班次 NOON' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑班次 NOON' });
  await dialog.getByLabel('结束').fill('12:00');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('结束时间须晚于开始时间');
  await dialog.getByLabel('开始').fill('11:45');
  await dialog.getByLabel('结束').fill('13:45');
  // The demo's lunch cover opens a window in every zone: clear them all, then open one zone's.
  const zones = dialog.locator('.zone-tree > li');
  for (let index = 0; index < (await zones.count()); index += 1) {
    const box = zones.nth(index).getByRole('checkbox').first();
    await box.check();
    await box.uncheck();
  }
  await expect(dialog.locator('.zone-tree input[type="checkbox"]:checked')).toHaveCount(0);
  await zones.first().getByRole('checkbox').first().check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(noon.locator('[data-col="startsAt"]')).toHaveText('11:45');
  await expect(noon.locator('[data-col="endsAt"]')).toHaveText('13:45');
  await expect(noon).toContainText('1 个区域');
  await page.reload();
  await calendar.openShifts();
  await expect(calendar.shiftRow('NOON').locator('[data-col="endsAt"]')).toHaveText('13:45');
});

test('walks the calendar from the keyboard: one Tab stop, arrows by day and week', async ({ page, shell }) => {
  void shell;
  await page.getByRole('navigation').getByRole('button', { name: '请假考勤' }).click();
  await page.getByRole('tab', { name: '工作日历' }).click();
  const focusable = page.locator('.calendar-months [data-date][tabindex="0"]');
  await expect(focusable).toHaveCount(1);
  const start = (await focusable.getAttribute('data-date')) ?? '';
  await focusable.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const expected = new Date(Date.parse(`${start}T00:00:00Z`) + 8 * 86_400_000).toISOString().slice(0, 10);
  if (expected.slice(0, 4) === start.slice(0, 4)) {
    await expect(page.locator(':focus')).toHaveAttribute('data-date', expected);
  }
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toHaveAttribute('data-date', `${start.slice(0, 4)}-01-01`);
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveAttribute('data-date', `${start.slice(0, 4)}-12-31`);
  await expect(focusable).toHaveCount(1);
});
