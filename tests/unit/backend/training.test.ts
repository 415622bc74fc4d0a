import { describe, expect, it } from 'vitest';
import { ask, refused, withTestBackend } from '../../support/backend.ts';

const withBackend = withTestBackend;

describe('cross-training plan on the demo centre', () => {
  it('meets every target, each line with a mentor of that skill and a reason', () =>
    withBackend(async (backend) => {
      const before = await ask(backend, 'bench/summary', {});
      const plan = await ask(backend, 'training/plan', {});
      expect(plan.skillShortfalls).toEqual([]);
      expect(plan.personShortfalls).toEqual([]);
      expect(plan.lines.length).toBeGreaterThanOrEqual(before.summary.peopleBelowTarget);
      const matrix = await ask(backend, 'skills/matrix', {});
      const level = (staffId: number, postId: number) => matrix.rows.find((r) => r.staffId === staffId)?.cells[String(postId)]?.level ?? 0;
      for (const line of plan.lines) {
        expect(line.mentorId).not.toBeNull();
        expect(line.mentorId).not.toBe(line.staffId);
        expect(level(line.mentorId!, line.postId)).toBe(3);
        expect(level(line.staffId, line.postId)).toBeLessThan(2);
        expect(line.skillShort !== null || line.personShort !== null).toBe(true);
      }
    }));

  it('once accepted and certified, leaves no single point of failure and nobody below target', () =>
    withBackend(async (backend) => {
      const plan = await ask(backend, 'training/plan', {});
      const lines = plan.lines.map(({ staffId, postId, mentorId }) => ({ staffId, postId, mentorId }));
      expect(await ask(backend, 'training/accept', { targetDate: '2027-01-31', lines })).toEqual({ recorded: lines.length });
      const matrix = await ask(backend, 'skills/matrix', {});
      for (const line of plan.lines) {
        const cell = matrix.rows.find((r) => r.staffId === line.staffId)?.cells[String(line.postId)];
        expect(cell).toMatchObject({ level: 1, mentorId: line.mentorId, targetDate: '2027-01-31' });
      }
      // Certify every trainee, as the hall would by the target date.
      for (const line of plan.lines) {
        await ask(backend, 'skills/setLevel', { staffId: line.staffId, postId: line.postId, level: 2, certifiedOn: '2026-11-22' });
      }
      const after = await ask(backend, 'bench/summary', {});
      expect(after.summary.skillGaps).toBe(0);
      expect(after.summary.peopleBelowTarget).toBe(0);
      const history = await ask(backend, 'skills/history', { staffId: plan.lines[0]!.staffId, postId: plan.lines[0]!.postId });
      expect(history.at(-1)?.note).toContain('培训计划');
    }));

  it('says which skill falls short, by how many and why, when nobody can mentor it', () =>
    withBackend(async (backend) => {
      const centre = await ask(backend, 'centre/get', {});
      const handout = centre.posts.find((post) => post.nameZh === '公安司法出件')!;
      const matrix = await ask(backend, 'skills/matrix', {});
      const holders = matrix.rows.filter((r) => (r.cells[String(handout.id)]?.level ?? 0) >= 2);
      expect(holders).toHaveLength(1);
      // The only holder can no longer teach: nobody can be trained in hand-out.
      await ask(backend, 'skills/setLevel', { staffId: holders[0]!.staffId, postId: handout.id, level: 2, certifiedOn: '2024-01-01' });
      const plan = await ask(backend, 'training/plan', {});
      expect(plan.skillShortfalls).toEqual([{ postId: handout.id, qualifiedAfter: 1, target: 2, shortBy: 1, reason: 'no_mentor' }]);
      expect(plan.lines.some((line) => line.postId === handout.id)).toBe(false);
    }));

  it('refuses to record a line that no longer makes sense, writing nothing', () =>
    withBackend(async (backend) => {
      const plan = await ask(backend, 'training/plan', {});
      const [first, second] = plan.lines;
      const lines = [
        { staffId: first!.staffId, postId: first!.postId, mentorId: first!.mentorId },
        { staffId: second!.staffId, postId: second!.postId, mentorId: second!.staffId },
      ];
      const error = await refused(backend, 'training/accept', { targetDate: '2027-01-31', lines });
      expect(error.fields).toEqual({ 'lines.1.mentorId': 'not_mentor' });
      const matrix = await ask(backend, 'skills/matrix', {});
      expect(matrix.rows.find((r) => r.staffId === first!.staffId)?.cells[String(first!.postId)]?.targetDate ?? null).not.toBe('2027-01-31');
      const past = await refused(backend, 'training/accept', { targetDate: '2026-01-01', lines: lines.slice(0, 1) });
      expect(past.fields).toEqual({ targetDate: 'out_of_range' });
    }));
});
