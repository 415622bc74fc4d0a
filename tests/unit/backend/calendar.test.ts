import { describe, expect, it } from 'vitest';
import { loadCalendar, requireConfirmedCalendar, requirePlanningCalendar } from '../../../electron/backend/calendar-service.ts';
import { calendarOf } from '../../../electron/backend/roster/scenario-mapping.ts';
import { insertDraftRoster, publishRoster } from '../../../data/repositories/roster.ts';
import { datesBetween } from '../../../solver/calendar/china-calendar.ts';
import type { Backend } from '../../../electron/backend/backend.ts';
import { listAudit } from '../../../data/repositories/audit.ts';
import { ask, refused, withTestBackend } from '../../support/backend.ts';

const NOTICE_2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', statutory: ['2027-01-01'] },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', statutory: ['2027-10-01', '2027-10-02', '2027-10-03'] },
  ],
  makeupDays: [{ date: '2027-10-09', name: '国庆节' }],
};

const dayOf = (year: { days: { date: string }[] }, date: string) => year.days.find((day) => day.date === date);

describe('working calendar', () => {
  it('ships 2026 confirmed on a fresh database', () =>
    withTestBackend(async (backend) => {
      const year = await ask(backend, 'calendar/year', { year: 2026 });
      expect(year).toMatchObject({ year: 2026, confirmed: true, source: 'built-in' });
      expect(year.days).toHaveLength(365);
      expect(dayOf(year, '2026-10-01')).toEqual({ date: '2026-10-01', kind: 'statutory', holidayName: '国庆节', corrected: false });
      expect(dayOf(year, '2026-10-10')).toMatchObject({ kind: 'makeup', holidayName: '国庆节' });
      expect(year.days.filter((day) => day.kind === 'statutory')).toHaveLength(13);
    }));

  it('marks 2027 unconfirmed but provisional (the law\'s statutory days, nothing moved), and refuses leave counting into it, saying what to do', () =>
    withTestBackend(async (backend) => {
      const year = await ask(backend, 'calendar/year', { year: 2027 });
      expect(year).toMatchObject({ year: 2027, confirmed: false, provisional: true, confirmedAt: null, source: null });
      expect(dayOf(year, '2027-01-01')).toMatchObject({ kind: 'statutory', holidayName: '元旦' });
      expect(dayOf(year, '2027-01-02')).toMatchObject({ kind: 'weekend', holidayName: null });
      expect(year.days.filter((day) => day.kind === 'statutory')).toHaveLength(13);
      expect(year.days.filter((day) => day.kind === 'makeup' || day.kind === 'holiday_rest')).toEqual([]);
      // Past the lunar table there is nothing to plan on: the plain week, shown as such.
      const far = await ask(backend, 'calendar/year', { year: 2036 });
      expect(far).toMatchObject({ confirmed: false, provisional: false });
      expect(dayOf(far, '2036-01-01')).toMatchObject({ kind: 'workday' });
      const attempt = backend.context.session.use((db) => requireConfirmedCalendar(db, '2027-01-01', '2027-01-31'));
      await expect(attempt).rejects.toMatchObject({ error: { code: 'conflict' } });
      await expect(attempt).rejects.toThrow(/工作日历.*录入.*确认/);
      await expect(backend.context.session.use((db) => requireConfirmedCalendar(db, '2026-12-01', '2026-12-31'))).resolves.toBeInstanceOf(Map);
    }));

  it('confirms a year once its notice is saved, and its days follow the notice', () =>
    withTestBackend(async (backend) => {
      const saved = await ask(backend, 'calendar/saveNotice', NOTICE_2027);
      expect(saved).toMatchObject({ year: 2027, confirmed: true, confirmedBy: 'dispatcher', source: 'entered' });
      expect(dayOf(saved, '2027-01-01')).toMatchObject({ kind: 'statutory', holidayName: '元旦' });
      expect(dayOf(saved, '2027-10-05')).toMatchObject({ kind: 'holiday_rest', holidayName: '国庆节' });
      expect(dayOf(saved, '2027-10-09')).toMatchObject({ kind: 'makeup', holidayName: '国庆节' });
      expect(dayOf(saved, '2027-10-11')).toMatchObject({ kind: 'workday', holidayName: null });
      expect(await ask(backend, 'calendar/year', { year: 2027 })).toEqual(saved);
      const days = await backend.context.session.use((db) => requireConfirmedCalendar(db, '2027-10-01', '2027-10-31'));
      expect(days.get('2027-10-02')?.kind).toBe('statutory');
      const audit = await backend.context.session.use((db) => listAudit(db, 'calendar_year', 2027));
      expect(audit.map((entry) => entry.action)).toEqual(['save_notice']);
    }));

  it('refuses a bad notice, naming the entries at fault, and writes nothing', () =>
    withTestBackend(async (backend) => {
      const bad = {
        ...NOTICE_2027,
        holidays: [NOTICE_2027.holidays[0]!, { name: '国庆节', from: '2027-10-07', to: '2027-10-01', statutory: ['2027-10-08'] }],
        makeupDays: [{ date: '2027-10-08', name: '国庆节' }],
      };
      const error = await refused(backend, 'calendar/saveNotice', bad);
      expect(error.code).toBe('invalid_argument');
      expect(error.fields).toEqual({
        'holidays.1.to': 'out_of_range',
        'holidays.1.statutory.0': 'out_of_range',
        'makeupDays.0.date': 'invalid_value',
      });
      expect((await refused(backend, 'calendar/saveNotice', { ...NOTICE_2027, holidays: [{ name: '', from: '2027-02-30', to: '2027-03-01', statutory: [] }] })).fields).toEqual({
        'holidays.0.name': 'required',
        'holidays.0.from': 'format',
      });
      expect((await ask(backend, 'calendar/year', { year: 2027 })).confirmed).toBe(false);
      expect(await backend.context.session.use((db) => listAudit(db, 'calendar_year', 2027))).toEqual([]);
    }));

  it('replaces a year\'s notice, dropping days the new notice no longer names', () =>
    withTestBackend(async (backend) => {
      await ask(backend, 'calendar/saveNotice', NOTICE_2027);
      const replaced = await ask(backend, 'calendar/saveNotice', { ...NOTICE_2027, holidays: [NOTICE_2027.holidays[0]!], makeupDays: [] });
      expect(dayOf(replaced, '2027-10-01')).toMatchObject({ kind: 'workday', holidayName: null });
      expect(dayOf(replaced, '2027-10-09')).toMatchObject({ kind: 'weekend' });
    }));

  it('corrects one day of a confirmed year, recorded and seen by the rest of the backend', () =>
    withTestBackend(async (backend) => {
      const day = await ask(backend, 'calendar/setDay', { date: '2026-12-31', kind: 'holiday_rest', holidayName: '元旦' });
      expect(day).toEqual({ date: '2026-12-31', kind: 'holiday_rest', holidayName: '元旦', corrected: true });
      const range = await backend.context.session.use((db) => loadCalendar(db, '2026-12-30', '2026-12-31'));
      expect(range.days.get('2026-12-31')).toEqual({ date: '2026-12-31', kind: 'holiday_rest', holidayName: '元旦' });
      expect(dayOf(await ask(backend, 'calendar/year', { year: 2026 }), '2026-12-31')).toMatchObject({ corrected: true });
      const row = await backend.context.session.use((db) =>
        db.get<{ correctedBy: string; correctedAt: string }>('SELECT corrected_by AS correctedBy, corrected_at AS correctedAt FROM calendar_days WHERE date = ?', ['2026-12-31']),
      );
      expect(row).toEqual({ correctedBy: 'dispatcher', correctedAt: expect.stringMatching(/^2026-11-22T/) as unknown as string });
      const audits = await backend.context.session.use((db) => db.all<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'calendar_day'"));
      expect(audits).toEqual([{ action: 'correct' }]);
      // An ordinary day belongs to no holiday, whatever was sent.
      expect(await ask(backend, 'calendar/setDay', { date: '2026-10-01', kind: 'workday', holidayName: '国庆节' })).toMatchObject({ holidayName: null });
      expect((await refused(backend, 'calendar/setDay', { date: '2026-12-30', kind: 'statutory', holidayName: null })).fields).toEqual({ holidayName: 'required' });
    }));

  it('refuses to correct a day of an unconfirmed year', () =>
    withTestBackend(async (backend) => {
      const error = await refused(backend, 'calendar/setDay', { date: '2027-05-01', kind: 'statutory', holidayName: '劳动节' });
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/2027.*录入/);
      expect((await refused(backend, 'calendar/setDay', { date: '2026-05-01', kind: 'holiday', holidayName: null })).fields).toEqual({ kind: 'invalid_value' });
    }));
});

