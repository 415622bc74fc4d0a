/** The centre's names in Chinese, as the reports' workbooks print them. */
import type { Queryable } from '../../../data/connection.ts';
import { listPosts, listZones } from '../../../data/repositories/centre.ts';
import { listShiftTemplates } from '../../../data/repositories/calendar.ts';

export { LEAVE_NAMES_ZH } from '../roster/scenario-mapping.ts';

export interface CentreNames {
  /** null: the whole centre. */
  zone(zoneId: number | null): string;
  post(postId: number): string;
  shift(code: string): string;
}

export async function centreNames(db: Queryable): Promise<CentreNames> {
  const zones = new Map((await listZones(db)).map((zone) => [zone.id, zone.nameZh]));
  const posts = new Map((await listPosts(db)).map((post) => [post.id, post.nameZh]));
  const shifts = new Map((await listShiftTemplates(db)).map((shift) => [shift.code, shift.nameZh]));
  return {
    zone: (zoneId) => (zoneId === null ? '全中心' : (zones.get(zoneId) ?? String(zoneId))),
    post: (postId) => posts.get(postId) ?? String(postId),
    shift: (code) => shifts.get(code) ?? code,
  };
}
