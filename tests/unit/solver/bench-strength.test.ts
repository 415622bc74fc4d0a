import { describe, expect, it } from 'vitest';
import { benchStrength, type BenchInput } from '../../../solver/skills/bench-strength.ts';

/**
 * A hand-made hall: two window skills (10 intake, 11 review) and one desk skill (12) with no
 * window. People: 1 and 2 qualified for intake, 3 qualified for review, 4 learning review,
 * 5 departed but qualified for review, 6 qualified for review but on long leave.
 */
function hall(overrides: Partial<BenchInput> = {}): BenchInput {
  return {
    skills: [
      { id: 10, needsCover: true },
      { id: 11, needsCover: true },
      { id: 12, needsCover: false },
    ],
    windows: [
      { id: 100, postId: 10, aStaffId: 1, bStaffId: 2 },
      { id: 101, postId: 11, aStaffId: 3, bStaffId: 6 },
      { id: 102, postId: 11, aStaffId: 5, bStaffId: null },
    ],
    people: [
      { id: 1, employed: true, away: false },
      { id: 2, employed: true, away: false },
      { id: 3, employed: true, away: false },
      { id: 4, employed: true, away: false },
      { id: 5, employed: false, away: false },
      { id: 6, employed: true, away: true },
    ],
    levels: [
      { staffId: 1, postId: 10, level: 3 },
      { staffId: 1, postId: 12, level: 2 },
      { staffId: 2, postId: 10, level: 2 },
      { staffId: 3, postId: 11, level: 2 },
      { staffId: 4, postId: 11, level: 1 },
      { staffId: 5, postId: 11, level: 3 },
      { staffId: 6, postId: 11, level: 2 },
    ],
    skillTarget: 2,
    postTarget: 2,
    ...overrides,
  };
}

describe('bench strength', () => {
  it('counts employed, available, qualified people per skill', () => {
    const result = benchStrength(hall());
    expect(result.skills.map((s) => [s.postId, s.qualified, s.qualifiedStaffIds])).toEqual([
      [10, 2, [1, 2]],
      [11, 1, [3]],
      [12, 1, [1]],
    ]);
  });

  it('calls a covered skill below target a single point of failure, and a skill no window needs never', () => {
    const result = benchStrength(hall());
    expect(result.skills.map((s) => [s.postId, s.singlePointOfFailure, s.shortBy])).toEqual([
      [10, false, 0],
      [11, true, 1],
      [12, false, 0],
    ]);
    expect(result.windows.map((w) => [w.windowId, w.singlePointOfFailure])).toEqual([
      [100, false],
      [101, true],
      [102, true],
    ]);
  });

  it('counts the person on long leave back in when they return', () => {
    const people = hall().people.map((p) => (p.id === 6 ? { ...p, away: false } : p));
    const result = benchStrength(hall({ people }));
    expect(result.skills.find((s) => s.postId === 11)?.qualified).toBe(2);
    expect(result.summary.skillGaps).toBe(0);
  });

  it('warns about each A or B who is missing, departed, unqualified or away', () => {
    const result = benchStrength(hall());
    expect(result.windows.map((w) => [w.windowId, w.warnings])).toEqual([
      [100, []],
      [101, ['b_away']],
      [102, ['a_departed', 'b_missing']],
    ]);
    const unqualified = benchStrength(hall({ windows: [{ id: 103, postId: 11, aStaffId: 4, bStaffId: 1 }] }));
    expect(unqualified.windows[0]?.warnings).toEqual(['a_unqualified', 'b_unqualified']);
  });

  it('counts the posts each employed person masters against the target', () => {
    const result = benchStrength(hall());
    expect(result.people.map((p) => [p.staffId, p.mastered, p.belowTarget])).toEqual([
      [1, 2, false],
      [2, 1, true],
      [3, 1, true],
      [4, 0, true],
      [6, 1, true],
    ]);
  });

  it('sums it up for the dispatcher', () => {
    expect(benchStrength(hall()).summary).toEqual({ skillGaps: 1, windowGaps: 2, peopleBelowTarget: 4, abProblems: 2 });
  });

  it('follows the targets it is given', () => {
    const strict = benchStrength(hall({ skillTarget: 3, postTarget: 1 }));
    expect(strict.summary.skillGaps).toBe(2);
    expect(strict.people.filter((p) => p.belowTarget).map((p) => p.staffId)).toEqual([4]);
  });
});
