/**
 * The calendar channels of the contract: argument schemas here, result types in CalendarResults.
 * Merged into the one channel map by ../channels.ts.
 */
import { z } from 'zod';
import { isoDate, minuteOfDay, noArgument, recordId, year } from '../schema-parts.ts';

export const DAY_KINDS = ['workday', 'weekend', 'statutory', 'holiday_rest', 'makeup'] as const;
/** 工作日, 周末, 法定节假日 (300% pay), 节假日调休休息日, 调休上班日. */
export type CalendarDayKind = (typeof DAY_KINDS)[number];

/** The kinds of day the centre's opening hours are set for. */
export const OPENING_DAY_KINDS = ['weekday', 'saturday', 'makeup'] as const;
export type OpeningDayKind = (typeof OPENING_DAY_KINDS)[number];

const holidayName = z.string().trim().min(1).max(20);

const holidaySpan = z.strictObject({
  name: holidayName,
  from: isoDate,
  to: isoDate,
  /** The days of the span that are statutory holidays proper (300% pay). */
  statutory: z.array(isoDate).max(10),
});

const makeupDay = z.strictObject({ date: isoDate, name: holidayName });

/** A window of the day is shown as HH:MM but crosses the contract as minutes from midnight. */
const timeWindow = <T extends z.ZodRawShape>(shape: T, from: string, to: string) =>
  z.strictObject(shape).refine((value) => (value as Record<string, number>)[to]! > (value as Record<string, number>)[from]!, {
    message: 'out_of_range',
    path: [to],
  });

export const calendarChannels = {
  'calendar/year': z.strictObject({ year }),
  'calendar/saveNotice': z.strictObject({
    year,
    holidays: z.array(holidaySpan).max(20),
    makeupDays: z.array(makeupDay).max(20),
  }),
  'calendar/setDay': z.strictObject({ date: isoDate, kind: z.enum(DAY_KINDS), holidayName: holidayName.nullable() }),
  'hours/list': noArgument,
  'hours/set': timeWindow(
    { dayKind: z.enum(OPENING_DAY_KINDS), isOpen: z.boolean(), opensAt: minuteOfDay, closesAt: minuteOfDay },
    'opensAt',
    'closesAt',
  ),
  'shifts/list': noArgument,
  'shifts/save': timeWindow(
    {
      id: recordId.nullable(),
      code: z
        .string()
        .trim()
        .toUpperCase()
        .min(1)
        .max(12)
        .regex(/^[A-Z0-9_-]+$/),
      nameZh: z.string().trim().min(1).max(20),
      nameEn: z.string().trim().min(1).max(40),
      startsAt: minuteOfDay,
      endsAt: minuteOfDay,
      defaultDay: z.boolean(),
      active: z.boolean(),
      windowIds: z.array(recordId).max(500),
    },
    'startsAt',
    'endsAt',
  ),
} satisfies Record<string, z.ZodType>;

export interface CalendarDayView {
  date: string;
  kind: CalendarDayKind;
  holidayName: string | null;
  /** Changed by hand after the notice was entered. */
  corrected: boolean;
}

export interface CalendarYear {
  year: number;
  /** Someone entered (or the app shipped) this year's notice; until then rostering into it is refused. */
  confirmed: boolean;
  /**
   * Not confirmed, and its days are the law's statutory days with nothing moved (no 调休): rosters,
   * the forecast and the what-if plan on it, labelled 「节假日安排待国务院通知确认」.
   */
  provisional: boolean;
  confirmedAt: string | null;
  confirmedBy: string | null;
  /** 'built-in', 'entered', or null for a year never written. */
  source: string | null;
  days: CalendarDayView[];
}

export interface OpeningHours {
  dayKind: OpeningDayKind;
  isOpen: boolean;
  /** Minutes from midnight. */
  opensAt: number;
  closesAt: number;
}

export interface ShiftTemplate {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  /** Minutes from midnight. */
  startsAt: number;
  endsAt: number;
  /** Part of everyone's default day until a roster exists. */
  defaultDay: boolean;
  active: boolean;
  /** The windows open during this shift. */
  windowIds: number[];
}

export interface CalendarResults {
  'calendar/year': CalendarYear;
  'calendar/saveNotice': CalendarYear;
  'calendar/setDay': CalendarDayView;
  'hours/list': OpeningHours[];
  'hours/set': OpeningHours;
  'shifts/list': ShiftTemplate[];
  'shifts/save': ShiftTemplate;
}
