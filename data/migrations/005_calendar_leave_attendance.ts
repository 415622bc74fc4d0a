import type { Migration } from './migration.ts';

/**
 * The working calendar (the app's own table, correctable), opening hours, shift templates, leave,
 * punches and attendance corrections. Times of day are minutes from midnight; dates ISO text.
 */
export const migration005CalendarLeaveAttendance: Migration = {
  version: 5,
  name: 'calendar, opening hours, shift templates, leave, punches, attendance corrections',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE staff ADD COLUMN work_start_date TEXT;

      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        -- Nobody may roster into a year until someone has confirmed its holiday notice.
        confirmed_at TEXT,
        confirmed_by TEXT,
        source TEXT NOT NULL
      ) STRICT;

      CREATE TABLE calendar_days (
        date TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('workday', 'weekend', 'statutory', 'holiday_rest', 'makeup')),
        holiday_name TEXT,
        corrected_by TEXT,
        corrected_at TEXT
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE opening_hours (
        day_kind TEXT PRIMARY KEY CHECK (day_kind IN ('weekday', 'saturday', 'makeup')),
        is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
        opens_at INTEGER NOT NULL CHECK (opens_at BETWEEN 0 AND 1440),
        closes_at INTEGER NOT NULL CHECK (closes_at BETWEEN 0 AND 1440),
        CHECK (closes_at > opens_at)
      ) STRICT;
      INSERT INTO opening_hours VALUES ('weekday', 1, 510, 1050), ('saturday', 0, 540, 720), ('makeup', 1, 510, 1050);

      CREATE TABLE shift_templates (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        starts_at INTEGER NOT NULL CHECK (starts_at BETWEEN 0 AND 1440),
        ends_at INTEGER NOT NULL CHECK (ends_at BETWEEN 0 AND 1440),
        -- Part of everyone's default day until the roster exists (attendance reconciles against it).
        default_day INTEGER NOT NULL DEFAULT 0 CHECK (default_day IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        CHECK (ends_at > starts_at)
      ) STRICT;
      INSERT INTO shift_templates (code, name_zh, name_en, starts_at, ends_at, default_day) VALUES
        ('AM', '上午', 'Morning', 510, 720, 1),
        ('PM', '下午', 'Afternoon', 810, 1050, 1),
        ('DAY', '全天', 'Full day', 510, 1050, 0),
        ('NOON', '午间值守', 'Lunch cover', 720, 810, 0);

      CREATE TABLE shift_template_windows (
        template_id INTEGER NOT NULL REFERENCES shift_templates(id) ON DELETE CASCADE,
        window_id INTEGER NOT NULL REFERENCES windows(id),
        PRIMARY KEY (template_id, window_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE leave_requests (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        type TEXT NOT NULL CHECK (type IN ('annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing')),
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        -- A half day is a morning or an afternoon of a single day.
        part TEXT NOT NULL CHECK (part IN ('full', 'am', 'pm')),
        days REAL NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
        conflicts_acknowledged INTEGER NOT NULL DEFAULT 0,
        requested_at TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        decision_note TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (to_date >= from_date),
        CHECK (part = 'full' OR from_date = to_date)
      ) STRICT;
      CREATE INDEX leave_by_staff ON leave_requests(staff_id, from_date);
      CREATE INDEX leave_by_dates ON leave_requests(from_date, to_date);

      CREATE TABLE punches (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        -- Local time of the hall, 'YYYY-MM-DDTHH:MM' (seconds dropped: machines disagree on them).
        at TEXT NOT NULL,
        device TEXT NOT NULL DEFAULT '',
        source_file TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (staff_id, at)
      ) STRICT;
      CREATE INDEX punches_by_time ON punches(at);

      CREATE TABLE attendance_corrections (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        date TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX corrections_by_day ON attendance_corrections(staff_id, date);
    `);
  },
};
