import type { Locator, Page } from '@playwright/test';

/** 设置 → 局域网共享: the address and port to share on, and its state. */
export class SharingSection {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.locator('section', { has: this.page.getByRole('heading', { name: '局域网共享' }) });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  }

  status(): Locator {
    return this.root().getByTestId('sharing-status');
  }

  /**
   * Chooses an address the list does not offer: the list holds this machine's own, so an address a
   * test needs (another loopback one, a wildcard sent by a tampered page) is added to it first.
   */
  async chooseAddress(address: string): Promise<void> {
    const select = this.root().getByLabel('网络地址');
    await select.evaluate((element: HTMLSelectElement, value) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      element.append(option);
    }, address);
    await select.selectOption(address);
  }

  async start(port: number): Promise<void> {
    await this.root().getByLabel('端口').fill(String(port));
    await this.root().getByRole('button', { name: '开启共享' }).click();
  }
}
