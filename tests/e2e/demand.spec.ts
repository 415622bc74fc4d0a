import { test, expect } from './fixtures.ts';
import { DemandPage } from './pages/demand-page.ts';

// The demo centre's business-registration zone: eight windows and a busy queue.
const ZONE = '商事登记';

test('shows the forecast against the last weeks and its accuracy beside the naive baseline', async ({ page, shell }) => {
  void shell;
  const demand = new DemandPage(page);
  await demand.open();
  await demand.chooseZone(ZONE);
  await demand.settled();
  await expect(demand.forecastChart().locator('.recharts-line')).toHaveCount(2);
  await expect(demand.forecastChart()).toContainText('今天');
  await expect(demand.accuracy()).toHaveText(/^预测误差 WAPE \d+\.\d%，简单基线（上周同日）\d+\.\d%：(预测更可信|简单基线更准)/);
  await expect(demand.forecastTable().locator('tbody tr')).toHaveCount(14);
});

test('overrides a day of the forecast with a reason and marks it as adjusted', async ({ page, shell }) => {
  void shell;
  const demand = new DemandPage(page);
  await demand.open();
  await demand.chooseZone(ZONE);
  await demand.settled();
  const row = await demand.firstForecastRow('workday');
  await expect(demand.forecastCell(row, 'total')).not.toHaveAttribute('data-overridden', 'true');

  await demand.override(row, 'total', 999, '社保年审集中办理');
  await expect(demand.dialog()).toBeHidden();
  await expect(demand.notice()).toContainText('的预测为 999');
  await demand.settled();
  await expect(demand.forecastCell(row, 'total')).toHaveAttribute('data-overridden', 'true');
  await expect(demand.forecastCell(row, 'total')).toHaveText('●999');
  await expect(demand.forecastCell(row, 'total').getByRole('button')).toHaveAttribute('title', '已人工调整');

  // An empty reason is refused in the dialog, before anything is sent.
  await demand.forecastCell(row, 'total').getByRole('button').click();
  await demand.dialog().getByRole('button', { name: '保存调整' }).click();
  await expect(demand.dialog()).toContainText('请填写调整原因');
  await demand.dialog().getByLabel('调整原因（必填）').fill('通知取消');
  await demand.dialog().getByRole('button', { name: '撤销调整，恢复预测' }).click();
  await expect(demand.dialog()).toBeHidden();
  await demand.settled();
  await expect(demand.forecastCell(row, 'total')).not.toHaveAttribute('data-overridden', 'true');
});

test('shows the windows each half-hour needs and what one window fewer would cost', async ({ page, shell }) => {
  void shell;
  const demand = new DemandPage(page);
  await demand.open();
  await demand.tab('人力需求');
  await demand.chooseZone(ZONE);
  await demand.settled();
  await expect(demand.staffingTable().locator('tbody tr')).toHaveCount(14);
  // The busiest half-hour of the first open day is chosen to begin with.
  await expect(demand.staffingTable().locator('td.selected')).toHaveCount(1);
  await expect(demand.staffingDetail().getByTestId('staffing-required')).toHaveText(/^需要窗口：\d+ 个/);
  // It is a half-hour the staffed windows clear, so the wait is a number of minutes.
  await expect(demand.staffingDetail().getByTestId('staffing-at')).toHaveText(/^按 \d+ 个窗口：平均等待 \d+\.\d 分钟，服务水平 \d+%/);
  await expect(demand.staffingDetail().getByTestId('staffing-one-fewer')).toHaveText(/^少一人：(平均等待 \d+\.\d 分钟，服务水平 \d+%|排不完，队伍会越排越长。|已是最少窗口)/);

  // Where the zone runs out of windows, the cell is flagged and the detail says so.
  const capped = demand.staffingTable().locator('td.capped').first();
  await expect(capped).toBeVisible();
  await capped.getByRole('button').click();
  await expect(demand.staffingDetail().getByTestId('staffing-capped')).toHaveText(/^已达窗口上限 8；按目标需要 \d+ 个窗口/);
  await expect(page.locator('figure.demand-chart .recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('排出的人数与缺口见「排班 → 覆盖情况」');
});

test('changes a zone’s service target and shows the field errors it is refused with', async ({ page, shell }) => {
  void shell;
  const demand = new DemandPage(page);
  await demand.open();
  await demand.tab('服务目标');
  const card = demand.targetCard('BR');
  await expect(card).toBeVisible();
  await card.getByLabel('服务水平（限时叫号比例）').check();
  await card.getByLabel('叫号比例（%）').fill('150');
  await card.getByLabel('在多少秒内叫号').fill('300');
  await card.getByRole('button', { name: `保存「${ZONE}」的服务目标` }).click();
  await expect(card.getByText('应在 0 到 100 之间（不含两端）')).toBeVisible();

  await card.getByLabel('叫号比例（%）').fill('85');
  await card.getByLabel('固定岗人数').fill('1');
  await card.getByRole('button', { name: `保存「${ZONE}」的服务目标` }).click();
  await expect(demand.notice()).toHaveText(`已保存「${ZONE}」的服务目标：85% 在 300 秒内叫号。`);
  await expect(card.getByText('应在 0 到 100 之间（不含两端）')).toBeHidden();

  // Saved in the backend: the staffing need now counts against it.
  await demand.tab('人力需求');
  await demand.chooseZone(ZONE);
  await demand.settled();
  await expect(page.getByTestId('staffing-facts')).toContainText('固定岗 1 人');
  await expect(page.getByTestId('staffing-facts')).toContainText('85% 在 300 秒内叫号');
});

test('imports queue tickets: every bad row reported, then only the good rows written', async ({ page, shell }) => {
  void shell;
  const demand = new DemandPage(page);
  await demand.open();
  await demand.tab('导入');
  await page.getByRole('button', { name: '导入取号记录…' }).click();
  const csv = [
    '业务类型,取号时间,叫号时间,完成时间,窗口',
    '户籍业务,2026-11-20 09:05,2026-11-20 09:12,2026-11-20 09:17,A01',
    '不存在的业务,2026-11-20 09:06,2026-11-20 09:13,2026-11-20 09:18,A01',
    '户籍业务,2026-11-20 09:30,2026-11-20 09:20,2026-11-20 09:40,A01',
    '户籍业务,2026-11-20 10:00,2026-11-20 10:05,2026-11-20 10:09,Z99',
  ].join('\n');
  await demand.dialog().locator('input[type="file"]').setInputFiles({ name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const errors = demand.dialog().getByRole('table', { name: '错误明细' });
  await expect(errors.locator('tbody tr')).toHaveCount(3);
  await expect(errors).toContainText('业务类型不存在');
  await expect(errors).toContainText('叫号时间早于取号时间');
  await expect(errors).toContainText('窗口不存在');
  await expect(demand.dialog().getByRole('button', { name: '全部导入' })).toBeDisabled();
  await demand.dialog().getByRole('button', { name: '只导入无误的 1 行' }).click();
  await expect(demand.dialog()).toBeHidden();
  await expect(demand.notice()).toContainText('已导入 1 条');
});
