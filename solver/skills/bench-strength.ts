/**
 * Bench strength: for every skill and window, how many people could step in today, and where one
 * absence would leave nobody (单点故障). Pure: the backend passes in plain records.
 */

export const QUALIFIED = 2;

export interface BenchSkill {
  id: number;
  /** Some window requires it, so it must have `skillTarget` people. */
  needsCover: boolean;
}

export interface BenchWindow {
  id: number;
  postId: number;
  aStaffId: number | null;
  bStaffId: number | null;
}

export interface BenchPerson {
  id: number;
  /** Not departed. */
  employed: boolean;
  /** On approved long leave: employed, but cannot cover. */
  away: boolean;
}

export interface BenchLevel {
  staffId: number;
  postId: number;
  level: number;
}

export interface BenchInput {
  skills: BenchSkill[];
  windows: BenchWindow[];
  people: BenchPerson[];
  levels: BenchLevel[];
  skillTarget: number;
  postTarget: number;
}

export type AbWarning = 'a_missing' | 'b_missing' | 'a_departed' | 'b_departed' | 'a_unqualified' | 'b_unqualified' | 'a_away' | 'b_away';

export interface SkillStrength {
  postId: number;
  qualified: number;
  qualifiedStaffIds: number[];
  needsCover: boolean;
  singlePointOfFailure: boolean;
  shortBy: number;
}

export interface WindowStrength {
  windowId: number;
  postId: number;
  qualified: number;
  singlePointOfFailure: boolean;
  warnings: AbWarning[];
}

export interface PersonStrength {
  staffId: number;
  mastered: number;
  belowTarget: boolean;
}

export interface BenchResult {
  skillTarget: number;
  postTarget: number;
  skills: SkillStrength[];
  windows: WindowStrength[];
  people: PersonStrength[];
  summary: { skillGaps: number; windowGaps: number; peopleBelowTarget: number; abProblems: number };
}

export function benchStrength(input: BenchInput): BenchResult {
  const people = new Map(input.people.map((person) => [person.id, person]));
  const level = levelLookup(input.levels);
  const canCover = (staffId: number) => {
    const person = people.get(staffId);
    return person !== undefined && person.employed && !person.away;
  };
  const skills = input.skills.map((skill) => skillStrength(skill, input, level, canCover));
  const bySkill = new Map(skills.map((skill) => [skill.postId, skill]));
  const windows = input.windows.map((window) => windowStrength(window, input.skillTarget, bySkill, people, level));
  const staff = input.people.filter((person) => person.employed).map((person) => personStrength(person.id, input, level));
  return {
    skillTarget: input.skillTarget,
    postTarget: input.postTarget,
    skills,
    windows,
    people: staff,
    summary: {
      skillGaps: skills.filter((skill) => skill.singlePointOfFailure).length,
      windowGaps: windows.filter((window) => window.singlePointOfFailure).length,
      peopleBelowTarget: staff.filter((person) => person.belowTarget).length,
      abProblems: windows.filter((window) => window.warnings.length > 0).length,
    },
  };
}

type LevelOf = (staffId: number, postId: number) => number;

function levelLookup(levels: BenchLevel[]): LevelOf {
  const table = new Map(levels.map((entry) => [`${entry.staffId}:${entry.postId}`, entry.level]));
  return (staffId, postId) => table.get(`${staffId}:${postId}`) ?? 0;
}

function skillStrength(skill: BenchSkill, input: BenchInput, level: LevelOf, canCover: (id: number) => boolean): SkillStrength {
  const qualifiedStaffIds = input.people
    .filter((person) => canCover(person.id) && level(person.id, skill.id) >= QUALIFIED)
    .map((person) => person.id);
  const shortBy = skill.needsCover ? Math.max(0, input.skillTarget - qualifiedStaffIds.length) : 0;
  return {
    postId: skill.id,
    qualified: qualifiedStaffIds.length,
    qualifiedStaffIds,
    needsCover: skill.needsCover,
    singlePointOfFailure: shortBy > 0,
    shortBy,
  };
}

function windowStrength(
  window: BenchWindow,
  skillTarget: number,
  bySkill: Map<number, SkillStrength>,
  people: Map<number, BenchPerson>,
  level: LevelOf,
): WindowStrength {
  const qualified = bySkill.get(window.postId)?.qualified ?? 0;
  return {
    windowId: window.id,
    postId: window.postId,
    qualified,
    singlePointOfFailure: qualified < skillTarget,
    warnings: [
      ...seatWarnings('a', window.aStaffId, window.postId, people, level),
      ...seatWarnings('b', window.bStaffId, window.postId, people, level),
    ],
  };
}

/** What is wrong with the person named for one seat (A or B) of a window, if anything. */
function seatWarnings(
  seat: 'a' | 'b',
  staffId: number | null,
  postId: number,
  people: Map<number, BenchPerson>,
  level: LevelOf,
): AbWarning[] {
  if (staffId === null) return [`${seat}_missing`];
  const person = people.get(staffId);
  if (!person || !person.employed) return [`${seat}_departed`];
  const warnings: AbWarning[] = [];
  if (level(staffId, postId) < QUALIFIED) warnings.push(`${seat}_unqualified`);
  if (person.away) warnings.push(`${seat}_away`);
  return warnings;
}

function personStrength(staffId: number, input: BenchInput, level: LevelOf): PersonStrength {
  const mastered = input.skills.filter((skill) => level(staffId, skill.id) >= QUALIFIED).length;
  return { staffId, mastered, belowTarget: mastered < input.postTarget };
}
