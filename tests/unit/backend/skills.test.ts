import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import { ask, refused, TEST_TODAY, withTestBackend } from '../../support/backend.ts';

const withBackend = withTestBackend;

async function firstWindow(backend: Backend) {
  const centre = await ask(backend, 'centre/get', {});
  const window = centre.windows.find((w) => w.kind === 'window')!;
  const matrix = await ask(backend, 'skills/matrix', {});
  const levelOf = (staffId: number, postId: number) => matrix.rows.find((r) => r.staffId === staffId)?.cells[String(postId)]?.level ?? 0;
  const ab = await ask(backend, 'ab/list', {});
  // People already A of some other window cannot be A here; keep them out of the test's picks.
  const isAElsewhere = (id: number) => ab.some((w) => w.aStaffId === id && w.windowId !== window.id);
  const qualified = matrix.rows.filter((r) => levelOf(r.staffId, window.postId) >= 2 && !isAElsewhere(r.staffId)).map((r) => r.staffId);
  const unqualified = matrix.rows.filter((r) => levelOf(r.staffId, window.postId) === 0).map((r) => r.staffId);
  return { centre, window, matrix, qualified, unqualified };
}

describe('skill matrix', () => {
  it('has a row for every employed person and a column for every post, zone by zone', () =>
    withBackend(async (backend) => {
      const matrix = await ask(backend, 'skills/matrix', {});
      const staff = await ask(backend, 'staff/list', {});
      expect(matrix.rows).toHaveLength(staff.filter((s) => s.status !== 'departed').length);
      const zoneOrder = matrix.skills.map((s) => s.zoneId ?? 99);
      expect(zoneOrder).toEqual([...zoneOrder].sort((a, b) => a - b));
      for (const row of matrix.rows) {
        expect(row.mastered).toBe(Object.values(row.cells).filter((c) => c.level >= 2).length);
      }
    }));

  it('sets a level with its certification date and keeps the cell\'s history', () =>
    withBackend(async (backend) => {
      const { window, unqualified } = await firstWindow(backend);
      const staffId = unqualified[0]!;
      await ask(backend, 'skills/setLevel', { staffId, postId: window.postId, level: 1, certifiedOn: null, note: '开始学习' });
      const cell = await ask(backend, 'skills/setLevel', { staffId, postId: window.postId, level: 2, certifiedOn: '2026-11-20' });
      expect(cell).toMatchObject({ level: 2, certifiedOn: '2026-11-20', mentorId: null });
      const history = await ask(backend, 'skills/history', { staffId, postId: window.postId });
      expect(history.map((h) => [h.fromLevel, h.toLevel, h.note])).toEqual([[1, 2, ''], [0, 1, '开始学习']]);
    }));

  it('asks for a certification date at level 2 or 3, never in the future', () =>
    withBackend(async (backend) => {
      const { window, unqualified } = await firstWindow(backend);
      const staffId = unqualified[0]!;
      expect((await refused(backend, 'skills/setLevel', { staffId, postId: window.postId, level: 2, certifiedOn: null })).fields).toEqual({ certifiedOn: 'required' });
      expect((await refused(backend, 'skills/setLevel', { staffId, postId: window.postId, level: 3, certifiedOn: '2026-12-01' })).fields).toEqual({ certifiedOn: 'future_date' });
      expect((await refused(backend, 'skills/setLevel', { staffId, postId: window.postId, level: 4, certifiedOn: TEST_TODAY })).code).toBe('invalid_argument');
      expect(await ask(backend, 'skills/history', { staffId, postId: window.postId })).toEqual([]);
    }));
});

