import type { Queryable } from '../connection.ts';

export type DayKindRecord = 'workday' | 'weekend' | 'statutory' | 'holiday_rest' | 'makeup';

export interface CalendarDayRecord {
  date: string;
  kind: DayKindRecord;
  holidayName: string | null;
  correctedBy: string | null;
  correctedAt: string | null;
}

export interface CalendarYearRecord {
  year: number;
  confirmedAt: string | null;
  confirmedBy: string | null;
  source: string;
}

export function listCalendarDays(db: Queryable, from: string, to: string): Promise<CalendarDayRecord[]> {
  return db.all<CalendarDayRecord>(
    `SELECT date, kind, holiday_name AS holidayName, corrected_by AS correctedBy, corrected_at AS correctedAt
     FROM calendar_days WHERE date BETWEEN ? AND ? ORDER BY date`,
    [from, to],
  );
}

export async function putCalendarDay(db: Queryable, day: CalendarDayRecord): Promise<void> {
  await db.run(
    `INSERT INTO calendar_days (date, kind, holiday_name, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, holiday_name = excluded.holiday_name,
       corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at`,
    [day.date, day.kind, day.holidayName, day.correctedBy, day.correctedAt],
  );
}

export function listCalendarYears(db: Queryable): Promise<CalendarYearRecord[]> {
  return db.all<CalendarYearRecord>(
    'SELECT year, confirmed_at AS confirmedAt, confirmed_by AS confirmedBy, source FROM calendar_years ORDER BY year',
  );
}

export async function putCalendarYear(db: Queryable, year: CalendarYearRecord): Promise<void> {
  await db.run(
    `INSERT INTO calendar_years (year, confirmed_at, confirmed_by, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by,
       source = excluded.source`,
    [year.year, year.confirmedAt, year.confirmedBy, year.source],
  );
}

export interface ShiftTemplateRecord {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  startsAt: number;
  endsAt: number;
  defaultDay: boolean;
  active: boolean;
}

export async function listShiftTemplates(db: Queryable): Promise<ShiftTemplateRecord[]> {
  const rows = await db.all<Omit<ShiftTemplateRecord, 'defaultDay' | 'active'> & { defaultDay: number; active: number }>(
    `SELECT id, code, name_zh AS nameZh, name_en AS nameEn, starts_at AS startsAt, ends_at AS endsAt,
       default_day AS defaultDay, active FROM shift_templates ORDER BY starts_at, id`,
  );
  return rows.map((row) => ({ ...row, defaultDay: row.defaultDay === 1, active: row.active === 1 }));
}

export async function getCalendarYear(db: Queryable, year: number): Promise<CalendarYearRecord | undefined> {
  return db.get<CalendarYearRecord>(
    'SELECT year, confirmed_at AS confirmedAt, confirmed_by AS confirmedBy, source FROM calendar_years WHERE year = ?',
    [year],
  );
}

export async function getCalendarDay(db: Queryable, date: string): Promise<CalendarDayRecord | undefined> {
  return (await listCalendarDays(db, date, date))[0];
}

export type OpeningDayKindRecord = 'weekday' | 'saturday' | 'makeup';

export interface OpeningHoursRecord {
  dayKind: OpeningDayKindRecord;
  isOpen: boolean;
  opensAt: number;
  closesAt: number;
}

export async function listOpeningHours(db: Queryable): Promise<OpeningHoursRecord[]> {
  const rows = await db.all<Omit<OpeningHoursRecord, 'isOpen'> & { isOpen: number }>(
    `SELECT day_kind AS dayKind, is_open AS isOpen, opens_at AS opensAt, closes_at AS closesAt FROM opening_hours
     ORDER BY CASE day_kind WHEN 'weekday' THEN 0 WHEN 'saturday' THEN 1 ELSE 2 END`,
  );
  return rows.map((row) => ({ ...row, isOpen: row.isOpen === 1 }));
}

export async function putOpeningHours(db: Queryable, hours: OpeningHoursRecord): Promise<void> {
  await db.run(
    `INSERT INTO opening_hours (day_kind, is_open, opens_at, closes_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (day_kind) DO UPDATE SET is_open = excluded.is_open, opens_at = excluded.opens_at, closes_at = excluded.closes_at`,
    [hours.dayKind, hours.isOpen ? 1 : 0, hours.opensAt, hours.closesAt],
  );
}

/** Template id → the windows open during it. */
export async function listShiftTemplateWindows(db: Queryable): Promise<Map<number, number[]>> {
  const rows = await db.all<{ templateId: number; windowId: number }>(
    'SELECT template_id AS templateId, window_id AS windowId FROM shift_template_windows ORDER BY template_id, window_id',
  );
  const byTemplate = new Map<number, number[]>();
  for (const row of rows) byTemplate.set(row.templateId, [...(byTemplate.get(row.templateId) ?? []), row.windowId]);
  return byTemplate;
}

export async function findShiftTemplateByCode(db: Queryable, code: string): Promise<ShiftTemplateRecord | undefined> {
  return (await listShiftTemplates(db)).find((template) => template.code === code);
}

/** Inserts when `id` is null, otherwise updates; returns the id. */
export async function putShiftTemplate(db: Queryable, template: Omit<ShiftTemplateRecord, 'id'> & { id: number | null }): Promise<number> {
  const values = [template.code, template.nameZh, template.nameEn, template.startsAt, template.endsAt, template.defaultDay ? 1 : 0, template.active ? 1 : 0];
  if (template.id === null) {
    const result = await db.run(
      `INSERT INTO shift_templates (code, name_zh, name_en, starts_at, ends_at, default_day, active) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      values,
    );
    return result.lastId;
  }
  await db.run(
    `UPDATE shift_templates SET code = ?, name_zh = ?, name_en = ?, starts_at = ?, ends_at = ?, default_day = ?, active = ?
     WHERE id = ?`,
    [...values, template.id],
  );
  return template.id;
}

export async function setShiftTemplateWindows(db: Queryable, templateId: number, windowIds: readonly number[]): Promise<void> {
  await db.run('DELETE FROM shift_template_windows WHERE template_id = ?', [templateId]);
  for (const windowId of windowIds) {
    await db.run('INSERT INTO shift_template_windows (template_id, window_id) VALUES (?, ?)', [templateId, windowId]);
  }
}
