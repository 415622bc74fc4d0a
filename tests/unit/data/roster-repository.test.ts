import { describe, expect, it } from 'vitest';
import type { Database } from '../../../data/connection.ts';
import { migrate } from '../../../data/migrations/index.ts';
import { seedDemoCentre } from '../../../data/demo/seed.ts';
import {
  deleteDraftRoster,
  getRoster,
  getRosterScenario,
  insertDraftRoster,
  listCoverReplaced,
  listPublishedCover,
  listPublishedDuties,
  listRosterAssignments,
  listRosters,
  publishRoster,
  type NewRoster,
} from '../../../data/repositories/roster.ts';
import { withMigratedDb } from '../../support/db.ts';
import { migration012RosterCover } from '../../../data/migrations/012_roster_cover.ts';

const NOW = '2026-11-22T02:00:00.000Z';
const LATER = '2026-11-22T03:00:00.000Z';

const withDb = withMigratedDb;

/** Two staff and two posts of the demo centre, for foreign keys. */
async function someIds(db: Database) {
  await seedDemoCentre(db, { today: '2026-11-22', now: NOW });
  const staff = await db.all<{ id: number; name: string }>("SELECT id, name FROM staff WHERE status <> 'departed' ORDER BY id LIMIT 2");
  const posts = await db.all<{ id: number }>('SELECT id FROM posts ORDER BY id LIMIT 2');
  return { staff: staff.map((s) => s.id), names: staff.map((s) => s.name), posts: posts.map((p) => p.id) };
}

function draft(overrides: Partial<NewRoster> = {}): NewRoster {
  return {
    from: '2026-11-23',
    to: '2026-11-29',
    zoneIds: [1, 2],
    source: 'solver',
    createdAt: NOW,
    stats: { engine: 'highs', status: 'optimal', seconds: 1.5, objective: 120, bound: 120, gap: 0, unmet: 0, resilience: 0.9 },
    gaps: [],
    scenario: { start: '2026-11-23', days: 7 },
    assignments: [],
    ...overrides,
  };
}

describe('the migration to cover per zone and day', () => {
  const version = migration012RosterCover.version;
  it('gives every published roster its zones and days, the later publication winning an overlap, drafts and superseded none', () =>
    withDb(async (db) => {
      await someIds(db);
      const insert = (from: string, to: string, zoneIds: number[], status: string, publishedAt: string | null, supersededBy: number | null = null) =>
        db.run(
          `INSERT INTO rosters (from_date, to_date, zone_ids, status, source, created_at, published_at, superseded_by, scenario) VALUES (?, ?, ?, ?, 'solver', ?, ?, ?, '{}')`,
          [from, to, JSON.stringify(zoneIds), status, NOW, publishedAt, supersededBy],
        );
      const early = (await insert('2026-11-23', '2026-11-29', [1, 2], 'published', NOW)).lastId;
      // Two published rosters sharing zone 2 on the 29th: the old schema let that happen.
      const late = (await insert('2026-11-29', '2026-11-30', [2], 'published', LATER)).lastId;
      await insert('2026-11-23', '2026-11-29', [3], 'draft', null);
      await insert('2026-11-23', '2026-11-29', [4], 'superseded', NOW, early);
      await migrate(db, version);
      const cover = await listPublishedCover(db, '2026-11-01', '2026-12-31');
      expect(cover).toHaveLength(7 + 6 + 2);
      expect(cover.filter((row) => row.zoneId === 2 && row.date >= '2026-11-29')).toEqual([
        { zoneId: 2, date: '2026-11-29', rosterId: late },
        { zoneId: 2, date: '2026-11-30', rosterId: late },
      ]);
      expect(cover.filter((row) => row.zoneId === 1).every((row) => row.rosterId === early)).toBe(true);
      expect(cover.some((row) => row.zoneId === 3 || row.zoneId === 4)).toBe(false);
      expect(await db.get("SELECT strict FROM pragma_table_list WHERE name = 'roster_cover'")).toEqual({ strict: 1 });
    }, version - 1));
});

