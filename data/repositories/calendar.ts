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
