/** The board's names in the user's language: people, posts, windows, shifts and days. */
import type { RosterBoard } from '../../../../electron/contract/areas/board.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { localName, type Language } from './board-model.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface BoardNames {
  language: Language;
  person: (staffId: number) => string;
  post: (postId: number) => string;
  /** A post's name inside its zone, without the zone's prefix ("税务收件" → "收件"). */
  postShort: (postId: number) => string;
  windowCode: (windowId: number) => string;
  shift: (code: string) => string;
  /** "11/23 周一". */
  dayHeader: (date: string) => string;
  /** "11月23日 周一". */
  day: (date: string) => string;
  t: Translate;
}

export function boardNames(board: RosterBoard, language: Language, t: Translate): BoardNames {
  const people = new Map(board.people.map((person) => [person.staffId, person.name]));
  const posts = new Map(board.posts.map((post) => [post.id, post]));
  const zones = new Map(board.zones.map((zone) => [zone.id, zone]));
  const windows = new Map(board.zones.flatMap((zone) => zone.windows.map((window) => [window.id, window.code] as const)));
  const shifts = new Map(board.shifts.map((shift) => [shift.code, shift.name]));
  const weekdays = t('roster.weekdays').split(',');
  const weekdayOf = new Map(board.days.map((day) => [day.date, weekdays[day.weekday - 1] ?? '']));
  const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
  const post = (postId: number) => {
    const found = posts.get(postId);
    return found ? localName(found, language) : `#${postId}`;
  };
  return {
    language,
    t,
    person: (staffId) => people.get(staffId) ?? `#${staffId}`,
    post,
    postShort: (postId) => {
      const found = posts.get(postId);
      const zone = found && found.zoneId !== null ? zones.get(found.zoneId) : undefined;
      const full = post(postId);
      const prefix = zone ? (language === 'zh-CN' ? zone.nameZh : `${zone.nameEn} `) : '';
      return prefix && full.startsWith(prefix) && full.length > prefix.length ? full.slice(prefix.length) : full;
    },
    windowCode: (windowId) => windows.get(windowId) ?? `#${windowId}`,
    // The backend names shifts in Chinese; English shows the code (AM, PM) a hall also uses.
    shift: (code) => (language === 'zh-CN' ? (shifts.get(code) ?? code) : code),
    dayHeader: (date) => {
      const [, month, day] = parts(date);
      return t('roster.dayHeader', { month, day, weekday: weekdayOf.get(date) ?? '' });
    },
    day: (date) => {
      const [, month, day] = parts(date);
      return t('roster.dayLabel', { month, day, weekday: weekdayOf.get(date) ?? '' });
    },
  };
}
