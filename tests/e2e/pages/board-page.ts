import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The roster board inside 排班 as a shift lead uses it: cells by row index and column id (a date
 * by person, "date|shift" by window), the cell editor, the override dialog and the change log.
 */
export class BoardPage {
  constructor(readonly page: Page) {}

  board(): Locator {
    return this.page.getByTestId('roster-board');
  }

  async view(name: '按人员' | '按窗口'): Promise<void> {
    await this.board().getByRole('radio', { name }).check();
    await expect(this.grid(name === '按人员' ? 'person' : 'window').locator('.ag-row').first()).toBeVisible();
  }

  grid(view: 'person' | 'window'): Locator {
    return this.page.locator(`.board-${view}-grid`);
  }

  cell(view: 'person' | 'window', rowIndex: number, colId: string): Locator {
    return this.grid(view).locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
  }

  /** The by-person row of a person, by name. */
  async personRow(name: string): Promise<number> {
    const nameCell = this.grid('person').locator('.ag-cell[col-id="name"]').filter({ hasText: new RegExp(`^${name}$`) });
    // The grid draws only the rows in view: walk down the name column until the person's row is drawn.
    if ((await nameCell.count()) === 0) {
      await this.cell('person', 0, 'name').click();
      for (let step = 0; step < 300 && (await nameCell.count()) === 0; step += 1) await this.page.keyboard.press('ArrowDown');
    }
    await expect(nameCell).toHaveCount(1);
    return Number(await nameCell.locator('xpath=..').getAttribute('row-index'));
  }

  /** The by-window row of a window, by its code. */
  async windowRow(code: string): Promise<number> {
    const labelCell = this.grid('window').locator('.ag-cell[col-id="window"]').filter({ hasText: new RegExp(`^${code}$`) });
    await expect(labelCell).toHaveCount(1);
    return Number(await labelCell.locator('xpath=..').getAttribute('row-index'));
  }

  /** The first window row of the view (row 0 is the zone's heading). */
  async firstWindowCode(): Promise<string> {
    return (await this.cell('window', 1, 'window').textContent())?.trim() ?? '';
  }

  async press(view: 'person' | 'window', rowIndex: number, colId: string, key: string): Promise<void> {
    await this.cell(view, rowIndex, colId).click();
    await this.page.keyboard.press(key);
  }

  editor(): Locator {
    return this.page.locator('dialog[open]').filter({ has: this.page.locator('.board-editor') });
  }

  choices(): Locator {
    return this.editor().getByRole('option');
  }

  overrideDialog(): Locator {
    return this.page.getByRole('dialog', { name: '此修改违反排班规则' });
  }

  notice(): Locator {
    return this.board().locator('.notice');
  }

  button(name: string): Locator {
    return this.board().getByRole('button', { name, exact: false });
  }

  changesSincePublication(): Locator {
    return this.page.getByTestId('changes-since-publication');
  }

  changeRows(): Locator {
    return this.page.locator('table.change-table tbody tr');
  }
}
