import type { Queryable } from '../../data/connection.ts';

/**
 * A small centre written with plain SQL that every schema since migration 002 accepts: a migration
 * test fills the database *before* the migration under test, where the demo seeder (written for
 * the latest schema) cannot run. Two zones, a post and a window each, and `staffCount` people.
 */
export async function seedPlainCentre(db: Queryable, now: string, staffCount = 4): Promise<void> {
  for (const [index, code] of ['TX', 'BR'].entries()) {
    const zone = await db.run("INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES (?, ?, ?, 'windows', ?)", [code, `区${index + 1}`, `Zone ${index + 1}`, index + 1]);
    const post = await db.run("INSERT INTO posts (code, zone_id, name_zh, name_en, function) VALUES (?, ?, '收件', 'intake', 'intake')", [`${code}-INTAKE`, zone.lastId]);
    await db.run("INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id) VALUES (?, ?, ?, ?, 'window', ?)", [zone.lastId, `${code}01`, `${code}01 窗口`, `${code}01 window`, post.lastId]);
  }
  for (let n = 1; n <= staffCount; n += 1) {
    await db.run(
      `INSERT INTO staff (employee_no, name, gender, phone, id_number, hire_date, status, home_zone_id, contract_type, weekly_hour_cap, wage_grade, created_at, updated_at)
       VALUES (?, ?, 'F', '13800138000', ?, '2020-01-01', 'active', ?, 'standard', 40, ?, ?, ?)`,
      [`ZW${String(n).padStart(4, '0')}`, `员工${n}`, `1101051990010${String(n).padStart(5, '0')}`, 1 + (n % 2), 1 + (n % 12), now, now],
    );
  }
}
