import { AppFailure, fieldFailure } from '../../contract/errors.ts';
import type { ChannelArgs } from '../../contract/channels.ts';
import type { Staff, StaffRow } from '../../contract/model.ts';
import { maskResidentId } from '../../contract/rules.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import {
  getStaff,
  insertStaff,
  listStaff,
  markDeparted,
  setWorkStartDate,
  updateStaff,
  type StaffRecord,
} from '../../../data/repositories/staff.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { checkStaffDraft } from './staff-rules.ts';

export function staffHandlers(ctx: BackendContext) {
  return {
    'staff/list': (): Promise<StaffRow[]> => ctx.session.use(async (db) => (await listStaff(db)).map(toRow)),

    'staff/get': ({ id }: ChannelArgs<'staff/get'>): Promise<Staff> => ctx.session.use((db) => requireStaff(db, id)),

    'staff/create': ({ staff }: ChannelArgs<'staff/create'>): Promise<Staff> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          await assertNoFieldErrors(tx, staff, todayOf(ctx.clock), null);
          const id = await insertStaff(tx, staff, ctx.clock.now().toISOString());
          if (staff.workStartDate !== undefined) await setWorkStartDate(tx, id, staff.workStartDate);
          await audit(tx, ctx, id, 'create', { employeeNo: staff.employeeNo, name: staff.name });
          return requireStaff(tx, id);
        }),
      ),

    'staff/update': ({ id, version, staff }: ChannelArgs<'staff/update'>): Promise<Staff> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const before = await requireEditable(tx, id, version);
          await assertNoFieldErrors(tx, staff, todayOf(ctx.clock), id);
          await updateStaff(tx, id, version, staff, ctx.clock.now().toISOString());
          if (staff.workStartDate !== undefined) await setWorkStartDate(tx, id, staff.workStartDate);
          await audit(tx, ctx, id, 'update', { changed: changedFields(before, staff) });
          return requireStaff(tx, id);
        }),
      ),

    'staff/deactivate': ({ id, version, leftOn, reason }: ChannelArgs<'staff/deactivate'>): Promise<Staff> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const before = await requireEditable(tx, id, version);
          if (leftOn < before.hireDate) throw fieldFailure({ leftOn: 'before_hire' });
          if (leftOn > todayOf(ctx.clock)) throw fieldFailure({ leftOn: 'future_date' });
          await markDeparted(tx, id, version, leftOn, reason, ctx.clock.now().toISOString());
          await audit(tx, ctx, id, 'deactivate', { leftOn, reason });
          return requireStaff(tx, id);
        }),
      ),
  };
}

function toRow(record: StaffRecord): StaffRow {
  const { idNumber, ...rest } = record;
  return { ...rest, idNumberMasked: maskResidentId(idNumber) };
}

async function requireStaff(db: Queryable, id: number): Promise<Staff> {
  const record = await getStaff(db, id);
  if (!record) throw new AppFailure('not_found', `No staff member with id ${id}`);
  return record;
}

/** The record must still be the one the user opened, and not already departed. */
async function requireEditable(db: Queryable, id: number, version: number): Promise<Staff> {
  const record = await requireStaff(db, id);
  if (record.status === 'departed') {
    throw new AppFailure('conflict', `${record.name} (${record.employeeNo}) has already left on ${record.leftOn}`);
  }
  if (record.version !== version) {
    throw new AppFailure('conflict', `${record.name} was changed at ${record.updatedAt} after you opened it; reload and try again`);
  }
  return record;
}

async function assertNoFieldErrors(
  db: Queryable,
  draft: ChannelArgs<'staff/create'>['staff'],
  today: string,
  selfId: number | null,
): Promise<void> {
  const errors = await checkStaffDraft(db, draft, today, selfId);
  // Paths match the argument's shape, so the form maps `staff.phone` to its phone field.
  const prefixed = Object.fromEntries(Object.entries(errors).map(([field, problem]) => [`staff.${field}`, problem]));
  if (Object.keys(prefixed).length > 0) throw fieldFailure(prefixed);
}

function changedFields(before: Staff, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => before[key as keyof Staff] !== after[key]);
}

function audit(db: Queryable, ctx: BackendContext, id: number, action: string, detail: Record<string, unknown>) {
  return appendAudit(db, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity: 'staff', entityId: id, action, detail });
}
