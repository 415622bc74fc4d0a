import { describe, expect, it } from 'vitest';
import { planCrossTraining } from '../../../solver/training/plan.ts';
import type { PlannerInput, PlannerLevel, PlannerPerson, PlannerResult, PlannerSkill } from '../../../solver/training/types.ts';
import { SeededRandom } from '../../../data/demo/random.ts';

type Level = PlannerLevel['level'];

/** The demo centre's mulberry32, so every run sees the same halls. */
function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function input(partial: Partial<PlannerInput>): PlannerInput {
  return { skills: [], people: [], levels: [], skillTarget: 2, postTarget: 0, maxTrainingsPerPerson: 2, ...partial };
}

const person = (id: number, homeZoneId = 1): PlannerPerson => ({ id, homeZoneId });
const skill = (id: number, zoneId: number | null = null, needsCover = true): PlannerSkill => ({ id, zoneId, needsCover });
const level = (staffId: number, postId: number, value: Level): PlannerLevel => ({ staffId, postId, level: value });

function levelLookup(plan: PlannerInput): (staffId: number, postId: number) => number {
  const table = new Map(plan.levels.map((row) => [`${row.staffId}:${row.postId}`, row.level]));
  return (staffId, postId) => table.get(`${staffId}:${postId}`) ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Brute force: written from the problem statement, sharing nothing with the planner.

interface Score {
  shortfall: number;
  trainings: number;
  /** The tie-breaks: 2 per training outside the trainee's zone, 1 per training from level 0. */
  penalty: number;
}

function isBetter(a: Score, b: Score): boolean {
  if (a.shortfall !== b.shortfall) return a.shortfall < b.shortfall;
  if (a.trainings !== b.trainings) return a.trainings < b.trainings;
  return a.penalty < b.penalty;
}

function subsetsUpTo<T>(items: T[], size: number): T[][] {
  if (size === 0 || items.length === 0) return [[]];
  const [first, ...rest] = items as [T, ...T[]];
  return [...subsetsUpTo(rest, size - 1).map((subset) => [first, ...subset]), ...subsetsUpTo(rest, size)];
}

function bruteForceBest(plan: PlannerInput): Score {
  const levelOf = levelLookup(plan);
  const hasOtherMentor = (p: PlannerPerson, s: PlannerSkill) => plan.people.some((q) => q.id !== p.id && levelOf(q.id, s.id) === 3);
  const choicesPerPerson = plan.people.map((p) =>
    subsetsUpTo(plan.skills.filter((s) => levelOf(p.id, s.id) < 2 && hasOtherMentor(p, s)), Math.max(0, plan.maxTrainingsPerPerson)),
  );
  let best: Score | null = null;
  const added = new Map<number, number>();
  const visit = (index: number, score: Score) => {
    const p = plan.people[index];
    if (!p) {
      const skillShort = plan.skills
        .filter((s) => s.needsCover)
        .map((s) => plan.skillTarget - plan.people.filter((q) => levelOf(q.id, s.id) >= 2).length - (added.get(s.id) ?? 0))
        .reduce((sum, gap) => sum + Math.max(0, gap), 0);
      const total = { ...score, shortfall: score.shortfall + skillShort };
      if (best === null || isBetter(total, best)) best = total;
      return;
    }
    const mastered = plan.skills.filter((s) => levelOf(p.id, s.id) >= 2).length;
    for (const chosen of choicesPerPerson[index] ?? []) {
      for (const s of chosen) added.set(s.id, (added.get(s.id) ?? 0) + 1);
      const penalty = chosen.reduce((sum, s) => sum + (s.zoneId === null || s.zoneId === p.homeZoneId ? 0 : 2) + (levelOf(p.id, s.id) === 1 ? 0 : 1), 0);
      visit(index + 1, {
        shortfall: score.shortfall + Math.max(0, plan.postTarget - mastered - chosen.length),
        trainings: score.trainings + chosen.length,
        penalty: score.penalty + penalty,
      });
      for (const s of chosen) added.set(s.id, (added.get(s.id) ?? 0) - 1);
    }
  };
  visit(0, { shortfall: 0, trainings: 0, penalty: 0 });
  return best ?? { shortfall: 0, trainings: 0, penalty: 0 };
}

function scoreOf(plan: PlannerInput, result: PlannerResult): Score {
  const levelOf = levelLookup(plan);
  const zoneOf = new Map(plan.people.map((p) => [p.id, p.homeZoneId]));
  const skillZone = new Map(plan.skills.map((s) => [s.id, s.zoneId]));
  return {
    shortfall: [...result.skillShortfalls, ...result.personShortfalls].reduce((sum, gap) => sum + gap.shortBy, 0),
    trainings: result.lines.length,
    penalty: result.lines.reduce((sum, line) => {
      const zone = skillZone.get(line.postId);
      const crossZone = zone !== null && zone !== zoneOf.get(line.staffId);
      return sum + (crossZone ? 2 : 0) + (levelOf(line.staffId, line.postId) === 1 ? 0 : 1);
    }, 0),
  };
}

function randomCase(seed: number): PlannerInput {
  const random = seededRandom(seed);
  const zones = between(random, 1, 3);
  const people = Array.from({ length: between(random, 3, 5) }, (_, i) => person(i + 1, between(random, 1, zones)));
  const skills = Array.from({ length: between(random, 2, 4) }, (_, i) =>
    skill(10 + i, random() < 0.25 ? null : between(random, 1, zones), random() < 0.85),
  );
  const levels = people.flatMap((p) => skills.map((s) => level(p.id, s.id, between(random, 0, 3) as Level)));
  return {
    skills,
    people,
    levels: levels.filter((row) => row.level > 0 || random() < 0.5),
    skillTarget: between(random, 1, 2),
    postTarget: between(random, 1, 2),
    maxTrainingsPerPerson: between(random, 1, 2),
  };
}

/** What every plan must satisfy whatever its optimality: lines that can actually be carried out. */
function expectWellFormed(plan: PlannerInput, result: PlannerResult): void {
  const levelOf = levelLookup(plan);
  const keys = result.lines.map((line) => `${line.staffId}:${line.postId}`);
  expect(new Set(keys).size).toBe(keys.length);
  const sorted = [...result.lines].sort((a, b) => a.staffId - b.staffId || a.postId - b.postId);
  expect(result.lines).toEqual(sorted);
  for (const line of result.lines) {
    expect(levelOf(line.staffId, line.postId)).toBeLessThan(2);
    expect(line.mentorId).not.toBeNull();
    expect(line.mentorId).not.toBe(line.staffId);
    expect(levelOf(line.mentorId ?? -1, line.postId)).toBe(3);
  }
  for (const p of plan.people) {
    expect(result.lines.filter((line) => line.staffId === p.id).length).toBeLessThanOrEqual(plan.maxTrainingsPerPerson);
  }
}

describe('planCrossTraining against brute force', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

  it('reaches the least shortfall, then the fewest trainings, then the best tie-breaks on 300 random halls', () => {
    for (const seed of seeds) {
      const plan = randomCase(seed);
      const result = planCrossTraining(plan);
      expectWellFormed(plan, result);
      expect({ seed, ...scoreOf(plan, result) }).toEqual({ seed, ...bruteForceBest(plan) });
    }
  });
});