describe('migration 007', () => {
  it('adds rosters and assignments as STRICT tables and keeps the demand data written before it', () =>
    withDb(async (db) => {
      // The demo's seed writes the latest schema (windows' staffing since 011): a zone of one's own here.
      await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('TX', '税务', 'Tax', 'windows', 1)");
      await db.run("INSERT INTO service_targets (zone_id, kind) VALUES (1, 'avg_wait')");
      // Up to 007 only: later migrations add roster tables of their own, tested with them.
      await migrate(db, 7);
      expect(await db.all('SELECT zone_id, kind FROM service_targets')).toEqual([{ zone_id: 1, kind: 'avg_wait' }]);
      const strict = await db.all<{ name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name LIKE 'roster%' ORDER BY name");
      expect(strict).toEqual([{ name: 'roster_assignments', strict: 1 }, { name: 'rosters', strict: 1 }]);
    }, 6));

  it('refuses a roster that ends before it starts, a published one without its date, and bad JSON', () =>
    withDb(async (db) => {
      const insert = (to: string, status: string, publishedAt: string | null, zoneIds = '[1]') =>
        db.run(
          `INSERT INTO rosters (from_date, to_date, zone_ids, status, source, created_at, published_at, scenario)
           VALUES ('2026-11-23', ?, ?, ?, 'solver', ?, ?, '{}')`,
          [to, zoneIds, status, NOW, publishedAt],
        );
      await expect(insert('2026-11-22', 'draft', null)).rejects.toThrow(/CHECK/);
      await expect(insert('2026-11-29', 'published', null)).rejects.toThrow(/CHECK/);
      await expect(insert('2026-11-29', 'draft', NOW)).rejects.toThrow(/CHECK/);
      await expect(insert('2026-11-29', 'draft', null, '{"a":1}')).rejects.toThrow(/CHECK/);
      await expect(insert('2026-11-29', 'draft', null)).resolves.toBeDefined();
    }));
});

describe('the roster repository', () => {
  it('saves a draft with its assignments, gaps and scenario, and reads them back', () =>
    withDb(async (db) => {
      const ids = await someIds(db);
      const id = await db.transaction((tx) =>
        insertDraftRoster(
          tx,
          draft({
            gaps: [{ date: '2026-11-23', shiftCode: 'AM', postId: ids.posts[0]!, missing: 1, reasonZh: '缺 1 人', reasonEn: 'short 1' }],
            assignments: [
              { staffId: ids.staff[0]!, date: '2026-11-23', shiftCode: 'AM', postId: ids.posts[0]!, learner: false },
              { staffId: ids.staff[1]!, date: '2026-11-23', shiftCode: 'AM', postId: ids.posts[0]!, learner: true },
            ],
          }),
        ),
      );
      const saved = await getRoster(db, id);
      expect(saved).toMatchObject({ from: '2026-11-23', to: '2026-11-29', zoneIds: [1, 2], status: 'draft', source: 'solver', publishedAt: null });
      expect(saved!.stats.resilience).toBe(0.9);
      expect(saved!.gaps[0]!.reasonZh).toBe('缺 1 人');
      expect(await getRosterScenario(db, id)).toEqual({ start: '2026-11-23', days: 7 });
      const assignments = await listRosterAssignments(db, id);
      expect(assignments.map((a) => [a.staffName, a.learner])).toEqual(expect.arrayContaining([[ids.names[0], false], [ids.names[1], true]]));
    }));

  it('saves nothing of a draft whose assignments break a foreign key', () =>
    withDb(async (db) => {
      await someIds(db);
      const bad = draft({ assignments: [{ staffId: 999_999, date: '2026-11-23', shiftCode: 'AM', postId: 1, learner: false }] });
      await expect(db.transaction((tx) => insertDraftRoster(tx, bad))).rejects.toThrow(/FOREIGN KEY/);
      expect(await listRosters(db, {})).toEqual([]);
    }));

  it('lists rosters sharing a day with the range, newest period first', () =>
    withDb(async (db) => {
      await someIds(db);
      const first = await insertDraftRoster(db, draft());
      const second = await insertDraftRoster(db, draft({ from: '2026-11-30', to: '2026-12-06' }));
      expect((await listRosters(db, {})).map((r) => r.id)).toEqual([second, first]);
      expect((await listRosters(db, { from: '2026-11-29', to: '2026-11-29' })).map((r) => r.id)).toEqual([first]);
      expect((await listRosters(db, { from: '2026-12-07' })).map((r) => r.id)).toEqual([]);
    }));

  it('publishing replaces exactly the zone-days it staffs, and supersedes a roster left with none', () =>
    withDb(async (db) => {
      await someIds(db);
      const sameWeekSameZone = await insertDraftRoster(db, draft({ zoneIds: [2, 3] }));
      const sameWeekOtherZone = await insertDraftRoster(db, draft({ zoneIds: [4] }));
      const otherWeekSameZone = await insertDraftRoster(db, draft({ from: '2026-11-30', to: '2026-12-06' }));
      const coveredWhole = await insertDraftRoster(db, draft({ from: '2026-11-26', to: '2026-11-27', zoneIds: [1] }));
      for (const id of [sameWeekSameZone, sameWeekOtherZone, otherWeekSameZone, coveredWhole]) await db.transaction((tx) => publishRoster(tx, id, NOW));
      const newer = await insertDraftRoster(db, draft({ from: '2026-11-25', to: '2026-11-29', zoneIds: [1, 2] }));
      const before = await listCoverReplaced(db, { from: '2026-11-25', to: '2026-11-29', zoneIds: [1, 2] });
      expect(before.map((part) => ({ id: part.roster.id, zoneIds: part.zoneIds, from: part.from, to: part.to, whole: part.whole }))).toEqual([
        { id: sameWeekSameZone, zoneIds: [2], from: '2026-11-25', to: '2026-11-29', whole: false },
        { id: coveredWhole, zoneIds: [1], from: '2026-11-26', to: '2026-11-27', whole: true },
      ]);

      const replaced = await db.transaction((tx) => publishRoster(tx, newer, LATER));
      expect(replaced.map((part) => part.roster.id)).toEqual([sameWeekSameZone, coveredWhole]);
      // Zone 2 from the 25th is the newer roster's; zone 3 all week and zone 2 before the 25th stay.
      expect(await getRoster(db, sameWeekSameZone)).toMatchObject({ status: 'published', publishedAt: NOW });
      expect(await getRoster(db, coveredWhole)).toMatchObject({ status: 'superseded', supersededBy: newer, publishedAt: NOW });
      expect(await getRoster(db, newer)).toMatchObject({ status: 'published', publishedAt: LATER });
      expect((await getRoster(db, sameWeekOtherZone))!.status).toBe('published');
      expect((await getRoster(db, otherWeekSameZone))!.status).toBe('published');
      const cover = await listPublishedCover(db, '2026-11-24', '2026-11-25');
      expect(cover.filter((row) => row.zoneId === 2)).toEqual([
        { zoneId: 2, date: '2026-11-24', rosterId: sameWeekSameZone },
        { zoneId: 2, date: '2026-11-25', rosterId: newer },
      ]);
      expect(cover.filter((row) => row.zoneId === 3).map((row) => row.rosterId)).toEqual([sameWeekSameZone, sameWeekSameZone]);
    }));

  it('never holds two published rosters for one zone and day', () =>
    withDb(async (db) => {
      await someIds(db);
      const id = await insertDraftRoster(db, draft({ zoneIds: [1] }));
      await db.transaction((tx) => publishRoster(tx, id, NOW));
      const other = await insertDraftRoster(db, draft({ zoneIds: [1] }));
      await expect(db.run("INSERT INTO roster_cover (zone_id, date, roster_id) VALUES (1, '2026-11-23', ?)", [other])).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    }));

  it('deletes drafts only', () =>
    withDb(async (db) => {
      const ids = await someIds(db);
      const one = { staffId: ids.staff[0]!, date: '2026-11-23', shiftCode: 'AM', postId: ids.posts[0]!, learner: false };
      const kept = await insertDraftRoster(db, draft({ assignments: [one] }));
      await publishRoster(db, kept, NOW);
      const thrown = await insertDraftRoster(db, draft({ assignments: [one] }));
      expect(await deleteDraftRoster(db, kept)).toBe(false);
      expect(await deleteDraftRoster(db, thrown)).toBe(true);
      expect(await getRoster(db, thrown)).toBeUndefined();
      expect(await db.all('SELECT roster_id FROM roster_assignments')).toEqual([{ roster_id: kept }]);
    }));

  it('lists the duties of published rosters only, with their zones', () =>
    withDb(async (db) => {
      const ids = await someIds(db);
      const one = { staffId: ids.staff[0]!, date: '2026-11-23', shiftCode: 'AM', postId: ids.posts[0]!, learner: false };
      const published = await insertDraftRoster(db, draft({ zoneIds: [3], assignments: [one] }));
      await publishRoster(db, published, NOW);
      await insertDraftRoster(db, draft({ assignments: [{ ...one, date: '2026-11-24' }] }));
      expect(await listPublishedDuties(db, '2026-11-01', '2026-11-30')).toEqual([
        { rosterId: published, staffId: ids.staff[0], date: '2026-11-23', shiftCode: 'AM', postId: ids.posts[0], zoneIds: [3] },
      ]);
      expect(await listPublishedDuties(db, '2026-11-24', '2026-11-30')).toEqual([]);
    }));

  it('lists what published rosters cover, zone by zone and day by day, leaving drafts and replaced days out', () =>
    withDb(async (db) => {
      await someIds(db);
      const old = await insertDraftRoster(db, draft({ zoneIds: [1] }));
      await publishRoster(db, old, NOW);
      const newer = await insertDraftRoster(db, draft({ from: '2026-11-26', to: '2026-11-29', zoneIds: [1, 2] }));
      await publishRoster(db, newer, LATER);
      const other = await insertDraftRoster(db, draft({ from: '2026-11-30', to: '2026-12-06', zoneIds: [3] }));
      await publishRoster(db, other, LATER);
      await insertDraftRoster(db, draft({ zoneIds: [4] }));
      const cover = await listPublishedCover(db, '2026-11-25', '2026-11-30');
      expect(cover.filter((row) => row.date === '2026-11-25')).toEqual([{ zoneId: 1, date: '2026-11-25', rosterId: old }]);
      expect(cover.filter((row) => row.date === '2026-11-26')).toEqual([
        { zoneId: 1, date: '2026-11-26', rosterId: newer },
        { zoneId: 2, date: '2026-11-26', rosterId: newer },
      ]);
      expect(cover.filter((row) => row.date === '2026-11-30')).toEqual([{ zoneId: 3, date: '2026-11-30', rosterId: other }]);
      expect(cover.some((row) => row.zoneId === 4)).toBe(false);
    }));

  it('lists a duty of a roster only on the zone-days the roster still covers', () =>
    withDb(async (db) => {
      const ids = await someIds(db);
      const zoneOfPost = (await db.get<{ zoneId: number }>('SELECT zone_id AS zoneId FROM posts WHERE id = ?', [ids.posts[0]!]))!.zoneId;
      const duty = (date: string) => ({ staffId: ids.staff[0]!, date, shiftCode: 'AM', postId: ids.posts[0]!, learner: false });
      const allWeek = await insertDraftRoster(db, draft({ zoneIds: [zoneOfPost], assignments: [duty('2026-11-23'), duty('2026-11-26')] }));
      await publishRoster(db, allWeek, NOW);
      const lateWeek = await insertDraftRoster(db, draft({ from: '2026-11-26', to: '2026-11-29', zoneIds: [zoneOfPost] }));
      await publishRoster(db, lateWeek, LATER);
      expect((await listPublishedDuties(db, '2026-11-23', '2026-11-29')).map((row) => row.date)).toEqual(['2026-11-23']);
    }));
});
