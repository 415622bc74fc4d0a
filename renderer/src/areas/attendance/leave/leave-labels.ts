import type { LeaveConflicts, LeavePart, LeaveStatus, LeaveType } from '../../../../../electron/contract/areas/leave.ts';
import type { Centre, Language } from '../../../../../electron/contract/model.ts';
import type { Translate } from '../../../i18n/i18n.tsx';

/** Dates as a short list: the first few, then how many more. */
export function dateList(dates: string[]): string {
  const shown = dates.slice(0, 4).map((date) => date.slice(5)).join('、');
  return dates.length > 4 ? `${shown}… (+${dates.length - 4})` : shown;
}

/** Each conflict as one line of text, in the user's language. */
export function conflictLines(conflicts: LeaveConflicts, centre: Centre, language: Language, t: Translate): string[] {
  const name = (item: { nameZh: string; nameEn: string } | undefined, id: number) => (item ? (language === 'zh-CN' ? item.nameZh : item.nameEn) : `#${id}`);
  return [
    ...conflicts.skills.map((skill) =>
      t('leave.form.skillConflict', {
        post: name(centre.posts.find((post) => post.id === skill.postId), skill.postId),
        left: skill.qualifiedLeft,
        target: skill.target,
        dates: dateList(skill.dates),
      }),
    ),
    ...conflicts.windows.map((window) =>
      t(window.reason === 'other_away' ? 'leave.form.windowAway' : 'leave.form.windowVacant', {
        window: name(centre.windows.find((w) => w.id === window.windowId), window.windowId),
        dates: dateList(window.dates),
      }),
    ),
  ];
}

/** The contract's codes, in the order the UI offers them (the renderer may import types only). */
export const LEAVE_TYPES = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing'] as const satisfies readonly LeaveType[];
export const LEAVE_PARTS = ['full', 'am', 'pm'] as const satisfies readonly LeavePart[];
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const satisfies readonly LeaveStatus[];