describe('planCrossTraining on hand-made halls', () => {
  it('reports a skill nobody can teach as no_mentor and plans no training in it', () => {
    const plan = input({
      skills: [skill(10), skill(11)],
      people: [person(1), person(2), person(3)],
      levels: [level(1, 10, 2), level(2, 10, 1), level(1, 11, 3), level(2, 11, 3)],
      skillTarget: 2,
    });
    const result = planCrossTraining(plan);
    expect(result.lines.filter((line) => line.postId === 10)).toEqual([]);
    expect(result.skillShortfalls).toEqual([{ postId: 10, qualifiedAfter: 1, target: 2, shortBy: 1, reason: 'no_mentor' }]);
  });

  it('does not count a mentor who is not among the available people', () => {
    const plan = input({
      skills: [skill(10)],
      people: [person(1), person(2)],
      levels: [level(1, 10, 2), level(99, 10, 3)],
      skillTarget: 2,
    });
    expect(planCrossTraining(plan)).toEqual({
      lines: [],
      skillShortfalls: [{ postId: 10, qualifiedAfter: 1, target: 2, shortBy: 1, reason: 'no_mentor' }],
      personShortfalls: [],
    });
  });

  it('reports not_enough_people with what is still missing after training everyone it can', () => {
    const plan = input({
      skills: [skill(10)],
      people: [person(1), person(2), person(3)],
      levels: [level(1, 10, 3)],
      skillTarget: 5,
    });
    const result = planCrossTraining(plan);
    expect(result.lines.map((line) => line.staffId)).toEqual([2, 3]);
    expect(result.skillShortfalls).toEqual([{ postId: 10, qualifiedAfter: 3, target: 5, shortBy: 2, reason: 'not_enough_people' }]);
  });

  it('reports not_enough_people when the only learners have used up their trainings', () => {
    const plan = input({
      skills: [skill(10), skill(11)],
      people: [person(1), person(2)],
      levels: [level(1, 10, 3), level(1, 11, 3)],
      skillTarget: 2,
      maxTrainingsPerPerson: 1,
    });
    const result = planCrossTraining(plan);
    expect(result.lines).toHaveLength(1);
    expect(result.skillShortfalls).toEqual([
      expect.objectContaining({ shortBy: 1, qualifiedAfter: 1, reason: 'not_enough_people' }),
    ]);
  });

  it('chooses a trainee from the skill\'s zone over one from another zone at the same cost', () => {
    const plan = input({
      skills: [skill(10, 1)],
      people: [person(1, 1), person(2, 2), person(3, 1)],
      levels: [level(1, 10, 3)],
      skillTarget: 2,
    });
    const result = planCrossTraining(plan);
    expect(result.lines.map((line) => [line.staffId, line.sameZone])).toEqual([[3, true]]);
  });

  it('treats a hall-wide skill as in everyone\'s zone', () => {
    const plan = input({ skills: [skill(10, null)], people: [person(1, 1), person(2, 4)], levels: [level(1, 10, 3)] });
    expect(planCrossTraining(plan).lines).toEqual([expect.objectContaining({ staffId: 2, sameZone: true })]);
  });

  it('finishes a level-1 training rather than starting one from scratch', () => {
    const plan = input({
      skills: [skill(10)],
      people: [person(1), person(2), person(3)],
      levels: [level(1, 10, 3), level(3, 10, 1)],
      skillTarget: 2,
    });
    expect(planCrossTraining(plan).lines).toEqual([expect.objectContaining({ staffId: 3, alreadyLearning: true })]);
  });

  it('never buys an extra training for a tie-break', () => {
    // Person 2 (zone 2) closes both gaps with one cross-zone training; the same-zone way takes two:
    // person 3 learns skill 10 and person 2 learns skill 11.
    const plan = input({
      skills: [skill(10, 1), skill(11, 2, false), skill(12, 1, false), skill(13, 2, false)],
      people: [person(1, 1), person(2, 2), person(3, 1)],
      levels: [
        level(1, 10, 3), level(1, 11, 3), level(1, 12, 3),
        level(2, 13, 2),
        level(3, 11, 2), level(3, 12, 2),
      ],
      skillTarget: 2,
      postTarget: 2,
    });
    const result = planCrossTraining(plan);
    expect(result.lines).toEqual([expect.objectContaining({ staffId: 2, postId: 10, sameZone: false })]);
    expect(result.skillShortfalls).toEqual([]);
    expect(result.personShortfalls).toEqual([]);
  });

  it('gives the trainee a mentor from their own zone, never themselves, before a lower id', () => {
    const plan = input({
      skills: [skill(10), skill(11)],
      people: [person(1, 1), person(2, 2), person(3, 2)],
      levels: [level(1, 10, 3), level(2, 10, 3), level(3, 11, 3), level(1, 11, 3)],
      skillTarget: 3,
    });
    const result = planCrossTraining(plan);
    expect(result.lines.map((line) => [line.staffId, line.postId, line.mentorId])).toEqual([
      [2, 11, 3],
      [3, 10, 2],
    ]);
  });

  it('spreads trainees over equally placed mentors, lowest id first', () => {
    const plan = input({
      skills: [skill(10)],
      people: [person(1), person(2), person(3), person(4), person(5)],
      levels: [level(4, 10, 3), level(2, 10, 3)],
      skillTarget: 5,
    });
    expect(planCrossTraining(plan).lines.map((line) => [line.staffId, line.mentorId])).toEqual([
      [1, 2],
      [3, 4],
      [5, 2],
    ]);
  });

  it('gives every line the reasons it was planned for, counted before the plan', () => {
    const plan = input({
      skills: [skill(10, 1), skill(11, 2, false), skill(12, 1)],
      people: [person(1, 1), person(2, 1), person(3, 2)],
      levels: [
        level(1, 10, 3), level(1, 11, 3), level(1, 12, 3),
        level(2, 12, 2), level(2, 11, 1),
        level(3, 12, 2), level(3, 10, 2),
      ],
      skillTarget: 3,
      postTarget: 2,
    });
    const result = planCrossTraining(plan);
    expect(result.lines).toEqual([
      { staffId: 2, postId: 10, mentorId: 1, sameZone: true, skillShort: { qualified: 2, target: 3 }, personShort: { mastered: 1, target: 2 }, alreadyLearning: false },
    ]);
    expect(result.skillShortfalls).toEqual([]);
    expect(result.personShortfalls).toEqual([]);
  });

  it('marks a training for the person only, in a skill that needs no cover', () => {
    const plan = input({
      skills: [skill(10, 1), skill(11, 2, false)],
      people: [person(1, 1), person(2, 2)],
      levels: [level(1, 10, 3), level(1, 11, 3), level(2, 10, 2), level(2, 11, 1)],
      skillTarget: 2,
      postTarget: 2,
    });
    expect(planCrossTraining(plan).lines).toEqual([
      { staffId: 2, postId: 11, mentorId: 1, sameZone: true, skillShort: null, personShort: { mastered: 1, target: 2 }, alreadyLearning: true },
    ]);
  });

  it('lists the people still short of posts after their trainings run out', () => {
    const plan = input({
      skills: [skill(10), skill(11), skill(12, null, false)],
      people: [person(1), person(2)],
      levels: [level(1, 10, 3), level(1, 11, 3), level(1, 12, 3)],
      skillTarget: 0,
      postTarget: 3,
      maxTrainingsPerPerson: 2,
    });
    const result = planCrossTraining(plan);
    expect(result.lines.map((line) => [line.staffId, line.postId])).toEqual([[2, 10], [2, 11]]);
    expect(result.personShortfalls).toEqual([{ staffId: 2, masteredAfter: 2, target: 3, shortBy: 1 }]);
  });

  it('plans nothing when everyone already meets the targets', () => {
    const plan = input({
      skills: [skill(10), skill(11, 2), skill(12, null, false)],
      people: [person(1), person(2, 2)],
      levels: [level(1, 10, 3), level(1, 11, 2), level(2, 10, 2), level(2, 11, 3), level(1, 12, 1)],
      skillTarget: 2,
      postTarget: 2,
    });
    expect(planCrossTraining(plan)).toEqual({ lines: [], skillShortfalls: [], personShortfalls: [] });
  });

  it('plans nothing and reports every gap when no one may take a training', () => {
    const plan = input({ skills: [skill(10)], people: [person(1), person(2)], levels: [level(1, 10, 3)], postTarget: 1, maxTrainingsPerPerson: 0 });
    expect(planCrossTraining(plan)).toEqual({
      lines: [],
      skillShortfalls: [{ postId: 10, qualifiedAfter: 1, target: 2, shortBy: 1, reason: 'not_enough_people' }],
      personShortfalls: [{ staffId: 2, masteredAfter: 0, target: 1, shortBy: 1 }],
    });
  });
});