describe('opening hours', () => {
  it('lists the three day kinds and keeps a change', () =>
    withTestBackend(async (backend) => {
      const hours = await ask(backend, 'hours/list', {});
      expect(hours.map((h) => h.dayKind)).toEqual(['weekday', 'saturday', 'makeup']);
      expect(hours[0]).toEqual({ dayKind: 'weekday', isOpen: true, opensAt: 510, closesAt: 1050 });
      const saturday = { dayKind: 'saturday' as const, isOpen: true, opensAt: 540, closesAt: 720 };
      expect(await ask(backend, 'hours/set', saturday)).toEqual(saturday);
      expect((await ask(backend, 'hours/list', {}))[1]).toEqual(saturday);
    }));

  it('refuses closing before opening and unknown day kinds', () =>
    withTestBackend(async (backend) => {
      expect((await refused(backend, 'hours/set', { dayKind: 'weekday', isOpen: true, opensAt: 600, closesAt: 600 })).fields).toEqual({ closesAt: 'out_of_range' });
      expect((await refused(backend, 'hours/set', { dayKind: 'sunday', isOpen: true, opensAt: 600, closesAt: 700 })).fields).toEqual({ dayKind: 'invalid_value' });
      expect((await refused(backend, 'hours/set', { dayKind: 'weekday', isOpen: true, opensAt: -1, closesAt: 700 })).fields).toEqual({ opensAt: 'out_of_range' });
      expect((await ask(backend, 'hours/list', {}))[0]).toMatchObject({ opensAt: 510, closesAt: 1050 });
    }));
});

