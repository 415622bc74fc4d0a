import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CalendarDayKind, CalendarDayView, CalendarYear } from '../../../../electron/contract/areas/calendar.ts';
import type { FieldErrors, FieldProblem } from '../../../../electron/contract/errors.ts';
import { ApiError, call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { RosterCalendarReview } from '../../../../electron/contract/areas/roster.ts';
import { CalendarReviewList } from '../roster/CalendarReviewList.tsx';
import type { AttendanceTabProps } from './tab-props.ts';
import './calendar.css';

const KINDS: CalendarDayKind[] = ['workday', 'weekend', 'statutory', 'holiday_rest', 'makeup'];
const NAMED: ReadonlySet<CalendarDayKind> = new Set(['statutory', 'holiday_rest', 'makeup']);

const kindLabel = (t: Translate, kind: CalendarDayKind) => t(`calendar.kind.${kind}` as MessageKey);

/** 工作日历: the year's days by kind, the notice that sets them, and single-day corrections. */
export function CalendarTab(props: AttendanceTabProps) {
  const { t } = useI18n();
  const [year, setYear] = useState(() => Number(props.info.today.slice(0, 4)));
  const [data, setData] = useState<CalendarYear | null>(null);
  const [editingNotice, setEditingNotice] = useState(false);
  const [editingDay, setEditingDay] = useState<CalendarDayView | null>(null);
  /** After a notice is confirmed: the published rosters whose days it changed. */
  const [review, setReview] = useState<RosterCalendarReview[] | null>(null);
  const { onNotice } = props;

  const load = useCallback(
    (wanted: number) => {
      let current = true;
      call('calendar/year', { year: wanted }).then(
        (loaded) => current && setData(loaded),
        (caught: unknown) => onNotice(String(caught instanceof ApiError ? caught.error.message : caught), 'error'),
      );
      return () => {
        current = false;
      };
    },
    [onNotice],
  );
  useEffect(() => load(year), [load, year]);

  const shown = data?.year === year ? data : null;
  return (
    <div className="calendar-tab">
      <div className="toolbar" role="toolbar" aria-label={t('calendar.year')}>
        <button type="button" onClick={() => setYear((y) => y - 1)} aria-label={t('calendar.prevYear')}>
          ‹ {year - 1}
        </button>
        <h2 className="calendar-year-title" aria-live="polite">
          {t('calendar.yearOf', { year })}
        </h2>
        <button type="button" onClick={() => setYear((y) => y + 1)} aria-label={t('calendar.nextYear')}>
          {year + 1} ›
        </button>
        <span className="toolbar-spacer" />
        {shown?.confirmed ? (
          <button type="button" onClick={() => setEditingNotice(true)}>
            {t('calendar.replaceNotice')}
          </button>
        ) : null}
      </div>
      {!shown ? (
        <p className="muted">{t('calendar.loading')}</p>
      ) : (
        <>
          <YearStatus data={shown} onEnter={() => setEditingNotice(true)} />
          {review ? <CalendarReviewList reviews={review} showNone /> : null}
          <Legend />
          <YearGrid data={shown} today={props.info.today} onPick={shown.confirmed ? setEditingDay : null} />
        </>
      )}
      {editingNotice && shown ? (
        <NoticeDialog
          data={shown}
          onClose={() => setEditingNotice(false)}
          onSaved={(saved) => {
            setData(saved);
            setEditingNotice(false);
            onNotice(t('calendar.notice.saved', { year: saved.year }), 'ok');
            call('roster/calendarReview', {}).then(setReview, (caught: unknown) => onNotice(String(caught instanceof ApiError ? caught.error.message : caught), 'error'));
          }}
        />
      ) : null}
      {editingDay ? (
        <DayDialog
          day={editingDay}
          onClose={() => setEditingDay(null)}
          onSaved={(day) => {
            setEditingDay(null);
            setData((before) => (before ? { ...before, days: before.days.map((d) => (d.date === day.date ? day : d)) } : before));
            onNotice(t('calendar.day.saved', { date: day.date, kind: kindLabel(t, day.kind) }), 'ok');
          }}
        />
      ) : null}
    </div>
  );
}

function YearStatus(props: { data: CalendarYear; onEnter: () => void }) {
  const { t, language } = useI18n();
  const { data } = props;
  if (!data.confirmed && data.provisional) {
    return (
      <div className="calendar-banner calendar-banner-unconfirmed" role="region" aria-label={t('calendar.provisional.title', { year: data.year })}>
        <strong>{t('calendar.provisional.title', { year: data.year })}</strong>
        <p>{t('calendar.provisional.body')}</p>
        <button type="button" className="primary" onClick={props.onEnter}>
          {t('calendar.enterNotice')}
        </button>
      </div>
    );
  }
  if (!data.confirmed) {
    return (
      <div className="calendar-banner calendar-banner-unconfirmed" role="region" aria-label={t('calendar.unconfirmed.title', { year: data.year })}>
        <strong>{t('calendar.unconfirmed.title', { year: data.year })}</strong>
        <p>{t('calendar.unconfirmed.body')}</p>
        <button type="button" className="primary" onClick={props.onEnter}>
          {t('calendar.enterNotice')}
        </button>
      </div>
    );
  }
  if (data.source === 'built-in') {
    return (
      <p className="calendar-banner calendar-banner-confirmed" role="status">
        {t('calendar.confirmedBuiltIn', { year: data.year })}
      </p>
    );
  }
  return (
    <p className="calendar-banner calendar-banner-confirmed" role="status">
      {t('calendar.confirmed', {
        year: data.year,
        by: data.confirmedBy ?? '—',
        at: data.confirmedAt ? new Date(data.confirmedAt).toLocaleString(language) : '—',
      })}
    </p>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="calendar-legend" aria-label={t('calendar.legend')}>
      {KINDS.map((kind) => (
        <li key={kind}>
          <span className={`calendar-swatch kind-${kind}`} aria-hidden="true" />
          {kindLabel(t, kind)}
        </li>
      ))}
      <li>
        <span className="calendar-swatch calendar-swatch-corrected" aria-hidden="true" />
        {t('calendar.corrected')}
      </li>
    </ul>
  );
}

/** One month, Monday-first weeks as Chinese calendars print them. */
/**
 * Twelve months with one Tab stop between them: the arrows move a day or a week, Page Up/Down a
 * month, Home/End to the ends of the year, as a date grid does.
 */
function YearGrid(props: { data: CalendarYear; today: string; onPick: ((day: CalendarDayView) => void) | null }) {
  const year = String(props.data.year);
  const [focusDate, setFocusDate] = useState(() => (props.today.startsWith(year) ? props.today : `${year}-01-01`));
  const current = focusDate.startsWith(year) ? focusDate : `${year}-01-01`;
  const grid = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) grid.current?.querySelector<HTMLElement>(`[data-date="${current}"]`)?.focus();
    moved.current = false;
  }, [current]);

  const onKeyDown = (event: KeyboardEvent) => {
    const next = nextFocusDate(current, event.key, props.data.year);
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    setFocusDate(next);
  };
  return (
    <div className="calendar-months" ref={grid} onKeyDown={onKeyDown}>
      {Array.from({ length: 12 }, (_, index) => (
        <MonthGrid key={index} data={props.data} month={index + 1} focusDate={current} onPick={props.onPick} />
      ))}
    </div>
  );
}

