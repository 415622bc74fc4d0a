import { expect, type Locator, type Page } from '@playwright/test';

/** The skill matrix area: cells are found by row index and the skill column's id (skill-<postId>). */
export class SkillsPage {
  constructor(
    readonly page: Page,
    private readonly hostUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: /技能矩阵|Skill matrix/ }).click();
    await expect(this.page.locator('.ag-row[row-index="0"] .ag-cell[col-id="name"]')).toBeVisible();
  }

  /** Post ids come from the backend, as the grid's column ids do. */
  async postId(nameZh: string): Promise<number> {
    const response = await this.page.request.post(`${this.hostUrl}api/centre%2Fget`, { data: {} });
    const centre = (await response.json()) as { value: { posts: { id: number; nameZh: string }[] } };
    const post = centre.value.posts.find((candidate) => candidate.nameZh === nameZh);
    if (!post) throw new Error(`no post named ${nameZh}`);
    return post.id;
  }

  cell(rowIndex: number, colId: string): Locator {
    return this.page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
  }

  skillCell(rowIndex: number, postId: number): Locator {
    return this.cell(rowIndex, `skill-${postId}`);
  }

  card(key: 'skillGaps' | 'windowGaps' | 'abProblems' | 'belowTarget'): Locator {
    return this.page.getByTestId(`bench-${key}`).locator('.card-value');
  }

  detail(): Locator {
    return this.page.getByRole('complementary', { name: /单元格详情|Cell details/ });
  }

  async tab(name: RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  abRow(windowCode: string): Locator {
    return this.page.locator(`tr[data-window="${windowCode}"]`);
  }
}
