/** Words and numbers of the roster screens, in the user's language. */
import type { RosterSummary } from '../../../../electron/contract/areas/roster.ts';
import type { Post, Zone } from '../../../../electron/contract/model.ts';
import type { AppError } from '../../../../electron/contract/errors.ts';
import { zhCN, type MessageKey } from '../../i18n/zh-CN.ts';
import { isoWeek, periodEnd, weekdayIndex, type Period } from './period.ts';

/** As i18n.tsx's Translate; named here so unit tests load this file without the UI's runtime. */
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** "11/23 周一": a day column's title. */
export function dayHeader(date: string, t: Translate): string {
  const [, month, day] = parts(date);
  return t('roster.dayHeader', { month, day, weekday: weekdayName(date, t) });
}

export function weekdayName(date: string, t: Translate): string {
  return t('roster.weekdays').split(',')[weekdayIndex(date)] ?? '';
}

/** "11月23日 周一". */
export function dayLabel(date: string, t: Translate): string {
  const [, month, day] = parts(date);
  return t('roster.dayLabel', { month, day, weekday: weekdayName(date, t) });
}

/** "2026年11月23日–11月29日". */
export function rangeLabel(from: string, to: string, t: Translate): string {
  const [year, month, day] = parts(from);
  const [toYear, toMonth, toDay] = parts(to);
  return toYear === year
    ? t('roster.range', { year, month, day, toMonth, toDay })
    : t('roster.rangeYears', { year, month, day, toYear, toMonth, toDay });
}

/** "第48周 · 11月23日–11月29日" or "2026年12月（31天）". */
export function periodLabel(period: Period, t: Translate): string {
  const [year, month] = parts(period.from);
  if (period.kind === 'month' && period.from.endsWith('-01')) return t('roster.monthOption', { year, month, days: period.days });
  const to = periodEnd(period);
  return period.days === 7
    ? t('roster.weekOption', { week: isoWeek(period.from), range: rangeLabel(period.from, to, t) })
    : rangeLabel(period.from, to, t);
}

export function zoneName(zone: Zone | undefined, language: 'zh-CN' | 'en'): string {
  return zone ? (language === 'zh-CN' ? zone.nameZh : zone.nameEn) : '?';
}

/** A post's name under its zone's heading: "税务收件" under 税务 reads "收件". */
export function shortPostName(post: Post, zones: readonly Zone[], language: 'zh-CN' | 'en'): string {
  const full = language === 'zh-CN' ? post.nameZh : post.nameEn;
  const zone = zones.find((candidate) => candidate.id === post.zoneId);
  const prefix = zone ? (language === 'zh-CN' ? zone.nameZh : `${zone.nameEn} `) : '';
  return prefix && full.startsWith(prefix) && full.length > prefix.length ? full.slice(prefix.length) : full;
}

/** 全部区域, or the zones by name. */
export function zonesLabel(zoneIds: readonly number[], zones: readonly Zone[], language: 'zh-CN' | 'en', t: Translate): string {
  if (zones.length > 0 && zones.every((zone) => zoneIds.includes(zone.id))) return t('roster.zones.all', { n: zones.length });
  const names = zoneIds.map((id) => zoneName(zones.find((zone) => zone.id === id), language));
  return names.length <= 3 ? names.join(t('roster.listSeparator')) : t('roster.zones.some', { n: names.length, first: names.slice(0, 2).join(t('roster.listSeparator')) });
}

/** 最优 / 可行 / 超时 …; a status the UI does not know yet is shown as it came. */
export function solveStatusText(status: string | null, t: Translate): string {
  if (status === null) return '—';
  const key = `roster.solveStatus.${status}`;
  return key in zhCN ? t(key as MessageKey) : status;
}

export function engineText(summary: Pick<RosterSummary, 'engine' | 'source'>, t: Translate): string {
  if (summary.source === 'import') return t('roster.source.import');
  if (summary.engine === 'highs') return 'HiGHS';
  return summary.engine ?? '—';
}

/** A share (0–1) as a percent. */
export function percentText(share: number | null | undefined, digits = 0): string {
  return typeof share === 'number' && Number.isFinite(share) ? `${(share * 100).toFixed(digits)}%` : '—';
}

/** A solver gap, (objective − bound) ÷ objective: proven optimal reads 0%. */
export function gapText(gap: number | null | undefined): string {
  if (typeof gap !== 'number' || !Number.isFinite(gap)) return '—';
  if (gap <= 0) return '0%';
  return `${(gap * 100).toFixed(gap < 0.001 ? 3 : gap < 0.1 ? 2 : 1)}%`;
}

export function numberText(value: number | null | undefined, digits = 0): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** "11-22 10:05": a moment with a zone is shown in the hall's local time, a bare one as written. */
export function stampText(iso: string | null): string {
  if (!iso) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  if (/(Z|[+-]\d{2}:\d{2})$/.test(iso)) {
    const moment = new Date(iso);
    if (!Number.isNaN(moment.getTime())) return `${pad(moment.getMonth() + 1)}-${pad(moment.getDate())} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
  }
  const match = /^\d{4}-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(iso);
  return match ? `${match[1]}-${match[2]} ${match[3]}:${match[4]}` : iso;
}


/**
 * The backend words its refusals in both languages, "中文。 / English."; the user reads theirs. A
 * message that is not in that form is shown as it is.
 */
export function localMessage(message: string, language: 'zh-CN' | 'en'): string {
  const cut = message.indexOf(' / ');
  if (cut < 0 || !/[\u4e00-\u9fff]/.test(message.slice(0, cut))) return message;
  return language === 'zh-CN' ? message.slice(0, cut) : message.slice(cut + 3);
}

/**
 * A refused file's problems one per line, each with its path in the file. The backend lists them
 * after "problem(s):", separated by semicolons, and names each path in `fields`; a message without
 * that list falls back to the field paths, then to the message's own lines.
 */
export function problemLines(error: AppError): string[] {
  const english = error.message.includes(' / ') ? localMessage(error.message, 'en') : error.message;
  const listed = /problem\(s\):\s*([\s\S]*)$/.exec(english)?.[1];
  // A problem of the whole file has an empty path: ": not a JSON file" reads better without the colon.
  if (listed) return listed.split(/;\s+/).map((line) => line.replace(/^:\s*/, '').trim()).filter((line) => line !== '');
  const fields = Object.entries(error.fields ?? {}).map(([path, problem]) => `${path}: ${problem}`);
  if (fields.length > 0) return fields;
  return error.message.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}
