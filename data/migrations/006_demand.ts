import type { Migration } from './migration.ts';

/**
 * Demand: the hall's business types (each served by one zone's skill), queue-ticket history
 * counted per half-hour, the dispatcher's forecast overrides and each zone's service target.
 */
export const migration006Demand: Migration = {
  version: 6,
  name: 'business types, ticket counts, forecast overrides, service targets',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE business_types (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        zone_id INTEGER NOT NULL REFERENCES zones(id),
        -- The skill a window needs to serve this business.
        post_id INTEGER NOT NULL REFERENCES posts(id),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      -- Ticket history is kept as counts: a per-ticket file is summed per half-hour on import,
      -- a daily-count file fills slot -1 (the whole day). Sums, not means, so counts can merge.
      CREATE TABLE ticket_counts (
        date TEXT NOT NULL,
        business_type_id INTEGER NOT NULL REFERENCES business_types(id),
        -- Half-hour of the day, 0 = 00:00–00:30 … 47; -1 = a whole day with no times.
        slot INTEGER NOT NULL CHECK (slot BETWEEN -1 AND 47),
        arrivals INTEGER NOT NULL CHECK (arrivals >= 0),
        -- Tickets whose handling time was measured (called and finished), and the sums.
        served INTEGER NOT NULL DEFAULT 0 CHECK (served >= 0),
        handle_seconds INTEGER NOT NULL DEFAULT 0 CHECK (handle_seconds >= 0),
        wait_seconds INTEGER NOT NULL DEFAULT 0 CHECK (wait_seconds >= 0),
        source TEXT NOT NULL,
        PRIMARY KEY (date, business_type_id, slot)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE demand_overrides (
        zone_id INTEGER NOT NULL REFERENCES zones(id),
        date TEXT NOT NULL,
        slot INTEGER NOT NULL CHECK (slot BETWEEN -1 AND 47),
        arrivals REAL NOT NULL CHECK (arrivals >= 0),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (zone_id, date, slot)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE service_targets (
        zone_id INTEGER PRIMARY KEY REFERENCES zones(id),
        kind TEXT NOT NULL CHECK (kind IN ('avg_wait', 'service_level')),
        max_wait_minutes REAL NOT NULL DEFAULT 10 CHECK (max_wait_minutes > 0),
        service_level_percent REAL NOT NULL DEFAULT 80 CHECK (service_level_percent > 0 AND service_level_percent < 100),
        within_seconds INTEGER NOT NULL DEFAULT 600 CHECK (within_seconds > 0),
        -- Posts staffed whatever the queue: the consultation desk, guidance.
        fixed_posts INTEGER NOT NULL DEFAULT 0 CHECK (fixed_posts >= 0)
      ) STRICT;
    `);
  },
};
