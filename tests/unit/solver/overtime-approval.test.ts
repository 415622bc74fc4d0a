import { describe, expect, it } from 'vitest';
import { approvedOvertime, settleOvertime, type OvertimeDecision, type PunchOvertime } from '../../../solver/pay/overtime-approval.ts';

const TUESDAY: PunchOvertime = { staffId: 1, date: '2026-10-13', minutes: 90, source: 'after_duty' };
const SATURDAY: PunchOvertime = { staffId: 1, date: '2026-10-17', minutes: 240, source: 'rest_day' };
const decision = (date: string, source: OvertimeDecision['source'], minutes: number, status: OvertimeDecision['status']): OvertimeDecision => ({ staffId: 1, date, source, minutes, status });

describe('settling punch overtime against approvals', () => {
  it('leaves every minute waiting while nobody has decided, and pays none of it', () => {
    expect(settleOvertime([TUESDAY, SATURDAY], [])).toEqual([
      { ...TUESDAY, approvedMinutes: 0, rejectedMinutes: 0, pendingMinutes: 90 },
      { ...SATURDAY, approvedMinutes: 0, rejectedMinutes: 0, pendingMinutes: 240 },
    ]);
    expect(approvedOvertime([]).size).toBe(0);
  });

  it('pays a planned approved request up to its minutes and leaves the rest of the punches waiting', () => {
    // 17:30–18:30 planned and approved (60); the punches show 90: 60 paid, 30 wait.
    const plan = decision('2026-10-13', 'planned', 60, 'approved');
    expect(settleOvertime([TUESDAY], [plan])).toEqual([{ ...TUESDAY, approvedMinutes: 60, rejectedMinutes: 0, pendingMinutes: 30 }]);
    // A plan longer than what was worked pays only what the punches show.
    expect(settleOvertime([TUESDAY], [decision('2026-10-13', 'planned', 120, 'approved')])[0]).toMatchObject({ approvedMinutes: 90, pendingMinutes: 0 });
    // Another day's plan covers nothing here; a plan still pending approves nothing.
    expect(settleOvertime([TUESDAY], [decision('2026-10-14', 'planned', 90, 'approved'), decision('2026-10-13', 'planned', 90, 'pending')])[0]).toMatchObject({ approvedMinutes: 0, pendingMinutes: 90 });
  });

  it('takes a rejection of the punches off the list without paying it; a rejected plan leaves the punches waiting', () => {
    expect(settleOvertime([SATURDAY], [decision('2026-10-17', 'punch', 240, 'rejected')])).toEqual([{ ...SATURDAY, approvedMinutes: 0, rejectedMinutes: 240, pendingMinutes: 0 }]);
    expect(settleOvertime([SATURDAY], [decision('2026-10-17', 'planned', 240, 'rejected')])[0]).toMatchObject({ approvedMinutes: 0, rejectedMinutes: 0, pendingMinutes: 240 });
    // The rest after a partly covering plan, rejected: 60 paid, 30 rejected, nothing waits.
    expect(settleOvertime([TUESDAY], [decision('2026-10-13', 'planned', 60, 'approved'), decision('2026-10-13', 'punch', 30, 'rejected')])[0])
      .toMatchObject({ approvedMinutes: 60, rejectedMinutes: 30, pendingMinutes: 0 });
  });

  it('lists again what punches added after a decision, and sums every approval of a person-day for pay', () => {
    // Approved 60 when the punches showed 60; a later punch makes it 90: 30 wait.
    expect(settleOvertime([TUESDAY], [decision('2026-10-13', 'punch', 60, 'approved')])[0]).toMatchObject({ approvedMinutes: 60, pendingMinutes: 30 });
    const approvals = approvedOvertime([decision('2026-10-13', 'planned', 60, 'approved'), decision('2026-10-13', 'punch', 30, 'approved'), decision('2026-10-17', 'punch', 240, 'rejected')]);
    expect([...approvals]).toEqual([['1|2026-10-13', 90]]);
  });
});
