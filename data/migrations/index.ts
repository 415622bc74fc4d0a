import { DatabaseFileError, type Database } from '../connection.ts';
import type { Migration } from './migration.ts';
import { migration001Centre } from './001_centre.ts';
import { migration002Staff } from './002_staff.ts';
import { migration003SettingsAudit } from './003_settings_audit.ts';
import { migration004Skills } from './004_skills.ts';
import { migration005CalendarLeaveAttendance } from './005_calendar_leave_attendance.ts';
import { migration006Demand } from './006_demand.ts';
import { migration007Rosters } from './007_rosters.ts';
import { migration008RosterBoard } from './008_roster_board.ts';
import { migration009Cost } from './009_cost.ts';
import { migration010Accounts } from './010_accounts.ts';
import { migration011HallSeats } from './011_hall_seats.ts';
import { migration012RosterCover } from './012_roster_cover.ts';
import { migration013PayReadings } from './013_pay_readings.ts';
import { migration014OvertimeApproval } from './014_overtime_approval.ts';

export type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [
  migration001Centre,
  migration002Staff,
  migration003SettingsAudit,
  migration004Skills,
  migration005CalendarLeaveAttendance,
  migration006Demand,
  migration007Rosters,
  migration008RosterBoard,
  migration009Cost,
  migration010Accounts,
  migration011HallSeats,
  migration012RosterCover,
  migration013PayReadings,
  migration014OvertimeApproval,
];

export const LATEST_SCHEMA_VERSION = migrations.length;

export async function readSchemaVersion(db: Database): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** A file written by a newer release would be damaged by this one: refuse it, do not guess. */
export async function assertSchemaNotNewer(db: Database): Promise<number> {
  const found = await readSchemaVersion(db);
  if (found > LATEST_SCHEMA_VERSION) {
    throw new DatabaseFileError(
      'too_new',
      db.path,
      `schema version ${found} is newer than this app's ${LATEST_SCHEMA_VERSION}`,
    );
  }
  return found;
}

/** Applies every pending migration, each in its own transaction with its version bump. */
export async function migrate(db: Database, upTo = LATEST_SCHEMA_VERSION): Promise<number> {
  const current = await assertSchemaNotNewer(db);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    await db.transaction(async (tx) => {
      await migration.up(tx);
      // PRAGMA takes no bound parameters; the value is our own integer constant.
      await tx.exec(`PRAGMA user_version = ${Number(migration.version)}`);
    });
  }
  return readSchemaVersion(db);
}
