import type { Migration } from './migration.ts';

/**
 * The roster board: pins on cells, every change made to a roster (the audit of a published roster
 * lists those made after publication), breaches a shift lead accepted with a written reason,
 * absences marked in the hall, and the repair / re-optimise proposals waiting to be applied.
 */
export const migration008RosterBoard: Migration = {
  version: 8,
  name: 'roster board: pins, changes, overrides, absences, proposals',
  async up(tx) {
    await tx.exec(`
      -- A pinned cell keeps its duty when the rest of the roster is re-optimised.
      ALTER TABLE roster_assignments ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));

      CREATE TABLE roster_changes (
        id INTEGER PRIMARY KEY,
        roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'repair', 'reoptimise')),
        reason TEXT,
        override_reason TEXT,
        -- Made while the roster was published: listed as a change since publication.
        after_publication INTEGER NOT NULL CHECK (after_publication IN (0, 1)),
        -- [{staffId, staffName, date, shiftCode, fromPostId, toPostId, learner}]: enough to read and to undo.
        moves TEXT NOT NULL CHECK (json_valid(moves) AND json_type(moves) = 'array')
      ) STRICT;
      CREATE INDEX roster_changes_by_roster ON roster_changes (roster_id, id);

      CREATE TABLE roster_overrides (
        id INTEGER PRIMARY KEY,
        roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
        change_id INTEGER NOT NULL REFERENCES roster_changes(id) ON DELETE CASCADE,
        -- rule|staff|date|shift|post of the breach accepted: it stays accepted while that breach lasts.
        breach_key TEXT NOT NULL,
        rule TEXT NOT NULL,
        message TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_overrides_by_key ON roster_overrides (roster_id, breach_key);

      CREATE TABLE roster_absences (
        id INTEGER PRIMARY KEY,
        roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        date TEXT NOT NULL,
        -- NULL: the whole day.
        shift_code TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('sick', 'personal', 'other')),
        note TEXT NOT NULL DEFAULT '',
        change_id INTEGER REFERENCES roster_changes(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_absences_by_roster ON roster_absences (roster_id, date);

      CREATE TABLE roster_proposals (
        id INTEGER PRIMARY KEY,
        roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('repair', 'reoptimise')),
        created_at TEXT NOT NULL,
        -- The roster's newest change when the solve started (0: none): a later change makes it stale.
        based_on_change_id INTEGER NOT NULL,
        absence TEXT CHECK (absence IS NULL OR json_valid(absence)),
        moves TEXT NOT NULL CHECK (json_valid(moves) AND json_type(moves) = 'array'),
        -- before/after coverage totals, solve status and gap.
        stats TEXT NOT NULL CHECK (json_valid(stats)),
        applied_change_id INTEGER REFERENCES roster_changes(id)
      ) STRICT;
      CREATE INDEX roster_proposals_by_roster ON roster_proposals (roster_id);
    `);
  },
};
