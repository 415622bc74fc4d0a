import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import { ask, asNewAccount, refused, withTestBackend } from '../../support/backend.ts';
import { draftStaff, validResidentId } from '../../support/people.ts';

/**
 * T0007 of 公安司法, no roster (the default day: 08:30–12:00 and 13:30–17:30, 450 min), wage grade 2
 * (3,500 a month): Tuesday 13 October 2026 out at 19:05 (95 min past 17:30, 90 in half-hour blocks),
 * and the unrostered Saturday 17 from 08:00 to 12:00 (240 min, the lunch break untouched).
 */
async function withOvertimeMonth(work: (backend: Backend, staffId: number) => Promise<void>): Promise<void> {
  await withTestBackend(async (backend) => {
    const zoneId = (await backend.context.session.use((db) => db.get<{ id: number }>("SELECT id FROM zones WHERE code = 'PJ'")))!.id;
    const staff = draftStaff({ employeeNo: 'T0007', name: '测试加班', idNumber: validResidentId('1995-06-15', 'F', '330106', '17'), hireDate: '2026-03-01', wageGrade: 2, homeZoneId: zoneId });
    const { id: staffId } = await ask(backend, 'staff/create', { staff });
    const punches = [['2026-10-13', '08:25'], ['2026-10-13', '12:01'], ['2026-10-13', '13:25'], ['2026-10-13', '19:05'], ['2026-10-17', '08:00'], ['2026-10-17', '12:00']];
    const text = ['工号,打卡时间,设备', ...punches.map(([date, time]) => `T0007,${date} ${time}:00,大厅1号机`)].join('\r\n') + '\r\n';
    await ask(backend, 'punches/apply', { fileName: 'punches.csv', base64: Buffer.from(text, 'utf8').toString('base64'), goodRowsOnly: false });
    await work(backend, staffId);
  });
}

const rowsOf = async (backend: Backend, staffId: number) => (await ask(backend, 'overtime/month', { year: 2026, month: 10 })).rows.filter((row) => row.staffId === staffId);
const hoursOf = async (backend: Backend, staffId: number) => (await ask(backend, 'reports/hours', { year: 2026, month: 10 })).rows.find((row) => row.staffId === staffId)!;
const overtimePayOf = async (backend: Backend, staffId: number) => (await ask(backend, 'cost/month', { year: 2026, month: 10 })).people.find((row) => row.staffId === staffId)!.overtimePay;

