import { solveIntegerProgram } from '../lp/js-lp-solver.ts';
import type { IntegerProgram, ProgramConstraint, ProgramVariable } from '../lp/types.ts';
import type {
  PersonShortfallResult,
  PlannedTraining,
  PlannerInput,
  PlannerLevel,
  PlannerPerson,
  PlannerResult,
  PlannerSkill,
  SkillShortfall,
} from './types.ts';

type Level = PlannerLevel['level'];

const LEARNING = 1;
const QUALIFIED = 2;
const MENTOR = 3;

/** Who can do what before the plan, counted once; people and skills in id order. */
interface StartingPoint {
  people: PlannerPerson[];
  skills: PlannerSkill[];
  skillTarget: number;
  postTarget: number;
  levels: Map<number, Map<number, Level>>;
  qualified: Map<number, number>;
  mastered: Map<number, number>;
  mentors: Map<number, PlannerPerson[]>;
  /** How many more qualified people each skill needs; 0 when it needs no cover or has enough. */
  skillNeed: Map<number, number>;
  /** How many more posts each person needs to master. */
  personNeed: Map<number, number>;
}

interface Candidate {
  person: PlannerPerson;
  skill: PlannerSkill;
  level: Level;
  sameZone: boolean;
}

/**
 * Which people should learn which skills so that every covered skill reaches `skillTarget`
 * qualified people and every person masters `postTarget` posts, with the fewest trainings.
 * Targets that cannot be met come back as shortfalls with a reason, never as an exception.
 */
export function planCrossTraining(input: PlannerInput): PlannerResult {
  const start = readStartingPoint(input);
  const chosen = chooseTrainings(start, listCandidates(input, start), input.maxTrainingsPerPerson);
  const lines = assignMentors(chosen, start);
  return {
    lines,
    skillShortfalls: skillShortfallsAfter(lines, start),
    personShortfalls: personShortfallsAfter(lines, start),
  };
}

// ---------------------------------------------------------------------------------------------
// The starting point

function readStartingPoint(input: PlannerInput): StartingPoint {
  // Sorting first makes the model, and so the plan, independent of the order the rows arrived in.
  const people = [...input.people].sort((a, b) => a.id - b.id);
  const skills = [...input.skills].sort((a, b) => a.id - b.id);
  const levels = levelTable(input.levels, people, skills);
  const levelOf = (person: PlannerPerson, skill: PlannerSkill) => levels.get(person.id)?.get(skill.id) ?? 0;
  const qualified = new Map(skills.map((skill) => [skill.id, people.filter((p) => levelOf(p, skill) >= QUALIFIED).length]));
  const mastered = new Map(people.map((person) => [person.id, skills.filter((s) => levelOf(person, s) >= QUALIFIED).length]));
  const mentors = new Map(skills.map((skill) => [skill.id, people.filter((p) => levelOf(p, skill) === MENTOR)]));
  const skillNeed = new Map(skills.map((skill) => [skill.id, skill.needsCover ? gap(input.skillTarget, qualified.get(skill.id)) : 0]));
  const personNeed = new Map(people.map((person) => [person.id, gap(input.postTarget, mastered.get(person.id))]));
  const { skillTarget, postTarget } = input;
  return { people, skills, skillTarget, postTarget, levels, qualified, mastered, mentors, skillNeed, personNeed };
}

/** Levels of people and skills outside the input (departed staff, retired posts) count for nothing. */
function levelTable(rows: PlannerLevel[], people: PlannerPerson[], skills: PlannerSkill[]): Map<number, Map<number, Level>> {
  const skillIds = new Set(skills.map((skill) => skill.id));
  const table = new Map(people.map((person) => [person.id, new Map<number, Level>()]));
  for (const row of rows) {
    const ofPerson = table.get(row.staffId);
    if (!ofPerson || !skillIds.has(row.postId)) continue;
    // A duplicated row keeps the higher level, so the answer does not depend on row order.
    ofPerson.set(row.postId, Math.max(ofPerson.get(row.postId) ?? 0, row.level) as Level);
  }
  return table;
}

function gap(target: number, have: number | undefined): number {
  return Math.max(0, target - (have ?? 0));
}

const levelIn = (start: StartingPoint, personId: number, skillId: number): Level =>
  start.levels.get(personId)?.get(skillId) ?? 0;

// ---------------------------------------------------------------------------------------------
// Candidates: the trainings worth offering to the model