describe('shift templates', () => {
  it('lists the four templates of a new database', () =>
    withTestBackend(async (backend) => {
      const templates = await ask(backend, 'shifts/list', {});
      expect(templates.map((t) => [t.code, t.nameZh, t.startsAt, t.endsAt, t.defaultDay])).toEqual([
        ['AM', '上午', 510, 720, true],
        ['DAY', '全天', 510, 1050, false],
        ['NOON', '午间值守', 720, 810, false],
        ['PM', '下午', 810, 1050, true],
      ]);
    }));

  it('creates, changes and deactivates a template with its windows', () =>
    withTestBackend(async (backend) => {
      const centre = await ask(backend, 'centre/get', {});
      const [w1, w2, w3] = centre.windows.map((w) => w.id);
      const created = await ask(backend, 'shifts/save', {
        id: null, code: 'eve', nameZh: '延时服务', nameEn: 'Evening', startsAt: 1050, endsAt: 1170, defaultDay: false, active: true, windowIds: [w2!, w1!, w2!],
      });
      expect(created).toMatchObject({ code: 'EVE', startsAt: 1050, endsAt: 1170, windowIds: [w1, w2].sort((a, b) => a! - b!) });
      const changed = await ask(backend, 'shifts/save', { ...created, startsAt: 1080, active: false, windowIds: [w3!] });
      expect(changed).toMatchObject({ id: created.id, startsAt: 1080, active: false, windowIds: [w3] });
      expect((await ask(backend, 'shifts/list', {})).find((t) => t.id === created.id)).toEqual(changed);
      const audit = await backend.context.session.use((db) => listAudit(db, 'shift_template', created.id));
      expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    }));

  it('refuses a taken code, an end before the start and unknown windows', () =>
    withTestBackend(async (backend) => {
      const [am, day] = await ask(backend, 'shifts/list', {});
      expect((await refused(backend, 'shifts/save', { ...day!, code: 'am' })).fields).toEqual({ code: 'taken' });
      expect((await refused(backend, 'shifts/save', { ...am!, endsAt: am!.startsAt })).fields).toEqual({ endsAt: 'out_of_range' });
      expect((await refused(backend, 'shifts/save', { ...am!, windowIds: [999_999] })).fields).toEqual({ windowIds: 'invalid_value' });
      expect((await refused(backend, 'shifts/save', { ...am!, id: 999_999, code: 'ZZ' })).code).toBe('not_found');
      expect((await refused(backend, 'shifts/save', { ...am!, code: '上 午' })).fields).toEqual({ code: 'format' });
      expect(await ask(backend, 'shifts/list', {})).toContainEqual(am);
    }));

  it('plans the turn of the year on 2027\'s provisional days, and refuses a year past the lunar table', () =>
    withTestBackend(async (backend) => {
      const planning = await backend.context.session.use((db) => requirePlanningCalendar(db, '2026-12-28', '2027-01-03'));
      expect(planning.provisionalYears).toEqual([2027]);
      expect([...planning.days.values()].map((day) => day.kind)).toEqual(['workday', 'workday', 'workday', 'workday', 'statutory', 'weekend', 'weekend']);
      expect(planning.days.get('2027-01-01')?.holidayName).toBe('元旦');
      const confirmedOnly = await backend.context.session.use((db) => requirePlanningCalendar(db, '2026-12-01', '2026-12-31'));
      expect(confirmedOnly.provisionalYears).toEqual([]);
      const far = backend.context.session.use((db) => requirePlanningCalendar(db, '2036-01-01', '2036-01-07'));
      await expect(far).rejects.toMatchObject({ error: { code: 'conflict' } });
      await expect(far).rejects.toThrow(/2036.*工作日历/);
    }));

  it('lists the published rosters whose days changed kind once the notice is confirmed, with each day', () =>
    withTestBackend(async (backend) => {
      // Made on the provisional year: 2027-02-05 (除夕) to 02-08 statutory, 02-09 to 02-12 working days.
      const spring = await publishedRosterOn(backend, '2027-02-01', '2027-02-14');
      await publishedRosterOn(backend, '2027-03-01', '2027-03-07');
      expect(await ask(backend, 'roster/calendarReview', {})).toEqual([]);
      await ask(backend, 'calendar/saveNotice', {
        year: 2027,
        holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', statutory: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] }],
        makeupDays: [{ date: '2027-02-14', name: '春节' }],
      });
      const review = await ask(backend, 'roster/calendarReview', {});
      expect(review.map((entry) => entry.roster.id)).toEqual([spring]);
      expect(review[0]!.changes).toEqual([
        { date: '2027-02-09', was: 'workday', now: 'restday', holidayName: '春节' },
        { date: '2027-02-10', was: 'workday', now: 'restday', holidayName: '春节' },
        { date: '2027-02-11', was: 'workday', now: 'restday', holidayName: '春节' },
        { date: '2027-02-14', was: 'restday', now: 'workday', holidayName: '春节' },
      ]);
      // The roster itself is no longer provisional once its year is confirmed.
      expect((await backend.context.session.use((db) => loadCalendar(db, '2027-02-01', '2027-02-14'))).unconfirmedYears).toEqual([]);
    }));
});

/** A published roster of zone 1 whose stored scenario carries the day kinds the planning calendar gives now. */
async function publishedRosterOn(backend: Backend, from: string, to: string): Promise<number> {
  return backend.context.session.use((db) =>
    db.transaction(async (tx) => {
      const { days } = await requirePlanningCalendar(tx, from, to);
      const stats = { engine: null, status: null, seconds: null, objective: null, bound: null, gap: null, unmet: 0, resilience: 1 };
      const id = await insertDraftRoster(tx, {
        from, to, zoneIds: [1], source: 'import', createdAt: '2026-11-22T02:00:00.000Z', stats, gaps: [], assignments: [],
        scenario: { calendar: calendarOf(days, datesBetween(from, to)) },
      });
      await publishRoster(tx, id, '2026-11-22T02:00:00.000Z');
      return id;
    }),
  );
}
