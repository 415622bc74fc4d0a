import type { Migration } from './migration.ts';

/**
 * Rosters: a draft from the optimiser or an imported file, published for the hall, superseded when
 * a later one is published over the same days and zones. The scenario a roster was made from is
 * kept with it, so its coverage and gaps read the same tomorrow as today, whatever the forecast does.
 */
export const migration007Rosters: Migration = {
  version: 7,
  name: 'rosters and their assignments',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE rosters (
        id INTEGER PRIMARY KEY,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        -- The zones the roster staffs, as a JSON array of ids: overlap with another roster is
        -- decided on dates and zones together.
        zone_ids TEXT NOT NULL CHECK (json_valid(zone_ids) AND json_type(zone_ids) = 'array'),
        status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
        source TEXT NOT NULL CHECK (source IN ('solver', 'import')),
        created_at TEXT NOT NULL,
        published_at TEXT,
        superseded_by INTEGER REFERENCES rosters(id),
        -- engine, status, seconds, objective, bound, gap, unmet staff-shifts, resilience share.
        stats TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(stats)),
        -- Every gap with its reason in Chinese and English, as the solver explained it.
        gaps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(gaps)),
        scenario TEXT NOT NULL CHECK (json_valid(scenario)),
        CHECK (to_date >= from_date),
        -- Only a draft has never been published; a superseded roster was published once.
        CHECK ((status = 'draft') = (published_at IS NULL)),
        CHECK ((status = 'superseded') = (superseded_by IS NOT NULL))
      ) STRICT;
      CREATE INDEX rosters_by_status_and_dates ON rosters (status, from_date, to_date);

      CREATE TABLE roster_assignments (
        roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        date TEXT NOT NULL,
        -- The shift template's code, as the scenario names shifts: a roster stays readable even
        -- after its template is renamed or retired.
        shift_code TEXT NOT NULL,
        post_id INTEGER NOT NULL REFERENCES posts(id),
        learner INTEGER NOT NULL DEFAULT 0 CHECK (learner IN (0, 1)),
        PRIMARY KEY (roster_id, staff_id, date, shift_code)
      ) STRICT, WITHOUT ROWID;
      -- Fairness and consecutive days read a person's past duties across rosters.
      CREATE INDEX roster_assignments_by_staff_and_date ON roster_assignments (staff_id, date);
    `);
  },
};
