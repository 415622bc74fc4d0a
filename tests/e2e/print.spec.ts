import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { BoardPage } from './pages/board-page.ts';
import { PrintPage, pdfToPngs } from './pages/print-page.ts';
import { RosterPage } from './pages/roster-page.ts';

interface Board {
  summary: { id: number };
  zones: { windows: { code: string }[] }[];
  people: { staffId: number; name: string; employeeNo: string }[];
  duties: { staffId: number; date: string }[];
  days: { date: string }[];
}

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Next week, as the toolbar offers it; `zone` narrows it to one zone, else the whole hall. */
async function generateWeek(roster: RosterPage, timeLimit: number, zone?: string): Promise<Board> {
  await roster.open();
  if (zone) await roster.onlyZone(zone);
  await roster.timeLimit(timeLimit);
  await roster.generateButton().click();
  await roster.waitForDraft(240_000);
  const [newest] = await roster.api<{ id: number }[]>('roster/list', {});
  return roster.api<Board>('board/get', { rosterId: newest!.id });
}

test('the demo week prints by window: every window and person, the header and page numbers on every page, the sign-off at the end', async ({ page, host }, testInfo) => {
  test.setTimeout(360_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  const print = new PrintPage(page);
  await page.goto(host.url);
  const week = await generateWeek(roster, 30);
  await expect(board.board()).toBeVisible();

  await print.open(board.board());
  const pdf = await print.savePdf(testInfo.outputPath('demo-week-by-window.pdf'));
  pdfToPngs(pdf.path, testInfo.outputPath('demo-week-by-window'));

  expect(pdf.pageCount).toBeGreaterThan(1);
  expect(pdf.pages).toHaveLength(pdf.pageCount);
  const all = pdf.pages.join('\n');
  expect(all).toContain('示范市政务服务中心');
  for (const code of week.zones.flatMap((zone) => zone.windows.map((window) => window.code))) expect(all, code).toContain(code);
  const rostered = new Set(week.duties.map((duty) => duty.staffId));
  for (const person of week.people.filter((each) => rostered.has(each.staffId))) expect(all, person.name).toContain(person.name);
  pdf.pages.forEach((text, index) => {
    for (const weekday of WEEKDAYS) expect(text, `page ${index + 1} header`).toContain(weekday);
    expect(text, `page ${index + 1} footer`).toMatch(new RegExp(`第\\s*${index + 1}\\s*页\\s*/\\s*共\\s*${pdf.pageCount}\\s*页`));
  });
  expect(pdf.pages.at(-1)).toMatch(/制表：[\s\S]*审核：[\s\S]*日期：/);
  expect(pdf.pages.slice(0, -1).join('\n')).not.toContain('制表：');

  await print.layout('按人员');
  const perPerson = await print.savePdf(testInfo.outputPath('demo-week-by-person.pdf'));
  pdfToPngs(perPerson.path, testInfo.outputPath('demo-week-by-person'));
  const everyone = perPerson.pages.join('\n');
  for (const person of week.people) expect(everyone, person.name).toContain(person.name);
  perPerson.pages.forEach((text, index) => {
    expect(text, `page ${index + 1} header`).toContain('周日');
    expect(text).toMatch(new RegExp(`第\\s*${index + 1}\\s*页\\s*/\\s*共\\s*${perPerson.pageCount}\\s*页`));
  });

  await print.close();
  await expect(board.board()).toBeVisible();
});

test('the print preview shows only the document on paper, and Esc closes it', async ({ page, host }) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  const print = new PrintPage(page);
  await page.goto(host.url);
  await generateWeek(roster, 10, '农林水务');
  await print.open(board.board());
  await expect(print.document()).toContainText('制表：');
  await page.emulateMedia({ media: 'print' });
  await expect(print.preview().getByRole('button', { name: '打印', exact: true })).toBeHidden();
  await expect(page.locator('#root')).toBeHidden();
  await expect(print.document()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // The browser host hands 打印 to the browser's own dialog.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await print.preview().getByRole('button', { name: '打印', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await print.close();
  await expect(page.locator('#root')).toBeVisible();
});

test('导出 Excel downloads the week as a workbook', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  await page.goto(host.url);
  await generateWeek(roster, 10, '农林水务');
  const downloading = page.waitForEvent('download');
  await board.button('导出 Excel').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('the printed week names a leave and an absence by type only, never the reason typed with them', async ({ page, host }, testInfo) => {
  test.setTimeout(240_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  const print = new PrintPage(page);
  await page.goto(host.url);
  // Someone of the zone on sick leave on Tuesday, with the reason the leave area keeps.
  const zoneStaff = await roster.api<{ id: number; status: string; homeZoneNameZh?: string; homeZoneId: number }[]>('staff/list', {});
  const centre = await roster.api<{ zones: { id: number; nameZh: string }[] }>('centre/get', {});
  const zoneId = centre.zones.find((zone) => zone.nameZh === '农林水务')!.id;
  const [onLeave] = zoneStaff.filter((person) => person.homeZoneId === zoneId && person.status !== 'departed');
  const request = await roster.api<{ id: number; version: number }>('leave/request', {
    staffId: onLeave!.id, type: 'sick', from: '2026-11-24', to: '2026-11-24', part: 'full', reason: '发烧三十九度', acknowledgeConflicts: true,
  });
  await roster.api('leave/decide', { id: request.id, version: request.version, decision: 'approved', acknowledgeConflicts: true });
  const week = await generateWeek(roster, 10, '农林水务');
  await expect(board.board()).toBeVisible();
  // Someone on duty on Wednesday called in sick, marked on the board with a note, as a lead does.
  const duty = week.duties.find((each) => each.date === '2026-11-25' && each.staffId !== onLeave!.id)!;
  const sick = week.people.find((person) => person.staffId === duty.staffId)!;
  await board.button('标记缺勤').click();
  const dialog = page.getByRole('dialog', { name: '标记缺勤并调整' });
  await dialog.getByLabel('人员').selectOption({ label: `${sick.name}（${sick.employeeNo}）` });
  await dialog.getByLabel('日期').selectOption('2026-11-25');
  await dialog.getByRole('radio', { name: '全天' }).check();
  await dialog.getByRole('radio', { name: '病假' }).check();
  await dialog.getByLabel('备注').fill('胃痛去医院');
  await dialog.getByRole('button', { name: '计算调整方案' }).click();
  await expect(dialog.getByTestId('repair-proposal')).toBeVisible({ timeout: 90_000 });
  await dialog.getByRole('button', { name: '应用调整' }).click();
  await expect(dialog).toBeHidden();
  await expect(board.board()).toContainText('病假');
  await expect(board.board()).not.toContainText('发烧');
  await expect(board.board()).not.toContainText('胃痛');

  await print.open(board.board());
  for (const layout of ['按窗口', '按人员'] as const) {
    await print.layout(layout);
    const pdf = await print.savePdf(testInfo.outputPath(`leave-reasons-${layout}.pdf`));
    const all = pdf.pages.join('\n');
    expect(all, layout).toContain('病假');
    for (const reason of ['发烧', '三十九度', '胃痛', '医院']) expect(all, `${layout}: ${reason}`).not.toContain(reason);
  }
  await print.close();
});
