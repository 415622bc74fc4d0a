/**
 * A published roster may have had some zones' days replaced by a later one (publishing is per
 * zone): those cells are no longer what the hall follows, so the board refuses to change them and
 * says which roster the hall follows there instead.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listPosts } from '../../../data/repositories/centre.ts';
import { loadPublishedCover } from '../roster/cover.ts';
import type { BoardState } from './board-state.ts';
import type { ParsedBoardOp } from './live-check.ts';

export async function refuseReplacedCells(db: Queryable, state: BoardState, ops: readonly Pick<ParsedBoardOp, 'staffId' | 'date' | 'shiftCode' | 'postId'>[]): Promise<void> {
  const { record } = state;
  if (record.status !== 'published' || ops.length === 0) return;
  const [cover, posts] = await Promise.all([loadPublishedCover(db, record.from, record.to), listPosts(db)]);
  const zoneOfPost = new Map(posts.map((post) => [post.id, post.zoneId]));
  const held = new Map(state.assignments.map((duty) => [`${duty.staff}|${duty.date}|${duty.shift}`, Number(duty.post)]));
  for (const op of ops) {
    const postIds = [op.postId, held.get(`${op.staffId}|${op.date}|${op.shiftCode}`)].filter((id): id is number => id !== null && id !== undefined);
    for (const postId of postIds) {
      const zoneId = zoneOfPost.get(postId);
      if (zoneId === null || zoneId === undefined || !record.zoneIds.includes(zoneId)) continue;
      const followed = cover.rosterOf(zoneId, op.date);
      if (followed !== record.id) {
        const instead = followed === undefined ? '' : `（现按排班 #${followed}）`;
        const insteadEn = followed === undefined ? '' : ` (the hall follows roster #${followed})`;
        throw new AppFailure(
          'invalid_argument',
          `排班 #${record.id} 在 ${op.date} 的该区域已被替换${instead}，只能查看。 / Roster #${record.id} has been replaced for this zone on ${op.date}${insteadEn}: it is read only there.`,
          { rosterId: 'invalid_value' },
        );
      }
    }
  }
}