describe('planCrossTraining is deterministic', () => {
  it('returns the same plan when run twice', () => {
    const plan = generatedHall(120, 22, 5);
    expect(planCrossTraining(plan)).toEqual(planCrossTraining(plan));
  });

  it('returns the same plan whatever order the rows arrive in', () => {
    const plan = generatedHall(40, 10, 9);
    const reversed = { ...plan, people: [...plan.people].reverse(), skills: [...plan.skills].reverse(), levels: [...plan.levels].reverse() };
    expect(planCrossTraining(reversed)).toEqual(planCrossTraining(plan));
  });
});

// ---------------------------------------------------------------------------------------------
// A hall at the size of a real centre: six zones, two mentors per skill, everyone knows one post.

function generatedHall(peopleCount: number, skillCount: number, seed: number): PlannerInput {
  const random = seededRandom(seed);
  const zones = 6;
  const skills = Array.from({ length: skillCount }, (_, i) => skill(100 + i, i % 7 === 6 ? null : 1 + (i % zones), i % 11 !== 10));
  const people = Array.from({ length: peopleCount }, (_, i) => person(i + 1, 1 + (i % zones)));
  const levels = new Map<string, PlannerLevel>();
  const put = (staffId: number, postId: number, value: Level) => levels.set(`${staffId}:${postId}`, level(staffId, postId, value));
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  for (const p of people) {
    const local = skills.filter((s) => s.zoneId === null || s.zoneId === p.homeZoneId);
    put(p.id, pick(local).id, 2);
    if (random() < 0.3) put(p.id, pick(skills).id, 2);
    if (random() < 0.2) put(p.id, pick(skills).id, 1);
  }
  for (const s of skills) {
    const local = people.filter((p) => s.zoneId === null || s.zoneId === p.homeZoneId);
    put(pick(local).id, s.id, 3);
    put(pick(local).id, s.id, 3);
  }
  return { skills, people, levels: [...levels.values()], skillTarget: 6, postTarget: 3, maxTrainingsPerPerson: 2 };
}

