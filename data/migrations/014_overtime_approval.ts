import type { Migration } from './migration.ts';

/**
 * Overtime is work the employer arranges (工资支付暂行规定 art. 13), so punches past the end of a
 * duty are paid only once someone approved them (issue #17 item 2). One table holds both ways an
 * approval comes about: a request planned ahead (a lead or dispatcher asks, a dispatcher decides),
 * and a decision on punch overtime after the fact (approved or rejected at once, for the minutes
 * the dispatcher saw). Nothing moves: before this, no overtime was ever approved.
 */
export const migration014OvertimeApproval: Migration = {
  version: 14,
  name: 'overtime requests and approvals',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE overtime_requests (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        date TEXT NOT NULL,
        -- planned: entered ahead; punch: a decision on the overtime the punches of the day show.
        source TEXT NOT NULL CHECK (source IN ('planned', 'punch')),
        starts_at INTEGER CHECK (starts_at BETWEEN 0 AND 1440),
        ends_at INTEGER CHECK (ends_at BETWEEN 0 AND 1440),
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_at TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        decision_note TEXT,
        CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
        CHECK (starts_at IS NULL OR ends_at > starts_at),
        CHECK (source = 'planned' OR status <> 'pending')
      ) STRICT;
      CREATE INDEX overtime_by_date ON overtime_requests(date, staff_id);
    `);
  },
};
