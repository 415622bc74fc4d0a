import { describe, expect, it } from 'vitest';
import type { Database } from '../../../data/connection.ts';
import { migrate } from '../../../data/migrations/index.ts';
import { seedPlainCentre } from '../../support/old-schema.ts';
import {
  countChangesSincePublication,
  insertAbsence,
  insertChange,
  insertOverrides,
  lastChangeIdOf,
  listAbsences,
  listChanges,
  listOverrides,
  listPinnedCells,
  newestChangeOfCell,
  setCellsPinned,
  updateRosterFigures,
  writeCell,
  type BoardMoveRecord,
} from '../../../data/repositories/board.ts';
import { deleteDraftRoster, getRoster, insertDraftRoster, listRosterAssignments, publishRoster, type NewRoster } from '../../../data/repositories/roster.ts';
import { withMigratedDb } from '../../support/db.ts';

const NOW = '2026-11-22T02:00:00.000Z';
const LATER = '2026-11-22T03:00:00.000Z';

const withDb = withMigratedDb;

/** Written with plain SQL, so the migration test can fill a database at 007 (the demo seeder is the latest schema's). */
async function someIds(db: Database) {
  await seedPlainCentre(db, NOW);
  const staff = await db.all<{ id: number; name: string }>("SELECT id, name FROM staff WHERE status <> 'departed' ORDER BY id LIMIT 2");
  const posts = await db.all<{ id: number }>('SELECT id FROM posts ORDER BY id LIMIT 2');
  return { staff: staff.map((s) => s.id), names: staff.map((s) => s.name), posts: posts.map((p) => p.id) };
}

function draft(assignments: NewRoster['assignments']): NewRoster {
  return {
    from: '2026-11-23',
    to: '2026-11-29',
    zoneIds: [1],
    source: 'import',
    createdAt: NOW,
    stats: { engine: null, status: null, seconds: null, objective: 0, bound: null, gap: null, unmet: 4, resilience: 0.5 },
    gaps: [],
    scenario: { start: '2026-11-23', days: 7 },
    assignments,
  };
}

function move(staffId: number, staffName: string, postId: number | null): BoardMoveRecord {
  return { staffId, staffName, date: '2026-11-23', shiftCode: 'AM', fromPostId: null, toPostId: postId, fromWindowId: null, toWindowId: null, learner: false };
}

describe('migration 008', () => {
  it('keeps rosters and assignments written before it, unpinned, and its tables accept rows that go with a deleted draft', () =>
    withDb(async (db) => {
      await migrate(db, 7);
      const { staff, posts } = await someIds(db);
      // As 007 wrote them (the repository writes the latest schema: seats came in 011).
      const stats = JSON.stringify(draft([]).stats);
      const { lastId: rosterId } = await db.run(
        "INSERT INTO rosters (from_date, to_date, zone_ids, status, source, created_at, stats, gaps, scenario) VALUES ('2026-11-23', '2026-11-29', '[1,2]', 'draft', 'solver', ?, ?, '[]', '{}')",
        [NOW, stats],
      );
      await db.run("INSERT INTO roster_assignments (roster_id, staff_id, date, shift_code, post_id, learner) VALUES (?, ?, '2026-11-23', 'AM', ?, 0)", [rosterId, staff[0]!, posts[0]!]);
      await migrate(db, 8);

      expect(await db.all('SELECT staff_id AS staffId, pinned FROM roster_assignments WHERE roster_id = ?', [rosterId])).toEqual([{ staffId: staff[0], pinned: 0 }]);
      expect((await getRoster(db, rosterId))?.stats.unmet).toBe(4);

      const changeId = await insertChange(db, { rosterId, at: NOW, actor: 'local', kind: 'edit', reason: null, overrideReason: '病假顶岗', afterPublication: false, moves: [] });
      await insertOverrides(db, rosterId, changeId, { reason: '病假顶岗', at: NOW, actor: 'local' }, [{ breachKey: 'overlap|1|2026-11-23|AM|1', rule: 'overlap', message: '班次重叠' }]);
      await insertAbsence(db, rosterId, { staffId: staff[0]!, date: '2026-11-23', shiftCode: null, kind: 'sick', note: '发烧' }, { changeId, at: NOW, actor: 'local' });
      await db.run("INSERT INTO roster_proposals (roster_id, kind, created_at, based_on_change_id, moves, stats) VALUES (?, 'repair', ?, ?, '[]', '{}')", [rosterId, NOW, changeId]);
      await expect(db.run("INSERT INTO roster_changes (roster_id, at, actor, kind, after_publication, moves) VALUES (?, ?, 'local', 'edit', 0, '{}')", [rosterId, NOW])).rejects.toThrow(/CHECK/);

      expect(await deleteDraftRoster(db, rosterId)).toBe(true);
      for (const table of ['roster_changes', 'roster_overrides', 'roster_absences', 'roster_proposals']) {
        expect(await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)).toEqual({ n: 0 });
      }
    }, 7));
});