describe('A/B posts', () => {
  it('the demo centre names an A and a B for nearly every window', () =>
    withBackend(async (backend) => {
      const ab = await ask(backend, 'ab/list', {});
      const complete = ab.filter((w) => w.aStaffId !== null && w.bStaffId !== null);
      expect(complete.length).toBeGreaterThanOrEqual(ab.length - 8);
    }));

  it('accepts qualified, employed people and refuses the rest with reasons', () =>
    withBackend(async (backend) => {
      const { window, qualified, unqualified } = await firstWindow(backend);
      const [a, b] = qualified;
      // Free the seats first, then fill them.
      await ask(backend, 'ab/set', { windowId: window.id, aStaffId: null, bStaffId: null });
      const set = await ask(backend, 'ab/set', { windowId: window.id, aStaffId: a!, bStaffId: b! });
      expect(set).toMatchObject({ aStaffId: a, bStaffId: b, warnings: [] });
      expect((await refused(backend, 'ab/set', { windowId: window.id, aStaffId: a!, bStaffId: a! })).fields).toEqual({ bStaffId: 'same_person' });
      expect((await refused(backend, 'ab/set', { windowId: window.id, aStaffId: unqualified[0]!, bStaffId: b! })).fields).toEqual({ aStaffId: 'unqualified' });
    }));

  it('lets one person be A of one window only, but B of several', () =>
    withBackend(async (backend) => {
      const { centre, matrix } = await firstWindow(backend);
      const postId = centre.windows.find((w) => w.kind === 'window')!.postId;
      const samePost = centre.windows.filter((w) => w.postId === postId);
      expect(samePost.length).toBeGreaterThanOrEqual(2);
      for (const w of samePost) await ask(backend, 'ab/set', { windowId: w.id, aStaffId: null, bStaffId: null });
      const ab = await ask(backend, 'ab/list', {});
      const people = matrix.rows
        .filter((r) => (r.cells[String(postId)]?.level ?? 0) >= 2 && !ab.some((w) => w.aStaffId === r.staffId))
        .map((r) => r.staffId);
      await ask(backend, 'ab/set', { windowId: samePost[0]!.id, aStaffId: people[0]!, bStaffId: people[1]! });
      expect((await refused(backend, 'ab/set', { windowId: samePost[1]!.id, aStaffId: people[0]!, bStaffId: null })).fields).toEqual({ aStaffId: 'already_a' });
      await expect(ask(backend, 'ab/set', { windowId: samePost[1]!.id, aStaffId: people[2] ?? null, bStaffId: people[1]! })).resolves.toMatchObject({ bStaffId: people[1] });
      expect(await ask(backend, 'staff/abRoles', { id: people[1]! })).toEqual(
        expect.arrayContaining([
          { windowId: samePost[0]!.id, role: 'B' },
          { windowId: samePost[1]!.id, role: 'B' },
        ]),
      );
    }));

  it('warns when the A person leaves', () =>
    withBackend(async (backend) => {
      const ab = await ask(backend, 'ab/list', {});
      const seated = ab.find((w) => w.aStaffId !== null && w.warnings.length === 0)!;
      const person = await ask(backend, 'staff/get', { id: seated.aStaffId! });
      await ask(backend, 'staff/deactivate', { id: person.id, version: person.version, leftOn: TEST_TODAY, reason: '个人原因' });
      const after = (await ask(backend, 'ab/list', {})).find((w) => w.windowId === seated.windowId)!;
      expect(after.warnings).toContain('a_departed');
    }));
});

describe('bench strength of the demo centre', () => {
  it('finds some single points of failure and people below two posts, but not everywhere', () =>
    withBackend(async (backend) => {
      const bench = await ask(backend, 'bench/summary', {});
      expect(bench.skillTarget).toBe(2);
      expect(bench.summary.skillGaps).toBeGreaterThan(0);
      expect(bench.summary.skillGaps).toBeLessThan(bench.skills.filter((s) => s.needsCover).length);
      expect(bench.summary.peopleBelowTarget).toBeGreaterThan(10);
      expect(bench.summary.peopleBelowTarget).toBeLessThan(bench.people.length);
    }));

  it('raising the target raises the gaps', () =>
    withBackend(async (backend) => {
      const two = await ask(backend, 'bench/summary', { skillTarget: 2 });
      const four = await ask(backend, 'bench/summary', { skillTarget: 4 });
      expect(four.summary.skillGaps).toBeGreaterThan(two.summary.skillGaps);
    }));
});
