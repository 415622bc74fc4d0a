import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ShiftTemplate } from '../../../../electron/contract/areas/calendar.ts';
import type { Centre, Post } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { DutyNames } from './RosterGrid.tsx';
import { shortPostName } from './roster-format.ts';
import { postOrder, shiftOrder } from './roster-view.ts';
import type { Orders } from './RosterResult.tsx';

/** Posts and shifts by name in the user's language, and the hall's order for both. */
export function useRosterNames(centre: Centre, shifts: ShiftTemplate[]): { names: DutyNames; orders: Orders; postLabel: (post: Post) => string } {
  const { language } = useI18n();
  const names = useMemo(() => {
    const byId = new Map(centre.posts.map((post) => [post.id, post]));
    const shiftNames = new Map(shifts.map((shift) => [shift.code, language === 'zh-CN' ? shift.nameZh : shift.nameEn]));
    const post = (postId: number) => {
      const found = byId.get(postId);
      return found ? (language === 'zh-CN' ? found.nameZh : found.nameEn) : `#${postId}`;
    };
    const postBeside = (postId: number, homePostId: number) => {
      const found = byId.get(postId);
      return found && found.zoneId === byId.get(homePostId)?.zoneId ? shortPostName(found, centre.zones, language) : post(postId);
    };
    const shift = (code: string) => shiftNames.get(code) ?? code;
    return { post, postBeside, shift, shiftShort: language === 'zh-CN' ? shift : (code: string) => code };
  }, [centre.posts, centre.zones, shifts, language]);
  const orders = useMemo(() => ({ byShift: shiftOrder(shifts), byPost: postOrder(centre.posts, centre.zones) }), [shifts, centre.posts, centre.zones]);
  const postLabel = useCallback((post: Post) => shortPostName(post, centre.zones, language), [centre.zones, language]);
  return { names, orders, postLabel };
}

/**
 * Focus goes where the user's next step is, once React has drawn it and it can take focus: the
 * generate button is disabled while a solve runs, the summary heading absent until a roster opens.
 */
export function useFocusAfterRender(): (target: () => HTMLElement | null) => void {
  const focusNext = useRef<(() => HTMLElement | null) | null>(null);
  useEffect(() => {
    const target = focusNext.current?.();
    if (target && !(target instanceof HTMLButtonElement && target.disabled)) {
      target.focus();
      focusNext.current = null;
    }
  });
  return useCallback((target: () => HTMLElement | null) => {
    focusNext.current = target;
  }, []);
}