function nextFocusDate(date: string, key: string, year: number): string | null {
  const at = new Date(`${date}T00:00:00Z`);
  const steps: Record<string, () => void> = {
    ArrowLeft: () => at.setUTCDate(at.getUTCDate() - 1),
    ArrowRight: () => at.setUTCDate(at.getUTCDate() + 1),
    ArrowUp: () => at.setUTCDate(at.getUTCDate() - 7),
    ArrowDown: () => at.setUTCDate(at.getUTCDate() + 7),
    PageUp: () => at.setUTCMonth(at.getUTCMonth() - 1),
    PageDown: () => at.setUTCMonth(at.getUTCMonth() + 1),
    Home: () => at.setUTCFullYear(year, 0, 1),
    End: () => at.setUTCFullYear(year, 11, 31),
  };
  const step = steps[key];
  if (!step) return null;
  step();
  const next = at.toISOString().slice(0, 10);
  return next.startsWith(`${year}-`) ? next : null;
}

function MonthGrid(props: { data: CalendarYear; month: number; focusDate: string; onPick: ((day: CalendarDayView) => void) | null }) {
  const { t } = useI18n();
  const weekdays = t('calendar.weekdays').split(',');
  const prefix = `${props.data.year}-${String(props.month).padStart(2, '0')}-`;
  const days = props.data.days.filter((day) => day.date.startsWith(prefix));
  const lead = (new Date(`${prefix}01T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (CalendarDayView | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const title = t('calendar.month', { month: props.month });
  return (
    <table className="calendar-month" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          {weekdays.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, index) => (
          <tr key={index}>
            {week.map((day, column) => (
              <td key={column}>{day ? <DayCell day={day} weekday={weekdays[column] ?? ''} focused={day.date === props.focusDate} onPick={props.onPick} /> : null}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayCell(props: { day: CalendarDayView; weekday: string; focused: boolean; onPick: ((day: CalendarDayView) => void) | null }) {
  const { t } = useI18n();
  const { day } = props;
  const label =
    t('calendar.dayLabel', { date: day.date, weekday: props.weekday, kind: kindLabel(t, day.kind) }) +
    (day.holidayName ? ` · ${day.holidayName}` : '') +
    (day.corrected ? ` · ${t('calendar.corrected')}` : '');
  const className = `calendar-day kind-${day.kind}${day.corrected ? ' is-corrected' : ''}`;
  const number = Number(day.date.slice(8));
  if (!props.onPick) {
    return (
      <span className={className} title={label} aria-label={label} data-date={day.date} data-kind={day.kind} role="img" tabIndex={props.focused ? 0 : -1}>
        {number}
      </span>
    );
  }
  const onPick = props.onPick;
  return (
    <button type="button" className={className} title={label} aria-label={label} data-date={day.date} data-kind={day.kind} tabIndex={props.focused ? 0 : -1} onClick={() => onPick(day)}>
      {number}
    </button>
  );
}

function DayDialog(props: { day: CalendarDayView; onClose: () => void; onSaved: (day: CalendarDayView) => void }) {
  const { t, problem } = useI18n();
  const [kind, setKind] = useState<CalendarDayKind>(props.day.kind);
  const [name, setName] = useState(props.day.holidayName ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function save() {
    try {
      const trimmed = name.trim();
      props.onSaved(await call('calendar/setDay', { date: props.day.date, kind, holidayName: NAMED.has(kind) && trimmed ? trimmed : null }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.error.fields) setErrors(caught.error.fields);
      else setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    }
  }

  return (
    <Dialog title={t('calendar.day.title', { date: props.day.date })} onClose={props.onClose}>
      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {failure ? <div className="form-banner">{failure}</div> : null}
        <Field label={t('calendar.day.kind')} error={errors.kind ? problem('kind', errors.kind) : undefined}>
          <select value={kind} onChange={(event) => setKind(event.target.value as CalendarDayKind)}>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {kindLabel(t, option)}
              </option>
            ))}
          </select>
        </Field>
        {NAMED.has(kind) ? (
          <Field label={t('calendar.day.holidayName')} required error={errors.holidayName ? problem('holidayName', errors.holidayName) : undefined}>
            <input value={name} maxLength={20} onChange={(event) => setName(event.target.value)} />
          </Field>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface HolidayRow {
  key: number;
  name: string;
  from: string;
  to: string;
  statutory: string[];
}
interface MakeupRow {
  key: number;
  date: string;
  name: string;
}

let rowKey = 0;
const nextKey = () => (rowKey += 1);

/** The notice the table now holds, read back from its days: consecutive days off of one holiday form a span. */
function noticeOf(data: CalendarYear): { holidays: HolidayRow[]; makeups: MakeupRow[] } {
  const holidays: HolidayRow[] = [];
  const makeups: MakeupRow[] = [];
  let previous: string | null = null;
  for (const day of data.days) {
    if (day.kind === 'makeup') makeups.push({ key: nextKey(), date: day.date, name: day.holidayName ?? '' });
    if (day.kind === 'statutory' || day.kind === 'holiday_rest') {
      const last = holidays.at(-1);
      if (last && last.to === previous && last.name === (day.holidayName ?? '')) last.to = day.date;
      else holidays.push({ key: nextKey(), name: day.holidayName ?? '', from: day.date, to: day.date, statutory: [] });
      if (day.kind === 'statutory') holidays.at(-1)!.statutory.push(day.date);
    }
    previous = day.date;
  }
  return { holidays, makeups };
}

function datesFrom(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start || end - start > 40 * 86_400_000) return [];
  const dates: string[] = [];
  for (let moment = start; moment <= end; moment += 86_400_000) dates.push(new Date(moment).toISOString().slice(0, 10));
  return dates;
}

function NoticeDialog(props: { data: CalendarYear; onClose: () => void; onSaved: (saved: CalendarYear) => void }) {
  const { t, problem } = useI18n();
  // A confirmed year starts from its notice; a provisional one from the law's statutory days.
  const initial = useMemo(() => (props.data.confirmed || props.data.provisional ? noticeOf(props.data) : null), [props.data]);
  const [holidays, setHolidays] = useState<HolidayRow[]>(
    () => initial?.holidays ?? [{ key: nextKey(), name: '', from: '', to: '', statutory: [] }],
  );
  const [makeups, setMakeups] = useState<MakeupRow[]>(() => initial?.makeups ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const year = props.data.year;
  const min = `${year}-01-01`;
  const max = `${year}-12-31`;

  /** A field's error, worded for the field whatever row it is in. */
  const errorAt = (path: string): string | undefined => {
    const kind: FieldProblem | undefined = errors[path];
    return kind ? problem(path.replace(/\.\d+/g, ''), kind) : undefined;
  };
  const statutoryError = (index: number) => {
    const path = Object.keys(errors).find((key) => key.startsWith(`holidays.${index}.statutory`));
    return path ? errorAt(path) : undefined;
  };
  const updateHoliday = (key: number, change: Partial<HolidayRow>) =>
    setHolidays((rows) =>
      rows.map((row) => {
        if (row.key !== key) return row;
        const next = { ...row, ...change };
        // Statutory days outside the changed span no longer belong to it.
        return { ...next, statutory: next.statutory.filter((date) => date >= next.from && date <= next.to) };
      }),
    );

  async function save() {
    setFailure(null);
    try {
      const saved = await call('calendar/saveNotice', {
        year,
        holidays: holidays.map(({ name, from, to, statutory }) => ({ name, from, to, statutory })),
        makeupDays: makeups.map(({ date, name }) => ({ date, name })),
      });
      props.onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.error.fields) {
        setErrors(caught.error.fields);
        setFailure(t('calendar.notice.invalid'));
      } else {
        setErrors({});
        setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
      }
    }
  }

  const names = [...new Set(holidays.map((row) => row.name.trim()).filter(Boolean))];
  return (
    <Dialog title={t('calendar.notice.title', { year })} onClose={props.onClose} wide>
      <form
        className="form-stack notice-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="hint muted">{t('calendar.notice.hint')}</p>
        {failure ? (
          <div className="form-banner" role="alert">
            {failure}
          </div>
        ) : null}
        <fieldset className="notice-section">
          <legend>{t('calendar.notice.holidays')}</legend>
          {holidays.map((row, index) => {
            const span = datesFrom(row.from, row.to);
            return (
              <div className="notice-row notice-holiday" key={row.key} data-row={index}>
                <Field label={t('calendar.notice.name')} required error={errorAt(`holidays.${index}.name`)}>
                  <input value={row.name} maxLength={20} onChange={(event) => updateHoliday(row.key, { name: event.target.value })} />
                </Field>
                <Field label={t('calendar.notice.from')} required error={errorAt(`holidays.${index}.from`)}>
                  <input type="date" value={row.from} min={min} max={max} onChange={(event) => updateHoliday(row.key, { from: event.target.value, to: row.to || event.target.value })} />
                </Field>
                <Field label={t('calendar.notice.to')} required error={errorAt(`holidays.${index}.to`)}>
                  <input type="date" value={row.to} min={row.from || min} max={max} onChange={(event) => updateHoliday(row.key, { to: event.target.value })} />
                </Field>
                <fieldset className={statutoryError(index) ? 'notice-statutory field-invalid' : 'notice-statutory'}>
                  <legend>{t('calendar.notice.statutory')}</legend>
                  {span.length === 0 ? <span className="muted hint">{t('calendar.notice.statutoryHint')}</span> : null}
                  {span.map((date) => (
                    <label key={date} className="notice-check">
                      <input
                        type="checkbox"
                        checked={row.statutory.includes(date)}
                        onChange={(event) =>
                          updateHoliday(row.key, {
                            statutory: event.target.checked ? [...row.statutory, date].sort() : row.statutory.filter((d) => d !== date),
                          })
                        }
                      />
                      {date.slice(5)}
                    </label>
                  ))}
                  {statutoryError(index) ? <div className="field-error">{statutoryError(index)}</div> : null}
                </fieldset>
                <button
                  type="button"
                  className="notice-remove"
                  aria-label={`${t('calendar.notice.holidays')} · ${t('calendar.notice.removeRow', { n: index + 1 })}`}
                  onClick={() => setHolidays((rows) => rows.filter((r) => r.key !== row.key))}
                >
                  {t('calendar.notice.remove')}
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => setHolidays((rows) => [...rows, { key: nextKey(), name: '', from: '', to: '', statutory: [] }])}>
            + {t('calendar.notice.addHoliday')}
          </button>
        </fieldset>
        <fieldset className="notice-section">
          <legend>{t('calendar.notice.makeups')}</legend>
          <datalist id="notice-holiday-names">
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {makeups.map((row, index) => (
            <div className="notice-row notice-makeup" key={row.key} data-row={index}>
              <Field label={t('calendar.notice.date')} required error={errorAt(`makeupDays.${index}.date`)}>
                <input
                  type="date"
                  value={row.date}
                  min={min}
                  max={max}
                  onChange={(event) => setMakeups((rows) => rows.map((r) => (r.key === row.key ? { ...r, date: event.target.value } : r)))}
                />
              </Field>
              <Field label={t('calendar.notice.belongsTo')} required error={errorAt(`makeupDays.${index}.name`)}>
                <input
                  value={row.name}
                  maxLength={20}
                  list="notice-holiday-names"
                  onChange={(event) => setMakeups((rows) => rows.map((r) => (r.key === row.key ? { ...r, name: event.target.value } : r)))}
                />
              </Field>
              <button
                type="button"
                className="notice-remove"
                aria-label={`${t('calendar.notice.makeups')} · ${t('calendar.notice.removeRow', { n: index + 1 })}`}
                onClick={() => setMakeups((rows) => rows.filter((r) => r.key !== row.key))}
              >
                {t('calendar.notice.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setMakeups((rows) => [...rows, { key: nextKey(), date: '', name: names.at(-1) ?? '' }])}>
            + {t('calendar.notice.addMakeup')}
          </button>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('calendar.notice.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
