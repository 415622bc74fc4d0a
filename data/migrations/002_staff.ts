import type { Migration } from './migration.ts';

/**
 * Staff records. Departure is a status with a date, never a delete, so rosters and attendance that
 * name a person keep their history. `version` lets an edit detect that someone else saved first.
 */
export const migration002Staff: Migration = {
  version: 2,
  name: 'staff',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        employee_no TEXT NOT NULL COLLATE NOCASE UNIQUE,
        name TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
        phone TEXT NOT NULL,
        id_number TEXT NOT NULL,
        hire_date TEXT NOT NULL CHECK (hire_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL CHECK (status IN ('probation', 'active', 'departed')),
        left_on TEXT CHECK (left_on IS NULL OR left_on >= hire_date),
        leave_reason TEXT,
        home_zone_id INTEGER NOT NULL REFERENCES zones(id),
        primary_post_id INTEGER REFERENCES posts(id),
        contract_type TEXT NOT NULL CHECK (contract_type IN ('standard', 'comprehensive')),
        weekly_hour_cap INTEGER NOT NULL CHECK (weekly_hour_cap BETWEEN 1 AND 60),
        wage_grade INTEGER NOT NULL CHECK (wage_grade BETWEEN 1 AND 12),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'departed') = (left_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX staff_by_zone ON staff(home_zone_id);
      -- One person is one record while employed; a rehire after departure gets a new record.
      CREATE UNIQUE INDEX staff_current_id_number ON staff(id_number) WHERE status <> 'departed';
    `);
  },
};
