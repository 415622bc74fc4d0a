/** Names and figures as the reports show them; pure, so the tests read them without a browser. */
import type { Centre } from '../../../../electron/contract/model.ts';
import type { HoursBreach, ShiftName } from '../../../../electron/contract/areas/reports.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/** The i18n provider's `t`, named here so this module stays free of React and the window. */
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
import type { Language } from '../../../../electron/contract/model.ts';

export interface ReportNames {
  zone: (zoneId: number | null) => string;
  post: (postId: number) => string;
  shift: (code: string) => string;
}

export function reportNames(centre: Centre, shifts: readonly ShiftName[], language: Language, centreWide: string): ReportNames {
  const local = (item: { nameZh: string; nameEn: string }) => (language === 'zh-CN' ? item.nameZh : item.nameEn);
  const zones = new Map(centre.zones.map((zone) => [zone.id, zone]));
  const posts = new Map(centre.posts.map((post) => [post.id, post]));
  const shiftByCode = new Map(shifts.map((shift) => [shift.code, shift]));
  return {
    zone: (zoneId) => {
      const zone = zoneId === null ? undefined : zones.get(zoneId);
      return zone ? local(zone) : centreWide;
    },
    post: (postId) => {
      const post = posts.get(postId);
      return post ? local(post) : String(postId);
    },
    shift: (code) => {
      const shift = shiftByCode.get(code);
      return shift ? local(shift) : code;
    },
  };
}

/** Minutes as hours with one decimal, the way payroll reads them: 90 → "1.5". */
export function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return hours.toFixed(1);
}

/** Yuan with thousands separators and two decimals: 12345.6 → "12,345.60". */
export function yuanText(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A signed change in yuan: "+5,210.00" / "−5,210.00". */
export function signedYuanText(value: number): string {
  if (value === 0) return yuanText(0);
  return `${value > 0 ? '+' : '−'}${yuanText(Math.abs(value))}`;
}

/** Days of leave with at most two decimals and no trailing zeros: 1.50 → "1.5", 0 → "0". */
export function daysText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function percentText(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

/** "2026-11-05" → "11-05": the reports are about one month, its year is in the title. */
export function shortDate(date: string): string {
  return date.slice(5);
}

/** A breach of the hours rules in words: "本月加班 40.0 小时，超过 36 小时上限". */
export function hoursBreachText(breach: HoursBreach, t: Translate): string {
  const hours = (minutes: number) => hoursText(minutes);
  if (breach.rule === 'monthly_overtime_cap') return t('hours.breach.monthly', { hours: hours(breach.minutes), cap: hours(breach.capMinutes) });
  if (breach.rule === 'daily_overtime_cap') return t('hours.breach.daily', { date: shortDate(breach.date), hours: hours(breach.minutes), cap: hours(breach.capMinutes) });
  return t('hours.breach.cycle', { from: breach.from, to: breach.to, hours: hours(breach.minutes), cap: hours(breach.capMinutes) });
}

/** A predicted wait in minutes, or "cannot keep up" with the share of visitors the staff strand. */
export function waitText(option: { averageWaitSeconds: number; unstableShare: number }, t: Translate): string {
  if (option.unstableShare > 0) return t('whatIf.cannotKeepUp', { share: Math.max(1, Math.round(option.unstableShare * 100)) });
  return t('whatIf.minutes', { minutes: (Math.round((option.averageWaitSeconds / 60) * 10) / 10).toFixed(1) });
}
