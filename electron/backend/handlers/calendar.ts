import type { ChannelArgs } from '../../contract/channels.ts';
import type { CalendarDayView, CalendarYear, OpeningHours, ShiftTemplate } from '../../contract/areas/calendar.ts';
import { AppFailure, fieldFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import {
  findShiftTemplateByCode,
  getCalendarDay,
  getCalendarYear,
  listOpeningHours,
  listShiftTemplateWindows,
  listShiftTemplates,
  putCalendarDay,
  putOpeningHours,
  setShiftTemplateWindows,
  putShiftTemplate,
} from '../../../data/repositories/calendar.ts';
import { listWindows } from '../../../data/repositories/centre.ts';
import { noticeFieldProblems, type HolidayNotice } from '../../../solver/calendar/china-calendar.ts';
import { calendarYearView, writeNotice } from '../calendar-service.ts';
import type { BackendContext } from '../context.ts';

/** The calendar channels (see electron/contract/areas/calendar.ts). */
export function calendarHandlers(ctx: BackendContext) {
  return {
    'calendar/year': ({ year }: ChannelArgs<'calendar/year'>): Promise<CalendarYear> =>
      ctx.session.use((db) => calendarYearView(db, year)),

    'calendar/saveNotice': (arg: ChannelArgs<'calendar/saveNotice'>): Promise<CalendarYear> =>
      ctx.session.use((db) => db.transaction((tx) => saveNotice(tx, ctx, arg))),

    'calendar/setDay': (arg: ChannelArgs<'calendar/setDay'>): Promise<CalendarDayView> =>
      ctx.session.use((db) => db.transaction((tx) => setDay(tx, ctx, arg))),

    'hours/list': (): Promise<OpeningHours[]> => ctx.session.use((db) => listOpeningHours(db)),

    'hours/set': (arg: ChannelArgs<'hours/set'>): Promise<OpeningHours> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          await putOpeningHours(tx, arg);
          await appendAudit(tx, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity: 'opening_hours', entityId: null, action: 'set', detail: { ...arg } });
          return arg;
        }),
      ),

    'shifts/list': (): Promise<ShiftTemplate[]> => ctx.session.use((db) => listTemplates(db)),

    'shifts/save': (arg: ChannelArgs<'shifts/save'>): Promise<ShiftTemplate> =>
      ctx.session.use((db) => db.transaction((tx) => saveTemplate(tx, ctx, arg))),
  };
}

async function saveNotice(tx: Queryable, ctx: BackendContext, arg: ChannelArgs<'calendar/saveNotice'>): Promise<CalendarYear> {
  const notice: HolidayNotice = {
    year: arg.year,
    holidays: arg.holidays.map((span) => ({ ...span, statutory: [...new Set(span.statutory)].sort() })),
    makeupDays: arg.makeupDays,
  };
  const problems = noticeFieldProblems(notice);
  if (Object.keys(problems).length > 0) throw fieldFailure(problems);
  const at = ctx.clock.now().toISOString();
  await writeNotice(tx, notice, { at, by: ctx.actor, source: 'entered' });
  await appendAudit(tx, { at, actor: ctx.actor, entity: 'calendar_year', entityId: arg.year, action: 'save_notice', detail: { ...notice } });
  return calendarYearView(tx, arg.year);
}

const NAMED_KINDS = new Set(['statutory', 'holiday_rest', 'makeup']);

async function setDay(tx: Queryable, ctx: BackendContext, arg: ChannelArgs<'calendar/setDay'>): Promise<CalendarDayView> {
  const year = Number(arg.date.slice(0, 4));
  const record = await getCalendarYear(tx, year);
  if (!record || record.confirmedAt === null) {
    throw new AppFailure(
      'conflict',
      `${year} 年的放假通知尚未录入确认，请先录入通知再更正单日。 / The ${year} holiday notice has not been entered yet: enter it before correcting single days.`,
    );
  }
  // A holiday day or a make-up day belongs to a holiday; an ordinary day belongs to none.
  const holidayName = NAMED_KINDS.has(arg.kind) ? arg.holidayName : null;
  if (NAMED_KINDS.has(arg.kind) && holidayName === null) throw fieldFailure({ holidayName: 'required' });
  const before = await getCalendarDay(tx, arg.date);
  const at = ctx.clock.now().toISOString();
  await putCalendarDay(tx, { date: arg.date, kind: arg.kind, holidayName, correctedBy: ctx.actor, correctedAt: at });
  await appendAudit(tx, {
    at, actor: ctx.actor, entity: 'calendar_day', entityId: null, action: 'correct',
    detail: { date: arg.date, from: before ? { kind: before.kind, holidayName: before.holidayName } : null, to: { kind: arg.kind, holidayName } },
  });
  return { date: arg.date, kind: arg.kind, holidayName, corrected: true };
}

async function listTemplates(db: Queryable): Promise<ShiftTemplate[]> {
  const windows = await listShiftTemplateWindows(db);
  return (await listShiftTemplates(db)).map((template) => ({ ...template, windowIds: windows.get(template.id) ?? [] }));
}

async function saveTemplate(tx: Queryable, ctx: BackendContext, arg: ChannelArgs<'shifts/save'>): Promise<ShiftTemplate> {
  const existing = await listShiftTemplates(tx);
  if (arg.id !== null && !existing.some((template) => template.id === arg.id)) throw new AppFailure('not_found', `No shift template with id ${arg.id}`);
  const sameCode = await findShiftTemplateByCode(tx, arg.code);
  if (sameCode && sameCode.id !== arg.id) throw fieldFailure({ code: 'taken' });
  const known = new Set((await listWindows(tx)).map((window) => window.id));
  const windowIds = [...new Set(arg.windowIds)].sort((a, b) => a - b);
  if (windowIds.some((id) => !known.has(id))) throw fieldFailure({ windowIds: 'invalid_value' });
  const { windowIds: _ignored, ...fields } = arg;
  void _ignored;
  const id = await putShiftTemplate(tx, fields);
  await setShiftTemplateWindows(tx, id, windowIds);
  await appendAudit(tx, {
    at: ctx.clock.now().toISOString(), actor: ctx.actor, entity: 'shift_template', entityId: id,
    action: arg.id === null ? 'create' : 'update', detail: { ...fields, id, windowIds },
  });
  const saved = (await listTemplates(tx)).find((template) => template.id === id);
  if (!saved) throw new AppFailure('internal', 'Shift template vanished while saving');
  return saved;
}