function listCandidates(input: PlannerInput, start: StartingPoint): Candidate[] {
  if (input.maxTrainingsPerPerson <= 0) return [];
  return start.people.flatMap((person) => {
    const open = start.skills
      .filter((skill) => isTrainable(start, person, skill) && isUseful(start, person, skill))
      .map((skill) => candidate(start, person, skill));
    return dropInterchangeableExtras(person, open, start, input.maxTrainingsPerPerson);
  });
}

/** Someone not yet qualified, in a skill that has a mentor (a level-3 person, so never the trainee). */
function isTrainable(start: StartingPoint, person: PlannerPerson, skill: PlannerSkill): boolean {
  return levelIn(start, person.id, skill.id) < QUALIFIED && (start.mentors.get(skill.id)?.length ?? 0) > 0;
}

function isUseful(start: StartingPoint, person: PlannerPerson, skill: PlannerSkill): boolean {
  return (start.skillNeed.get(skill.id) ?? 0) > 0 || (start.personNeed.get(person.id) ?? 0) > 0;
}

function candidate(start: StartingPoint, person: PlannerPerson, skill: PlannerSkill): Candidate {
  return {
    person,
    skill,
    level: levelIn(start, person.id, skill.id),
    // Hall-wide skills are worked from every zone.
    sameZone: skill.zoneId === null || skill.zoneId === person.homeZoneId,
  };
}

/**
 * Skills with no cover gap help only the trainee, so for one person they are interchangeable but for
 * the tie-breaks: only the best few (as many as the person could use) can be in an optimal plan.
 * Dropping the rest keeps the optimum and keeps the model small on large halls.
 */
function dropInterchangeableExtras(person: PlannerPerson, open: Candidate[], start: StartingPoint, cap: number): Candidate[] {
  const isInterchangeable = (c: Candidate) => (start.skillNeed.get(c.skill.id) ?? 0) === 0;
  const usable = Math.min(cap, start.personNeed.get(person.id) ?? 0);
  const kept = new Set(
    open
      .filter(isInterchangeable)
      .sort((a, b) => tieBreakUnits(a) - tieBreakUnits(b) || a.skill.id - b.skill.id)
      .slice(0, usable),
  );
  return open.filter((c) => !isInterchangeable(c) || kept.has(c));
}

/**
 * What separates two plans with the same number of trainings: a training outside the trainee's zone
 * costs 2 units, starting from scratch rather than finishing a level-1 training costs 1. Zone weighs
 * more because it decides where the person can then be rostered.
 */
function tieBreakUnits(c: Candidate): number {
  return (c.sameZone ? 0 : 2) + (c.level === LEARNING ? 0 : 1);
}

const MAX_TIE_BREAK_UNITS = 3;

// ---------------------------------------------------------------------------------------------
// The integer program

const trainingVar = (c: Candidate) => `train:${c.person.id}:${c.skill.id}`;
const skillShortVar = (skillId: number) => `skillShort:${skillId}`;
const personShortVar = (personId: number) => `personShort:${personId}`;

function chooseTrainings(start: StartingPoint, candidates: Candidate[], cap: number): Candidate[] {
  if (candidates.length === 0) return [];
  const solution = solveIntegerProgram(buildProgram(start, candidates, cap));
  // The shortfall slacks make every instance feasible, so anything else is a bug, not a gap.
  if (solution.status !== 'optimal') throw new Error(`cross-training model was ${solution.status}`);
  return candidates.filter((c) => solution.values[trainingVar(c)] === 1);
}

/**
 * Minimise trainings, with every unit of shortfall dearer than all trainings together (so the plan
 * never leaves a gap it could close) and every tie-break together cheaper than one training (so a
 * preference never buys an extra training). Each training variable sits in one skill row and in its
 * person's rows: an incidence matrix, totally unimodular, so the LP relaxation is already integral.
 */
function buildProgram(start: StartingPoint, candidates: Candidate[], cap: number): IntegerProgram {
  const epsilon = 1 / (MAX_TIE_BREAK_UNITS * (candidates.length + 1));
  const shortfallCost = candidates.length + 2;
  const trainings: ProgramVariable[] = candidates.map((c) => ({
    name: trainingVar(c),
    cost: 1 + epsilon * tieBreakUnits(c),
    kind: 'binary',
  }));
  const rows = [...skillCoverRows(start, candidates), ...personRows(start, candidates, cap)];
  const slacks: ProgramVariable[] = rows
    .flatMap((row) => row.slack ?? [])
    .map((name) => ({ name, cost: shortfallCost, kind: 'integer' }));
  return { sense: 'min', variables: [...trainings, ...slacks], constraints: rows.map((row) => row.constraint) };
}

interface Row {
  constraint: ProgramConstraint;
  slack?: string;
}

