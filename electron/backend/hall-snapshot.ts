/**
 * Everything the skill views and the planners read, loaded in one go and turned into the solver's
 * plain inputs. One place decides who counts as employed, available and qualified.
 */
import type { Queryable } from '../../data/connection.ts';
import { listPosts, listWindows, type PostRecord, type WindowRecord } from '../../data/repositories/centre.ts';
import { listStaff, type StaffRecord } from '../../data/repositories/staff.ts';
import { listSkillCells, listWindowAb, type SkillCellRecord, type WindowAbRecord } from '../../data/repositories/skills.ts';
import type { BenchInput } from '../../solver/skills/bench-strength.ts';
import type { PlannerInput } from '../../solver/training/types.ts';
import { peopleOnLongLeave } from './leave/long-leave.ts';

export interface HallSnapshot {
  posts: PostRecord[];
  windows: WindowRecord[];
  staff: StaffRecord[];
  cells: SkillCellRecord[];
  ab: WindowAbRecord[];
  /** People on approved long leave today (see leave/long-leave.ts). */
  away: ReadonlySet<number>;
}

/** The hall as it stands on `today` (the day decides who is away on long leave). */
export async function loadHall(db: Queryable, today: string): Promise<HallSnapshot> {
  const [posts, windows, staff, cells, ab] = await Promise.all([
    listPosts(db),
    listWindows(db),
    listStaff(db),
    listSkillCells(db),
    listWindowAb(db),
  ]);
  return { posts, windows, staff, cells, ab, away: await peopleOnLongLeave(db, today) };
}

export function isEmployed(person: StaffRecord): boolean {
  return person.status !== 'departed';
}

/** A skill needs cover when some window requires it. */
export function coveredPostIds(hall: HallSnapshot): Set<number> {
  return new Set(hall.windows.map((window) => window.postId));
}

export function benchInputOf(hall: HallSnapshot, skillTarget: number, postTarget: number): BenchInput {
  const covered = coveredPostIds(hall);
  const abByWindow = new Map(hall.ab.map((seats) => [seats.windowId, seats]));
  return {
    skills: hall.posts.map((post) => ({ id: post.id, needsCover: covered.has(post.id) })),
    windows: hall.windows.map((window) => ({
      id: window.id,
      postId: window.postId,
      aStaffId: abByWindow.get(window.id)?.aStaffId ?? null,
      bStaffId: abByWindow.get(window.id)?.bStaffId ?? null,
    })),
    people: hall.staff.map((person) => ({ id: person.id, employed: isEmployed(person), away: hall.away.has(person.id) })),
    levels: hall.cells.map((cell) => ({ staffId: cell.staffId, postId: cell.postId, level: cell.level })),
    skillTarget,
    postTarget,
  };
}

export function plannerInputOf(hall: HallSnapshot, skillTarget: number, postTarget: number, maxTrainingsPerPerson: number): PlannerInput {
  const covered = coveredPostIds(hall);
  const available = hall.staff.filter((person) => isEmployed(person) && !hall.away.has(person.id));
  const availableIds = new Set(available.map((person) => person.id));
  return {
    skills: hall.posts.map((post) => ({ id: post.id, zoneId: post.zoneId, needsCover: covered.has(post.id) })),
    people: available.map((person) => ({ id: person.id, homeZoneId: person.homeZoneId })),
    levels: hall.cells
      .filter((cell) => availableIds.has(cell.staffId))
      .map((cell) => ({ staffId: cell.staffId, postId: cell.postId, level: cell.level })),
    skillTarget,
    postTarget,
    maxTrainingsPerPerson,
  };
}
