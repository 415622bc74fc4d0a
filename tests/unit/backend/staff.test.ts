import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import { listAudit } from '../../../data/repositories/audit.ts';
import { ask, refused, TEST_TODAY, withTestBackend } from '../../support/backend.ts';
import { draftStaff, validResidentId } from '../../support/people.ts';

const withBackend = withTestBackend;

async function taxZone(backend: Backend) {
  const centre = await ask(backend, 'centre/get', {});
  const zone = centre.zones.find((z) => z.code === 'TX')!;
  const post = centre.posts.find((p) => p.zoneId === zone.id)!;
  const otherPost = centre.posts.find((p) => p.zoneId !== null && p.zoneId !== zone.id)!;
  return { zone, post, otherPost };
}

describe('staff service', () => {
  it('lists the demo centre with resident IDs masked', () =>
    withBackend(async (backend) => {
      const rows = await ask(backend, 'staff/list', {});
      expect(rows.length).toBeGreaterThan(110);
      for (const row of rows) {
        expect(row).not.toHaveProperty('idNumber');
        expect(row.idNumberMasked).toMatch(/^\d{2}\*{12}[\dX]{4}$/);
      }
    }));

  it('creates a person, returns the full record and writes the audit trail', () =>
    withBackend(async (backend) => {
      const { zone, post } = await taxZone(backend);
      const created = await ask(backend, 'staff/create', { staff: draftStaff({ homeZoneId: zone.id, primaryPostId: post.id }) });
      expect(created).toMatchObject({ employeeNo: 'T0001', status: 'active', version: 1, homeZoneId: zone.id });
      expect(await ask(backend, 'staff/get', { id: created.id })).toEqual(created);
      const trail = await backend.context.session.use((db) => listAudit(db, 'staff', created.id));
      expect(trail).toMatchObject([{ action: 'create', actor: 'dispatcher', detail: { employeeNo: 'T0001' } }]);
    }));

  it('names every broken rule at its field and writes nothing', () =>
    withBackend(async (backend) => {
      const { zone, otherPost } = await taxZone(backend);
      const before = await ask(backend, 'staff/list', {});
      const taken = before[0]!;
      const error = await refused(backend, 'staff/create', {
        staff: draftStaff({
          employeeNo: taken.employeeNo.toLowerCase(),
          gender: 'M',
          hireDate: '2026-11-23',
          homeZoneId: zone.id,
          primaryPostId: otherPost.id,
        }),
      });
      expect(error.code).toBe('invalid_argument');
      expect(error.fields).toEqual({
        'staff.employeeNo': 'taken',
        'staff.gender': 'gender_mismatch',
        'staff.hireDate': 'future_date',
        'staff.primaryPostId': 'wrong_zone',
      });
      expect(await ask(backend, 'staff/list', {})).toHaveLength(before.length);
    }));

  it('refuses someone under 16 on the hire date, and a resident ID already employed', () =>
    withBackend(async (backend) => {
      const young = await refused(backend, 'staff/create', { staff: draftStaff({ idNumber: validResidentId('2012-01-01', 'F'), hireDate: '2026-11-01' }) });
      expect(young.fields).toEqual({ 'staff.idNumber': 'too_young' });
      await ask(backend, 'staff/create', { staff: draftStaff() });
      const twice = await refused(backend, 'staff/create', { staff: draftStaff({ employeeNo: 'T0002' }) });
      expect(twice.fields).toEqual({ 'staff.idNumber': 'taken' });
    }));

  it('refuses a home zone that does not exist', () =>
    withBackend(async (backend) => {
      expect((await refused(backend, 'staff/create', { staff: draftStaff({ homeZoneId: 999 }) })).fields).toEqual({ 'staff.homeZoneId': 'invalid_value' });
    }));

  it('edits with the version the user saw, and refuses a stale one', () =>
    withBackend(async (backend) => {
      const created = await ask(backend, 'staff/create', { staff: draftStaff() });
      const edited = await ask(backend, 'staff/update', { id: created.id, version: 1, staff: draftStaff({ phone: '0571-88886666' }) });
      expect(edited).toMatchObject({ phone: '0571-88886666', version: 2 });
      const stale = await refused(backend, 'staff/update', { id: created.id, version: 1, staff: draftStaff({ phone: '13900000000' }) });
      expect(stale.code).toBe('conflict');
      expect((await ask(backend, 'staff/get', { id: created.id })).phone).toBe('0571-88886666');
    }));

  it('lets a person keep their own employee number and resident ID when edited', () =>
    withBackend(async (backend) => {
      const created = await ask(backend, 'staff/create', { staff: draftStaff() });
      await expect(ask(backend, 'staff/update', { id: created.id, version: 1, staff: draftStaff({ name: '测试员甲' }) })).resolves.toMatchObject({ name: '测试员甲' });
    }));

  it('records a departure with a date instead of deleting, and freezes the record', () =>
    withBackend(async (backend) => {
      const created = await ask(backend, 'staff/create', { staff: draftStaff() });
      const beforeHire = await refused(backend, 'staff/deactivate', { id: created.id, version: 1, leftOn: '2026-02-01', reason: '个人原因' });
      expect(beforeHire.fields).toEqual({ leftOn: 'before_hire' });
      const future = await refused(backend, 'staff/deactivate', { id: created.id, version: 1, leftOn: '2026-12-01', reason: '个人原因' });
      expect(future.fields).toEqual({ leftOn: 'future_date' });
      const departed = await ask(backend, 'staff/deactivate', { id: created.id, version: 1, leftOn: TEST_TODAY, reason: '个人原因' });
      expect(departed).toMatchObject({ status: 'departed', leftOn: TEST_TODAY, leaveReason: '个人原因' });
      expect((await ask(backend, 'staff/list', {})).some((row) => row.id === created.id)).toBe(true);
      const edit = await refused(backend, 'staff/update', { id: created.id, version: departed.version, staff: draftStaff() });
      expect(edit.code).toBe('conflict');
    }));

  it('answers not_found for a person who does not exist', () =>
    withBackend(async (backend) => {
      expect((await refused(backend, 'staff/get', { id: 99999 })).code).toBe('not_found');
    }));
});