describe('overtime that someone approved (issue #17 item 2)', () => {
  it('lists punch overtime nobody decided, unpaid, and pays it at its tier once approved', async () => {
    await withOvertimeMonth(async (backend, staffId) => {
      expect(await rowsOf(backend, staffId)).toMatchObject([
        { kind: 'punch', date: '2026-10-13', source: 'after_duty', minutes: 90, pendingMinutes: 90, approvedMinutes: 0, status: 'pending', requestId: null },
        { kind: 'punch', date: '2026-10-17', source: 'rest_day', minutes: 240, pendingMinutes: 240, approvedMinutes: 0, status: 'pending' },
      ]);
      // Unapproved: Tuesday counts its duty (450) only, the Saturday nothing; no overtime, no overtime pay.
      expect(await hoursOf(backend, staffId)).toMatchObject({ workedMinutes: 450, regularMinutes: 450, overtime150Minutes: 0, overtime200Minutes: 0, overtimeMinutes: 0 });
      expect(await overtimePayOf(backend, staffId)).toBe(0);

      await ask(backend, 'overtime/decidePunch', { staffId, date: '2026-10-13', minutes: 90, decision: 'approved', note: '' });
      // Tuesday 450 + 90 = 540: 480 regular (the standard day), 60 at 150%.
      expect(await hoursOf(backend, staffId)).toMatchObject({ workedMinutes: 540, regularMinutes: 480, overtime150Minutes: 60, overtime200Minutes: 0, overtimeMinutes: 60 });
      await ask(backend, 'overtime/decidePunch', { staffId, date: '2026-10-17', minutes: 240, decision: 'approved', note: '周六预约服务' });
      // The Saturday's 240 at 200%: no working day of its week was given off (the others were not worked, absent).
      expect(await hoursOf(backend, staffId)).toMatchObject({ workedMinutes: 780, overtime150Minutes: 60, overtime200Minutes: 240, overtimeMinutes: 300 });
      // Hourly 3,500 / 21.75 / 8 = 20.11; 20.11 × (1.5 × 60 + 2 × 240) / 60 = 20.11 × 9.5 = 191.045.
      expect(await overtimePayOf(backend, staffId)).toBeCloseTo(191.05, 1);
      expect(await rowsOf(backend, staffId)).toMatchObject([
        { date: '2026-10-13', approvedMinutes: 90, pendingMinutes: 0, status: 'approved', decidedBy: 'dispatcher' },
        { date: '2026-10-17', approvedMinutes: 240, pendingMinutes: 0, status: 'approved', decisionNote: '周六预约服务' },
      ]);
      const audit = await backend.context.session.use((db) => db.all<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'overtime' ORDER BY id"));
      expect(audit.map((entry) => entry.action)).toEqual(['approve_punches', 'approve_punches']);
    });
  });

  it('pays a planned request approved ahead for the punches it covers, up to its minutes, and lists the rest', async () => {
    await withOvertimeMonth(async (backend, staffId) => {
      const plan = await ask(backend, 'overtime/request', { staffId, date: '2026-10-13', startsAt: 1050, endsAt: 1110, reason: '窗口排队未清' });
      expect(plan).toMatchObject({ kind: 'planned', source: 'planned', minutes: 60, status: 'pending', requestedBy: 'dispatcher', startsAt: 1050, endsAt: 1110 });
      // Pending, the plan pays nothing.
      expect(await hoursOf(backend, staffId)).toMatchObject({ overtime150Minutes: 0 });
      await ask(backend, 'overtime/decide', { requestId: plan.requestId!, decision: 'approved', note: '' });
      // 60 of the 90 are paid: 450 + 60 = 510, 30 at 150%; the other 30 wait for a decision.
      expect(await hoursOf(backend, staffId)).toMatchObject({ workedMinutes: 510, regularMinutes: 480, overtime150Minutes: 30 });
      const tuesday = await rowsOf(backend, staffId);
      expect(tuesday.filter((row) => row.date === '2026-10-13')).toMatchObject([
        { kind: 'punch', minutes: 90, approvedMinutes: 60, pendingMinutes: 30, status: 'pending' },
        { kind: 'planned', requestId: plan.requestId, status: 'approved', approvedMinutes: 60 },
      ]);
      expect(await refused(backend, 'overtime/decide', { requestId: plan.requestId!, decision: 'rejected', note: '重复' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('已批准') });
    });
  });

  it('pays nothing for rejected overtime and takes it off the list; a rejection needs a reason', async () => {
    await withOvertimeMonth(async (backend, staffId) => {
      expect(await refused(backend, 'overtime/decidePunch', { staffId, date: '2026-10-17', minutes: 240, decision: 'rejected', note: '' })).toMatchObject({ code: 'invalid_argument', fields: { note: 'required' } });
      // What the list showed is what is decided: a stale figure is refused, not guessed at.
      expect(await refused(backend, 'overtime/decidePunch', { staffId, date: '2026-10-17', minutes: 180, decision: 'rejected', note: '未安排' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('240 分钟') });
      await ask(backend, 'overtime/decidePunch', { staffId, date: '2026-10-17', minutes: 240, decision: 'rejected', note: '未安排加班' });
      const rows = await rowsOf(backend, staffId);
      expect(rows.filter((row) => row.pendingMinutes > 0).map((row) => row.date)).toEqual(['2026-10-13']);
      expect(rows.find((row) => row.date === '2026-10-17')).toMatchObject({ status: 'rejected', rejectedMinutes: 240, approvedMinutes: 0, decisionNote: '未安排加班' });
      expect(await hoursOf(backend, staffId)).toMatchObject({ workedMinutes: 450, overtime200Minutes: 0, overtimeMinutes: 0 });
      // Nothing waits any more on that day.
      expect(await refused(backend, 'overtime/decidePunch', { staffId, date: '2026-10-17', minutes: 240, decision: 'approved', note: '' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('没有待审批') });
    });
  });

  it('takes a plan as from–to or as minutes, refuses one that is neither or ends before it starts, and lets a lead ask but not decide', async () => {
    await withOvertimeMonth(async (backend, staffId) => {
      expect(await ask(backend, 'overtime/request', { staffId, date: '2026-11-27', minutes: 90, reason: '月末高峰' })).toMatchObject({ minutes: 90, startsAt: null, endsAt: null });
      expect(await refused(backend, 'overtime/request', { staffId, date: '2026-11-27', reason: '月末高峰' })).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('请填写加班起止时间或分钟数') });
      expect(await refused(backend, 'overtime/request', { staffId, date: '2026-11-27', startsAt: 1110, endsAt: 1050, reason: '月末高峰' })).toMatchObject({ code: 'invalid_argument', fields: { endsAt: 'out_of_range' } });
      expect(await refused(backend, 'overtime/request', { staffId, date: '2026-02-27', minutes: 60, reason: '入职前' })).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('不在职') });
      const zoneId = (await backend.context.session.use((db) => db.get<{ id: number }>("SELECT id FROM zones WHERE code = 'PJ'")))!.id;
      const lead = await asNewAccount(backend, 'lead', { username: 'lead-pj', zoneIds: [zoneId] });
      const asked = await ask(lead.backend, 'overtime/request', { staffId, date: '2026-11-28', startsAt: 510, endsAt: 720, reason: '周六预约' });
      expect(asked).toMatchObject({ requestedBy: 'lead-pj', status: 'pending', minutes: 210 });
      expect(await refused(lead.backend, 'overtime/decide', { requestId: asked.requestId!, decision: 'approved', note: '' })).toMatchObject({ code: 'forbidden' });
    });
  });
});
