import { expect } from '@playwright/test';
import { test } from './fixtures.ts';
import { SharingSection } from './pages/sharing-section.ts';

test('sharing on 0.0.0.0 is refused in plain words, and sharing stays off', async ({ page, host }) => {
  const sharing = new SharingSection(page);
  await sharing.open(host.url);
  await expect(sharing.status()).toHaveText('共享未开启：只有本机可以访问。');
  await sharing.chooseAddress('0.0.0.0');
  await sharing.start(20_000 + Math.floor(Math.random() * 20_000));
  await expect(page.getByText(/0\.0\.0\.0 表示“所有网络接口”.*请选择一个具体的地址/)).toBeVisible();
  await expect(sharing.status()).toHaveText('共享未开启：只有本机可以访问。');
});
