import { describe, expect, it } from 'vitest';
import type { BenchInput } from '../../../solver/skills/bench-strength.ts';
import { hasConflicts, leaveConflicts } from '../../../solver/leave/conflicts.ts';

/**
 * A hand-made hall: intake (10) has exactly 1 and 2 qualified and window 100 with A=1, B=2;
 * review (11) has 3, 4 and 5 qualified and window 101 with A=3, B=4; 6 is learning intake;
 * 7 has left but was qualified for intake.
 */
function bench(): BenchInput {
  return {
    skills: [
      { id: 10, needsCover: true },
      { id: 11, needsCover: true },
    ],
    windows: [
      { id: 100, postId: 10, aStaffId: 1, bStaffId: 2 },
      { id: 101, postId: 11, aStaffId: 3, bStaffId: 4 },
      { id: 102, postId: 11, aStaffId: 5, bStaffId: 7 },
    ],
    people: [1, 2, 3, 4, 5, 6].map((id) => ({ id, employed: true, away: false })).concat([{ id: 7, employed: false, away: false }]),
    levels: [
      { staffId: 1, postId: 10, level: 2 },
      { staffId: 2, postId: 10, level: 3 },
      { staffId: 3, postId: 11, level: 2 },
      { staffId: 4, postId: 11, level: 2 },
      { staffId: 5, postId: 11, level: 2 },
      { staffId: 6, postId: 10, level: 1 },
      { staffId: 7, postId: 10, level: 2 },
    ],
    skillTarget: 2,
    postTarget: 2,
  };
}
const nobody = new Set<number>();

describe('leave conflicts', () => {
  it('reports a skill that drops below target because of the requester, with its dates', () => {
    const result = leaveConflicts({ bench: bench(), requesterId: 1, days: [{ date: '2026-11-23', away: nobody }, { date: '2026-11-24', away: nobody }] });
    expect(result.skills).toEqual([{ postId: 10, qualifiedLeft: 1, target: 2, dates: ['2026-11-23', '2026-11-24'] }]);
    expect(result.windows).toEqual([]);
  });

  it('reports nothing when enough others remain, and nothing for someone who cannot cover anyway', () => {
    expect(hasConflicts(leaveConflicts({ bench: bench(), requesterId: 6, days: [{ date: '2026-11-23', away: nobody }] }))).toBe(false);
    const review = leaveConflicts({ bench: bench(), requesterId: 4, days: [{ date: '2026-11-23', away: nobody }] });
    expect(review).toEqual({ skills: [], windows: [] });
  });

  it('reports a window whose other seat is on leave that day, only on those days', () => {
    const result = leaveConflicts({
      bench: bench(),
      requesterId: 4,
      days: [
        { date: '2026-11-23', away: new Set([3]) },
        { date: '2026-11-24', away: nobody },
      ],
    });
    expect(result.windows).toEqual([{ windowId: 101, role: 'B', otherStaffId: 3, reason: 'other_away', dates: ['2026-11-23'] }]);
    // 3 and 4 both away leaves 5 alone for review: below target on the 23rd only.
    expect(result.skills).toEqual([{ postId: 11, qualifiedLeft: 1, target: 2, dates: ['2026-11-23'] }]);
  });

  it('reports a window whose other seat is held by someone who has left', () => {
    const result = leaveConflicts({ bench: bench(), requesterId: 5, days: [{ date: '2026-11-23', away: nobody }] });
    expect(result.windows).toEqual([{ windowId: 102, role: 'A', otherStaffId: 7, reason: 'other_vacant', dates: ['2026-11-23'] }]);
  });

  it('does not blame the request for a skill already short without the requester in it', () => {
    // 2 is away: intake is at 1 already; 6 (learning) taking leave changes nothing.
    const result = leaveConflicts({ bench: bench(), requesterId: 6, days: [{ date: '2026-11-23', away: new Set([2]) }] });
    expect(hasConflicts(result)).toBe(false);
  });
});
