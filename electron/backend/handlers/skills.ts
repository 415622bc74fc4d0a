import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure, fieldFailure } from '../../contract/errors.ts';
import { QUALIFIED_LEVEL, type SkillCell, type SkillChange, type SkillMatrix, type SkillMatrixRow } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listPosts, listZones } from '../../../data/repositories/centre.ts';
import { getStaff } from '../../../data/repositories/staff.ts';
import { appendSkillChange, getSkillCell, listSkillChanges, putSkillCell, type SkillCellRecord } from '../../../data/repositories/skills.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { loadHall, type HallSnapshot } from '../hall-snapshot.ts';

export function skillHandlers(ctx: BackendContext) {
  return {
    'skills/matrix': (): Promise<SkillMatrix> =>
      ctx.session.use(async (db) => matrixOf(await loadHall(db, todayOf(ctx.clock)), await zoneOrder(db))),

    'skills/setLevel': (arg: ChannelArgs<'skills/setLevel'>): Promise<SkillCell> =>
      ctx.session.use((db) => db.transaction((tx) => setLevel(tx, ctx, arg))),

    'skills/history': ({ staffId, postId }: ChannelArgs<'skills/history'>): Promise<SkillChange[]> =>
      ctx.session.use(async (db) =>
        (await listSkillChanges(db, staffId, postId)).map(({ at, actor, fromLevel, toLevel, certifiedOn, note }) => ({
          at, actor, fromLevel, toLevel, certifiedOn, note,
        })),
      ),
  };
}

async function zoneOrder(db: Queryable): Promise<Map<number, number>> {
  return new Map((await listZones(db)).map((zone) => [zone.id, zone.sortOrder]));
}

/** Rows are people still employed; columns are posts, zone by zone, hall-wide posts last. */
function matrixOf(hall: HallSnapshot, zoneSort: Map<number, number>): SkillMatrix {
  const cellsByStaff = new Map<number, Record<string, SkillCell>>();
  for (const cell of hall.cells) {
    const row = cellsByStaff.get(cell.staffId) ?? {};
    row[String(cell.postId)] = cell;
    cellsByStaff.set(cell.staffId, row);
  }
  const rows: SkillMatrixRow[] = hall.staff
    .filter((person) => person.status !== 'departed')
    .map((person) => {
      const cells = cellsByStaff.get(person.id) ?? {};
      return {
        staffId: person.id,
        employeeNo: person.employeeNo,
        name: person.name,
        homeZoneId: person.homeZoneId,
        status: person.status,
        cells,
        mastered: Object.values(cells).filter((cell) => cell.level >= QUALIFIED_LEVEL).length,
      };
    });
  const rank = (zoneId: number | null) => (zoneId === null ? Number.MAX_SAFE_INTEGER : (zoneSort.get(zoneId) ?? 0));
  const skills = [...hall.posts].sort((a, b) => rank(a.zoneId) - rank(b.zoneId) || a.id - b.id);
  return { rows, skills };
}

async function setLevel(tx: Queryable, ctx: BackendContext, arg: ChannelArgs<'skills/setLevel'>): Promise<SkillCell> {
  const person = await getStaff(tx, arg.staffId);
  if (!person) throw new AppFailure('not_found', `No staff member with id ${arg.staffId}`);
  if (person.status === 'departed') throw new AppFailure('conflict', `${person.name} has left; their skills are kept as they were`);
  if (!(await listPosts(tx)).some((post) => post.id === arg.postId)) throw new AppFailure('not_found', `No post with id ${arg.postId}`);
  const today = todayOf(ctx.clock);
  if (arg.level >= QUALIFIED_LEVEL && arg.certifiedOn === null) throw fieldFailure({ certifiedOn: 'required' });
  if (arg.certifiedOn !== null && arg.certifiedOn > today) throw fieldFailure({ certifiedOn: 'future_date' });
  const before = await getSkillCell(tx, arg.staffId, arg.postId);
  const cell: SkillCellRecord = {
    staffId: arg.staffId,
    postId: arg.postId,
    level: arg.level,
    certifiedOn: arg.level === 0 ? null : arg.certifiedOn,
    // A learner keeps their mentor and target; certification or removal ends the training.
    mentorId: arg.level === 1 ? (before?.mentorId ?? null) : null,
    targetDate: arg.level === 1 ? (before?.targetDate ?? null) : null,
    updatedAt: ctx.clock.now().toISOString(),
  };
  await putSkillCell(tx, cell);
  await appendSkillChange(tx, {
    staffId: arg.staffId, postId: arg.postId, at: cell.updatedAt, actor: ctx.actor,
    fromLevel: before?.level ?? 0, toLevel: arg.level, certifiedOn: cell.certifiedOn, note: arg.note,
  });
  return cell;
}
