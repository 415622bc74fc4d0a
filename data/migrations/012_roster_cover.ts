import type { Migration } from './migration.ts';

/**
 * Which published roster the hall follows for each zone and day. Publishing a draft for some zones
 * replaces those zones' days only: an all-zone roster keeps the zones and days nobody replaced.
 * The primary key is the rule "never two published rosters for one zone and day", held by the
 * database itself rather than by every writer.
 */
export const migration012RosterCover: Migration = {
  version: 12,
  name: 'published rosters per zone and day',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE roster_cover (
        zone_id INTEGER NOT NULL REFERENCES zones(id),
        date TEXT NOT NULL,
        roster_id INTEGER NOT NULL REFERENCES rosters(id),
        PRIMARY KEY (zone_id, date)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX roster_cover_by_roster ON roster_cover (roster_id, date);

      -- Every published roster's zones and days; where two overlapped (they never should), the
      -- later publication wins, as it did for the hall.
      WITH RECURSIVE days(roster_id, date, to_date, published_at) AS (
        SELECT id, from_date, to_date, published_at FROM rosters WHERE status = 'published'
        UNION ALL
        SELECT roster_id, date(date, '+1 day'), to_date, published_at FROM days WHERE date < to_date
      )
      INSERT OR REPLACE INTO roster_cover (zone_id, date, roster_id)
      SELECT zone.value, days.date, days.roster_id
      FROM days JOIN rosters r ON r.id = days.roster_id, json_each(r.zone_ids) zone
      ORDER BY days.published_at, days.roster_id;
    `);
  },
};
