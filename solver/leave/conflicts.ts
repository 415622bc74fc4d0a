/**
 * What a leave request would do to A/B cover. Pure: the hall's bench input, who is already away on
 * each working day of the request, and the requester in; the skills and windows it would leave
 * short, with their dates, out.
 */
import { benchStrength, type BenchInput } from '../skills/bench-strength.ts';

export interface LeaveConflictInput {
  /** The hall as bench strength sees it; `away` flags in it are ignored (each day sets its own). */
  bench: BenchInput;
  requesterId: number;
  /** Each working day of the request, with the people already on approved leave that day. */
  days: { date: string; away: ReadonlySet<number> }[];
}

export interface SkillConflict {
  postId: number;
  /** Qualified people available on the worst of those days if the request is granted. */
  qualifiedLeft: number;
  target: number;
  dates: string[];
}

export interface WindowConflict {
  windowId: number;
  /** The seat the requester holds. */
  role: 'A' | 'B';
  /** Who holds the other seat, when someone does. */
  otherStaffId: number | null;
  /** The other seat is on leave that day, or empty (nobody named, or departed). */
  reason: 'other_away' | 'other_vacant';
  dates: string[];
}

export interface LeaveConflicts {
  skills: SkillConflict[];
  windows: WindowConflict[];
}

/**
 * A skill is reported when, on some day, the requester is one of its qualified, available people
 * and taking them away leaves it below the target: a drop the request itself causes. A window is
 * reported when the requester holds its A or B seat and the other seat cannot cover that day.
 */
export function leaveConflicts({ bench, requesterId, days }: LeaveConflictInput): LeaveConflicts {
  const skills = new Map<number, SkillConflict>();
  const windows = new Map<string, WindowConflict>();
  const employed = new Set(bench.people.filter((person) => person.employed).map((person) => person.id));
  for (const day of days) {
    const withRequester = new Set(day.away);
    withRequester.add(requesterId);
    const after = benchStrength({
      ...bench,
      people: bench.people.map((person) => ({ ...person, away: withRequester.has(person.id) })),
    });
    const before = benchStrength({
      ...bench,
      people: bench.people.map((person) => ({ ...person, away: day.away.has(person.id) && person.id !== requesterId })),
    });
    const beforeBySkill = new Map(before.skills.map((skill) => [skill.postId, skill]));
    for (const skill of after.skills) {
      const was = beforeBySkill.get(skill.postId);
      if (!skill.needsCover || !was?.qualifiedStaffIds.includes(requesterId) || skill.qualified >= bench.skillTarget) continue;
      const entry = skills.get(skill.postId) ?? { postId: skill.postId, qualifiedLeft: skill.qualified, target: bench.skillTarget, dates: [] };
      entry.qualifiedLeft = Math.min(entry.qualifiedLeft, skill.qualified);
      entry.dates.push(day.date);
      skills.set(skill.postId, entry);
    }
    for (const window of bench.windows) {
      const role = window.aStaffId === requesterId ? 'A' : window.bStaffId === requesterId ? 'B' : null;
      if (role === null) continue;
      const other = role === 'A' ? window.bStaffId : window.aStaffId;
      const reason = other === null || !employed.has(other) ? 'other_vacant' : day.away.has(other) ? 'other_away' : null;
      if (reason === null) continue;
      const key = `${window.id}:${role}`;
      const entry = windows.get(key) ?? { windowId: window.id, role, otherStaffId: other, reason, dates: [] };
      entry.dates.push(day.date);
      windows.set(key, entry);
    }
  }
  return {
    skills: [...skills.values()].sort((a, b) => a.postId - b.postId),
    windows: [...windows.values()].sort((a, b) => a.windowId - b.windowId),
  };
}

export function hasConflicts(conflicts: LeaveConflicts): boolean {
  return conflicts.skills.length > 0 || conflicts.windows.length > 0;
}