describe('the board repository', () => {
  it('writes cells, keeps a pin when the post changes, pins only cells that hold a duty', () =>
    withDb(async (db) => {
      const { staff, posts } = await someIds(db);
      const rosterId = await db.transaction((tx) => insertDraftRoster(tx, draft([])));
      await writeCell(db, rosterId, { staffId: staff[0]!, date: '2026-11-23', shiftCode: 'AM' }, posts[0]!, false);
      const held = await setCellsPinned(db, rosterId, [{ staffId: staff[0]!, date: '2026-11-23', shiftCode: 'AM' }, { staffId: staff[1]!, date: '2026-11-23', shiftCode: 'AM' }], true);
      expect(held).toBe(1);
      await writeCell(db, rosterId, { staffId: staff[0]!, date: '2026-11-23', shiftCode: 'AM' }, posts[1]!, false);
      expect(await listPinnedCells(db, rosterId)).toEqual([{ staffId: staff[0], date: '2026-11-23', shiftCode: 'AM' }]);
      expect((await listRosterAssignments(db, rosterId)).map((a) => a.postId)).toEqual([posts[1]]);
      await writeCell(db, rosterId, { staffId: staff[0]!, date: '2026-11-23', shiftCode: 'AM' }, null, false);
      expect(await listRosterAssignments(db, rosterId)).toEqual([]);
    }));

  it('lists changes newest first, those since publication apart, and finds the newest change of a cell', () =>
    withDb(async (db) => {
      const { staff, names, posts } = await someIds(db);
      const rosterId = await db.transaction((tx) => insertDraftRoster(tx, draft([])));
      expect(await lastChangeIdOf(db, rosterId)).toBe(0);
      const before = await insertChange(db, { rosterId, at: NOW, actor: 'lead-a', kind: 'edit', reason: null, overrideReason: null, afterPublication: false, moves: [move(staff[0]!, names[0]!, posts[0]!)] });
      await publishRoster(db, rosterId, NOW);
      const after = await insertChange(db, { rosterId, at: LATER, actor: 'lead-b', kind: 'undo', reason: '换人', overrideReason: null, afterPublication: true, moves: [move(staff[1]!, names[1]!, null)] });

      expect((await listChanges(db, rosterId)).map((c) => c.id)).toEqual([after, before]);
      const since = await listChanges(db, rosterId, true);
      expect(since).toEqual([{ id: after, rosterId, at: LATER, actor: 'lead-b', kind: 'undo', reason: '换人', overrideReason: null, afterPublication: true, moves: [move(staff[1]!, names[1]!, null)] }]);
      expect(await countChangesSincePublication(db, rosterId)).toBe(1);
      expect(await lastChangeIdOf(db, rosterId)).toBe(after);
      expect(await newestChangeOfCell(db, rosterId, { staffId: staff[0]!, date: '2026-11-23', shiftCode: 'AM' })).toEqual({ id: before, at: NOW, actor: 'lead-a' });
      expect(await newestChangeOfCell(db, rosterId, { staffId: staff[0]!, date: '2026-11-24', shiftCode: 'AM' })).toBeUndefined();
    }));

  it('keeps overrides and absences with who and when, and refreshes the roster figures', () =>
    withDb(async (db) => {
      const { staff } = await someIds(db);
      const rosterId = await db.transaction((tx) => insertDraftRoster(tx, draft([])));
      const changeId = await insertChange(db, { rosterId, at: NOW, actor: 'local', kind: 'repair', reason: null, overrideReason: null, afterPublication: false, moves: [] });
      await insertOverrides(db, rosterId, changeId, { reason: '临时顶岗', at: NOW, actor: 'local' }, [
        { breachKey: 'max_shifts_week|1|2026-11-23||', rule: 'max_shifts_week', message: '本周已排 11 班' },
      ]);
      await insertAbsence(db, rosterId, { staffId: staff[0]!, date: '2026-11-24', shiftCode: 'PM', kind: 'personal', note: '' }, { changeId, at: NOW, actor: 'local' });
      expect(await listOverrides(db, rosterId)).toEqual([
        { breachKey: 'max_shifts_week|1|2026-11-23||', rule: 'max_shifts_week', message: '本周已排 11 班', changeId, reason: '临时顶岗', at: NOW, actor: 'local' },
      ]);
      expect(await listAbsences(db, rosterId)).toEqual([
        { id: expect.any(Number), staffId: staff[0], date: '2026-11-24', shiftCode: 'PM', kind: 'personal', note: '', changeId, at: NOW, actor: 'local' },
      ]);
      await updateRosterFigures(db, rosterId, { unmet: 1, resilience: 0.75, gaps: [{ date: '2026-11-23', shiftCode: 'AM', postId: 1, missing: 1, reasonZh: '缺 1 人', reasonEn: 'short of 1' }] });
      const record = await getRoster(db, rosterId);
      expect(record?.stats).toMatchObject({ unmet: 1, resilience: 0.75, engine: null });
      expect(record?.gaps).toHaveLength(1);
    }));
});