function skillCoverRows(start: StartingPoint, candidates: Candidate[]): Row[] {
  return start.skills.flatMap((skill) => {
    const need = start.skillNeed.get(skill.id) ?? 0;
    const trainees = candidates.filter((c) => c.skill.id === skill.id);
    if (need === 0 || trainees.length === 0) return [];
    return [atLeastRow(`cover:${skill.id}`, trainees, need, skillShortVar(skill.id))];
  });
}

function personRows(start: StartingPoint, candidates: Candidate[], cap: number): Row[] {
  return start.people.flatMap((person) => {
    const need = start.personNeed.get(person.id) ?? 0;
    const options = candidates.filter((c) => c.person.id === person.id);
    const rows: Row[] = [];
    if (need > 0 && options.length > 0) rows.push(atLeastRow(`posts:${person.id}`, options, need, personShortVar(person.id)));
    // With no more options than the cap, the cap cannot bind; leaving it out keeps the tableau small.
    if (options.length > cap) rows.push({ constraint: { name: `cap:${person.id}`, terms: ones(options), max: cap } });
    return rows;
  });
}

function atLeastRow(name: string, trainings: Candidate[], need: number, slack: string): Row {
  return { constraint: { name, terms: [...ones(trainings), { variable: slack, coefficient: 1 }], min: need }, slack };
}

function ones(trainings: Candidate[]) {
  return trainings.map((c) => ({ variable: trainingVar(c), coefficient: 1 }));
}

// ---------------------------------------------------------------------------------------------
// Mentors and reasons

function assignMentors(chosen: Candidate[], start: StartingPoint): PlannedTraining[] {
  const load = new Map<number, number>();
  return chosen.map((c) => {
    const mentor = pickMentor(start.mentors.get(c.skill.id) ?? [], c.person, load);
    if (mentor) load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    return planLine(c, mentor?.id ?? null, start);
  });
}

/** Same zone as the trainee (they share shifts), then the least busy in this plan, then lowest id. */
function pickMentor(mentors: PlannerPerson[], trainee: PlannerPerson, load: Map<number, number>): PlannerPerson | undefined {
  const rank = (m: PlannerPerson) => [m.homeZoneId === trainee.homeZoneId ? 0 : 1, load.get(m.id) ?? 0, m.id];
  return mentors
    .filter((m) => m.id !== trainee.id)
    .sort((a, b) => compareTuples(rank(a), rank(b)))[0];
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function planLine(c: Candidate, mentorId: number | null, start: StartingPoint): PlannedTraining {
  const qualified = start.qualified.get(c.skill.id) ?? 0;
  const mastered = start.mastered.get(c.person.id) ?? 0;
  const skillNeed = start.skillNeed.get(c.skill.id) ?? 0;
  const personNeed = start.personNeed.get(c.person.id) ?? 0;
  return {
    staffId: c.person.id,
    postId: c.skill.id,
    mentorId,
    sameZone: c.sameZone,
    skillShort: skillNeed > 0 ? { qualified, target: start.skillTarget } : null,
    personShort: personNeed > 0 ? { mastered, target: start.postTarget } : null,
    alreadyLearning: c.level === LEARNING,
  };
}

function countBy(lines: PlannedTraining[], key: (line: PlannedTraining) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(key(line), (counts.get(key(line)) ?? 0) + 1);
  return counts;
}

function skillShortfallsAfter(lines: PlannedTraining[], start: StartingPoint): SkillShortfall[] {
  const target = start.skillTarget;
  const planned = countBy(lines, (line) => line.postId);
  return start.skills.flatMap((skill) => {
    const qualifiedAfter = (start.qualified.get(skill.id) ?? 0) + (planned.get(skill.id) ?? 0);
    if (!skill.needsCover || qualifiedAfter >= target) return [];
    const hasMentor = (start.mentors.get(skill.id)?.length ?? 0) > 0;
    return [{
      postId: skill.id,
      qualifiedAfter,
      target,
      shortBy: target - qualifiedAfter,
      reason: hasMentor ? 'not_enough_people' : 'no_mentor',
    }];
  });
}

function personShortfallsAfter(lines: PlannedTraining[], start: StartingPoint): PersonShortfallResult[] {
  const target = start.postTarget;
  const planned = countBy(lines, (line) => line.staffId);
  return start.people.flatMap((person) => {
    const masteredAfter = (start.mastered.get(person.id) ?? 0) + (planned.get(person.id) ?? 0);
    return masteredAfter >= target ? [] : [{ staffId: person.id, masteredAfter, target, shortBy: target - masteredAfter }];
  });
}
