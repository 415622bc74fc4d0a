/**
 * How a planned skill row is written: the cell as `skills/setLevel` would leave it, and a line in
 * the cell's history naming the file it came from.
 */
import type { SkillLevel } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendSkillChange, putSkillCell, type SkillCellRecord } from '../../../data/repositories/skills.ts';
import type { ImportStamp, RowWrite } from './plan.ts';

export interface SkillTarget {
  staffId: number;
  postId: number;
  level: SkillLevel;
  certifiedOn: string | null;
}

export function skillWrite(target: SkillTarget, before: SkillCellRecord | undefined): RowWrite {
  return async (tx: Queryable, stamp: ImportStamp) => {
    // A learner keeps their mentor and target date; certification or removal ends the training.
    const learning = target.level === 1;
    await putSkillCell(tx, {
      ...target,
      mentorId: learning ? (before?.mentorId ?? null) : null,
      targetDate: learning ? (before?.targetDate ?? null) : null,
      updatedAt: stamp.at,
    });
    await appendSkillChange(tx, {
      staffId: target.staffId,
      postId: target.postId,
      at: stamp.at,
      actor: stamp.actor,
      fromLevel: before?.level ?? 0,
      toLevel: target.level,
      certifiedOn: target.certifiedOn,
      note: `导入 ${stamp.fileName}`,
    });
  };
}
