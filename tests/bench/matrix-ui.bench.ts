/**
 * How the skill matrix feels at 300 staff × 40 skills in Chromium: time to open the area and the
 * frame times while scrolling it down and across. Prints figures; asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright';
import { openSignedInBackend, signInPage } from './signed-in.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import { startBrowserHost } from '../../electron/serve/server.ts';
import { insertPost, listPosts, listZones } from '../../data/repositories/centre.ts';
import { insertStaff } from '../../data/repositories/staff.ts';
import { putSkillCell } from '../../data/repositories/skills.ts';
import { residentIdCheckChar } from '../../electron/contract/rules.ts';
import type { Queryable } from '../../data/connection.ts';

const STAFF = 300;
const SKILLS = 40;
const clock = fixedClock('2026-11-22T10:00:00');

async function growCentre(dataDir: string): Promise<void> {
  const backend = await openSignedInBackend({ host: 'browser', appVersion: 'bench', dataDir, clock });
  await backend.context.session.use((db) =>
    db.transaction(async (tx) => {
      await addPosts(tx);
      await addStaffWithSkills(tx);
    }),
  );
  await backend.close();
}

async function addPosts(tx: Queryable): Promise<void> {
  const zones = (await listZones(tx)).filter((zone) => zone.kind === 'windows');
  const existing = (await listPosts(tx)).length;
  for (let i = existing; i < SKILLS; i += 1) {
    const zone = zones[i % zones.length]!;
    await insertPost(tx, { code: `${zone.code}-X${i}`, zoneId: zone.id, nameZh: `${zone.nameZh}专项${i}`, nameEn: `${zone.nameEn} special ${i}`, function: 'entry' });
  }
}

async function addStaffWithSkills(tx: Queryable): Promise<void> {
  const posts = await listPosts(tx);
  const current = await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM staff WHERE status <> 'departed'");
  const now = clock.now().toISOString();
  for (let i = current?.n ?? 0; i < STAFF; i += 1) {
    const first17 = `330106${1985 + (i % 10)}0315${String(i).padStart(3, '0')}`;
    const id = await insertStaff(tx, {
      employeeNo: `BM${String(i).padStart(4, '0')}`, name: `测试${i}`, gender: Number(first17[16]) % 2 ? 'M' : 'F',
      phone: `137${String(i).padStart(8, '0')}`, idNumber: first17 + residentIdCheckChar(first17), hireDate: '2023-01-01',
      status: 'active', homeZoneId: 1 + (i % 6), primaryPostId: null, contractType: 'standard', weeklyHourCap: 40, wageGrade: 2,
    }, now);
    for (let k = 0; k < 4; k += 1) {
      const post = posts[(i * 7 + k * 11) % posts.length]!;
      await putSkillCell(tx, { staffId: id, postId: post.id, level: (1 + ((i + k) % 3)) as 1 | 2 | 3, certifiedOn: '2024-01-01', mentorId: null, targetDate: null, updatedAt: now });
    }
  }
}

/** Scrolls the grid's scroller in steps, one per animation frame, and returns the frame gaps. */
async function scrollFrames(page: Page, axis: 'down' | 'across'): Promise<number[]> {
  return page.evaluate(async (direction) => {
    const frame = document.querySelector('.grid-frame');
    const scrollers = [...(frame?.querySelectorAll<HTMLElement>('*') ?? [])].filter((el) =>
      direction === 'down' ? el.scrollHeight > el.clientHeight + 50 : el.scrollWidth > el.clientWidth + 50,
    );
    const scroller = scrollers[0];
    if (!scroller) return [];
    const gaps: number[] = [];
    let last = performance.now();
    for (let step = 0; step < 120; step += 1) {
      if (direction === 'down') scroller.scrollTop += 120;
      else scroller.scrollLeft += 60;
      await new Promise((done) => requestAnimationFrame(() => done(null)));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  }, axis);
}

function describe(gaps: number[]): string {
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, frames over 50 ms: ${gaps.filter((g) => g > 50).length}/${gaps.length}`;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-matrix-bench-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  try {
    await growCentre(dataDir);
    const host = await startBrowserHost({ port: 0, dataDir, staticDir: resolve('dist/renderer'), clock });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await signInPage(page, host.url);
    await page.goto(host.url);
    await page.getByRole('navigation').waitFor();
    const started = Date.now();
    await page.getByRole('navigation').getByRole('button', { name: '技能矩阵' }).click();
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="name"]').waitFor();
    const openMs = Date.now() - started;
    const rows = await page.evaluate(() => document.querySelector('[data-testid="matrix-count"]')?.textContent ?? '');
    const down = await scrollFrames(page, 'down');
    const across = await scrollFrames(page, 'across');
    console.log(`matrix ${rows.trim()} × ${SKILLS} skills`);
    console.log(`open the skill matrix area (click to first row drawn)  ${openMs} ms`);
    console.log(`scroll down, 120 steps of 120 px                       ${describe(down)}`);
    console.log(`scroll across, 120 steps of 60 px                      ${describe(across)}`);
    await host.close();
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