describe('planCrossTraining at hall scale', () => {
  it('meets every target on 120 people and 22 skills when the hall allows it', () => {
    const plan = generatedHall(120, 22, 42);
    const result = planCrossTraining(plan);
    expectWellFormed(plan, result);
    expect(result.skillShortfalls).toEqual([]);
    expect(result.personShortfalls).toEqual([]);
    expect(result.lines.length).toBeGreaterThan(0);
  });

  it('leaves a gap only where no single extra training could close it', () => {
    const hall = generatedHall(120, 22, 7);
    // Take every mentor out of two skills and tighten the caps, so some targets cannot be met.
    const plan = {
      ...hall,
      levels: hall.levels.map((row) => (row.postId <= 101 && row.level === 3 ? { ...row, level: 2 as Level } : row)),
      skillTarget: 12,
      maxTrainingsPerPerson: 1,
    };
    const result = planCrossTraining(plan);
    expectWellFormed(plan, result);
    const levelOf = levelLookup(plan);
    const planned = (p: PlannerPerson) => result.lines.filter((line) => line.staffId === p.id).length;
    const hasMentor = (postId: number) => plan.people.some((p) => levelOf(p.id, postId) === 3);
    const canStillLearn = (p: PlannerPerson, postId: number) =>
      planned(p) < plan.maxTrainingsPerPerson && levelOf(p.id, postId) < 2 && hasMentor(postId)
      && !result.lines.some((line) => line.staffId === p.id && line.postId === postId);
    expect(result.skillShortfalls.map((gap) => gap.postId)).toEqual(expect.arrayContaining([100, 101]));
    for (const gap of result.skillShortfalls) {
      expect(gap.reason).toBe(hasMentor(gap.postId) ? 'not_enough_people' : 'no_mentor');
      expect(plan.people.filter((p) => canStillLearn(p, gap.postId))).toEqual([]);
    }
    for (const gap of result.personShortfalls) {
      const p = plan.people.find((candidate) => candidate.id === gap.staffId) as PlannerPerson;
      expect(plan.skills.filter((s) => canStillLearn(p, s.id))).toEqual([]);
    }
  });
});
