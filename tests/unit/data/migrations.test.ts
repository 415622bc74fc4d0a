import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseFileError, openDatabase, type Database } from '../../../data/connection.ts';
import { LATEST_SCHEMA_VERSION, migrate, migrations, readSchemaVersion } from '../../../data/migrations/index.ts';
import { withTempDir } from '../../support/temp.ts';

async function withDb(work: (db: Database) => Promise<void>) {
  await withTempDir(async (dir) => {
    const db = await openDatabase(join(dir, 'centre.sqlite3'));
    try {
      await work(db);
    } finally {
      await db.close();
    }
  });
}

const NOW = '2026-11-22T02:00:00.000Z';

async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  return rows.map((row) => row.name);
}

describe('migrations', () => {
  it('are numbered 1, 2, 3, … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('bring a new file to the latest version and record it in user_version', () =>
    withDb(async (db) => {
      expect(await migrate(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(await readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(await migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    }));

  it('001 creates the centre, zones, posts and windows as STRICT tables', () =>
    withDb(async (db) => {
      await migrate(db, 1);
      expect(await tableNames(db)).toEqual(['centre', 'posts', 'windows', 'zones']);
      await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('TX', '税务', 'Tax', 'windows', 1)");
      await expect(db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('X', 'x', 'x', 'windows', 'first')")).rejects.toThrow(/cannot store TEXT value in INTEGER column/);
      await expect(db.run("INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id) VALUES (99, 'F01', 'a', 'a', 'window', 99)")).rejects.toThrow(/FOREIGN KEY/);
    }));

  it('002 adds staff and keeps the centre written before it', () =>
    withDb(async (db) => {
      await migrate(db, 1);
      await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('TX', '税务', 'Tax', 'windows', 1)");
      await migrate(db, 2);
      expect(await db.all('SELECT code, name_zh FROM zones')).toEqual([{ code: 'TX', name_zh: '税务' }]);
      await db.run(
        `INSERT INTO staff (employee_no, name, gender, phone, id_number, hire_date, status, home_zone_id, contract_type,
           weekly_hour_cap, wage_grade, created_at, updated_at)
         VALUES ('ZW0001', '张三', 'M', '13800138000', '110105194912310031', '2020-01-01', 'active', 1, 'standard', 40, 1, ?, ?)`,
        [NOW, NOW],
      );
      // A departed record must carry its date, and only a departed one may.
      await expect(db.run("UPDATE staff SET status = 'departed'")).rejects.toThrow(/CHECK/);
      await expect(db.run("UPDATE staff SET left_on = '2019-01-01', status = 'departed'")).rejects.toThrow(/CHECK/);
    }));

  it('003 adds settings and the audit trail and keeps staff', () =>
    withDb(async (db) => {
      await migrate(db, 2);
      await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('TX', '税务', 'Tax', 'windows', 1)");
      await db.run(
        `INSERT INTO staff (employee_no, name, gender, phone, id_number, hire_date, status, home_zone_id, contract_type,
           weekly_hour_cap, wage_grade, created_at, updated_at)
         VALUES ('ZW0001', '张三', 'M', '13800138000', '110105194912310031', '2020-01-01', 'active', 1, 'standard', 40, 1, ?, ?)`,
        [NOW, NOW],
      );
      await migrate(db, 3);
      expect(await db.all('SELECT employee_no FROM staff')).toEqual([{ employee_no: 'ZW0001' }]);
      await db.run("INSERT INTO settings (key, value) VALUES ('language', 'en')");
      await db.run("INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES (?, 'local', 'staff', 1, 'create')", [NOW]);
      expect(await db.get('SELECT detail FROM audit_log')).toEqual({ detail: '{}' });
    }));

  it('004 adds the skill matrix and A/B posts, keeps staff, and enforces their rules', () =>
    withDb(async (db) => {
      await migrate(db, 3);
      await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('TX', '税务', 'Tax', 'windows', 1)");
      await db.run("INSERT INTO posts (code, zone_id, name_zh, name_en, function) VALUES ('TX-INTAKE', 1, '税务收件', 'Tax intake', 'intake')");
      await db.run("INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id) VALUES (1, 'F01', 'F01', 'F01', 'window', 1)");
      await db.run("INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id) VALUES (1, 'F02', 'F02', 'F02', 'window', 1)");
      for (const [no, id] of [['ZW0001', '110105194912310031'], ['ZW0002', '11010519491231002X']] as const) {
        await db.run(
          `INSERT INTO staff (employee_no, name, gender, phone, id_number, hire_date, status, home_zone_id, contract_type,
             weekly_hour_cap, wage_grade, created_at, updated_at)
           VALUES (?, '张三', 'M', '13800138000', ?, '2020-01-01', 'active', 1, 'standard', 40, 1, ?, ?)`,
          [no, id, NOW, NOW],
        );
      }
      await migrate(db, 4);
      expect(await db.all('SELECT employee_no FROM staff ORDER BY id')).toEqual([{ employee_no: 'ZW0001' }, { employee_no: 'ZW0002' }]);
      await db.run("INSERT INTO staff_skills (staff_id, post_id, level, certified_on, updated_at) VALUES (1, 1, 2, '2021-01-01', ?)", [NOW]);
      await expect(db.run('INSERT INTO staff_skills (staff_id, post_id, level, updated_at) VALUES (2, 1, 3, ?)', [NOW])).rejects.toThrow(/CHECK/);
      await expect(db.run('INSERT INTO staff_skills (staff_id, post_id, level, updated_at) VALUES (2, 1, 4, ?)', [NOW])).rejects.toThrow(/CHECK/);
      await db.run('INSERT INTO window_ab (window_id, a_staff_id, b_staff_id, updated_at) VALUES (1, 1, 2, ?)', [NOW]);
      await db.run('INSERT INTO window_ab (window_id, a_staff_id, b_staff_id, updated_at) VALUES (2, 2, NULL, ?)', [NOW]);
      await expect(db.run('UPDATE window_ab SET a_staff_id = 1 WHERE window_id = 2')).rejects.toThrow(/UNIQUE/);
      await expect(db.run('UPDATE window_ab SET b_staff_id = 1 WHERE window_id = 1')).rejects.toThrow(/CHECK/);
    }));

  it('011 marks hand-out windows and desks fixed, keeps every duty, and lets a duty name its window', () =>
    withDb(async (db) => {
      await migrate(db, 10);
      await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('TX', '税务', 'Tax', 'windows', 1)");
      await db.run("INSERT INTO posts (code, zone_id, name_zh, name_en, function) VALUES ('TX-INTAKE', 1, '税务收件', 'Tax intake', 'intake')");
      await db.run("INSERT INTO posts (code, zone_id, name_zh, name_en, function) VALUES ('TX-HANDOUT', 1, '税务出件', 'Tax hand-out', 'handout')");
      await db.run("INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id) VALUES (1, 'F01', 'F01', 'F01', 'window', 1)");
      await db.run("INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id) VALUES (1, 'F02', 'F02', 'F02', 'window', 2)");
      await db.run("INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id) VALUES (1, 'Z01', 'Z01', 'Z01', 'desk', 1)");
      await db.run(
        `INSERT INTO staff (employee_no, name, gender, phone, id_number, hire_date, status, home_zone_id, contract_type,
           weekly_hour_cap, wage_grade, created_at, updated_at)
         VALUES ('ZW0001', '张三', 'M', '13800138000', '110105194912310031', '2020-01-01', 'active', 1, 'standard', 40, 1, ?, ?)`,
        [NOW, NOW],
      );
      await db.run("INSERT INTO rosters (from_date, to_date, zone_ids, status, source, created_at, scenario) VALUES ('2026-12-14', '2026-12-20', '[1]', 'draft', 'solver', ?, '{}')", [NOW]);
      await db.run("INSERT INTO roster_assignments (roster_id, staff_id, date, shift_code, post_id) VALUES (1, 1, '2026-12-14', 'AM', 1)");
      await migrate(db, 11);
      expect(await db.all('SELECT code, staffing, saturday_service FROM windows ORDER BY code')).toEqual([
        { code: 'F01', staffing: 'demand', saturday_service: 0 },
        { code: 'F02', staffing: 'fixed', saturday_service: 0 },
        { code: 'Z01', staffing: 'fixed', saturday_service: 0 },
      ]);
      // A duty from before names no window: nobody decided one.
      expect(await db.all('SELECT staff_id, shift_code, window_id FROM roster_assignments')).toEqual([{ staff_id: 1, shift_code: 'AM', window_id: null }]);
      await db.run("INSERT INTO roster_assignments (roster_id, staff_id, date, shift_code, post_id, window_id) VALUES (1, 1, '2026-12-14', 'PM', 1, 1)");
      await expect(db.run("INSERT INTO roster_assignments (roster_id, staff_id, date, shift_code, post_id, window_id) VALUES (1, 1, '2026-12-15', 'AM', 1, 99)")).rejects.toThrow(/FOREIGN KEY/);
      await expect(db.run("UPDATE windows SET staffing = 'sometimes'")).rejects.toThrow(/CHECK/);
    }));

  it('014 adds overtime requests, empty, and holds a decision on punches to a decided status and a plan to whole times', () =>
    withDb(async (db) => {
      await migrate(db, 13);
      await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES ('TX', '税务', 'Tax', 'windows', 1)");
      await db.run(
        `INSERT INTO staff (employee_no, name, gender, phone, id_number, hire_date, status, home_zone_id, contract_type,
           weekly_hour_cap, wage_grade, created_at, updated_at)
         VALUES ('ZW0001', '张三', 'M', '13800138000', '110105194912310031', '2020-01-01', 'active', 1, 'standard', 40, 1, ?, ?)`,
        [NOW, NOW],
      );
      await migrate(db, 14);
      expect(await db.all('SELECT * FROM overtime_requests')).toEqual([]);
      const insert = (source: string, status: string, startsAt: number | null, endsAt: number | null) =>
        db.run(
          `INSERT INTO overtime_requests (staff_id, date, source, starts_at, ends_at, minutes, reason, status, requested_at, requested_by)
           VALUES (1, '2026-11-20', ?, ?, ?, 60, '窗口排队', ?, ?, 'hr')`,
          [source, startsAt, endsAt, status, NOW],
        );
      await insert('planned', 'pending', 1050, 1110);
      await insert('punch', 'approved', null, null);
      await expect(insert('punch', 'pending', null, null)).rejects.toThrow(/CHECK/);
      await expect(insert('planned', 'pending', 1050, null)).rejects.toThrow(/CHECK/);
      await expect(insert('planned', 'pending', 1110, 1050)).rejects.toThrow(/CHECK/);
      await expect(db.run("UPDATE overtime_requests SET staff_id = 99 WHERE id = 1")).rejects.toThrow(/FOREIGN KEY/);
    }));

  it('leave nothing behind when one fails halfway', () =>
    withDb(async (db) => {
      await migrate(db, 1);
      await db.exec('CREATE TABLE staff (id INTEGER PRIMARY KEY) STRICT');
      await expect(migrate(db)).rejects.toThrow(/already exists/);
      expect(await readSchemaVersion(db)).toBe(1);
      expect(await tableNames(db)).not.toContain('settings');
    }));

  it('refuse a database from a newer version with a DatabaseFileError', () =>
    withDb(async (db) => {
      await db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      const error = await migrate(db).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseFileError);
      expect((error as DatabaseFileError).kind).toBe('too_new');
    }));
});
