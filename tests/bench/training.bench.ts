/**
 * Figures for the README: how long the cross-training planner takes on a hall of a real centre's
 * size and on a large one. A script that prints numbers, never a timed assertion (machines differ).
 */
import { performance } from 'node:perf_hooks';
import { planCrossTraining } from '../../solver/training/plan.ts';
import type { PlannerInput, PlannerLevel, PlannerResult } from '../../solver/training/types.ts';
import { SeededRandom } from '../../data/demo/random.ts';

/** The demo centre's mulberry32, so every run sees the same halls. */
function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

interface HallShape {
  people: number;
  skills: number;
  skillTarget: number;
  postTarget: number;
  maxTrainingsPerPerson: number;
}

/** Six zones; everyone masters a post of their zone, some a second; two mentors per skill. */
function hall(shape: HallShape, seed: number): PlannerInput {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const skills = Array.from({ length: shape.skills }, (_, i) => ({ id: 100 + i, zoneId: i % 7 === 6 ? null : 1 + (i % 6), needsCover: i % 11 !== 10 }));
  const people = Array.from({ length: shape.people }, (_, i) => ({ id: i + 1, homeZoneId: 1 + (i % 6) }));
  const levels = new Map<string, PlannerLevel>();
  const put = (staffId: number, postId: number, level: PlannerLevel['level']) => levels.set(`${staffId}:${postId}`, { staffId, postId, level });
  for (const person of people) {
    put(person.id, pick(skills.filter((s) => s.zoneId === null || s.zoneId === person.homeZoneId)).id, 2);
    if (random() < 0.3) put(person.id, pick(skills).id, 2);
    if (random() < 0.2) put(person.id, pick(skills).id, 1);
  }
  for (const skill of skills) {
    const local = people.filter((p) => skill.zoneId === null || skill.zoneId === p.homeZoneId);
    put(pick(local).id, skill.id, 3);
    put(pick(local).id, skill.id, 3);
  }
  return { ...shape, skills, people, levels: [...levels.values()] };
}

/** The gaps before the plan, to read the timing against. */
function gapsBefore(input: PlannerInput): string {
  const qualified = (postId: number) => input.levels.filter((l) => l.postId === postId && l.level >= 2).length;
  const mastered = (staffId: number) => input.levels.filter((l) => l.staffId === staffId && l.level >= 2).length;
  const skills = input.skills.filter((s) => s.needsCover && qualified(s.id) < input.skillTarget).length;
  const people = input.people.filter((p) => mastered(p.id) < input.postTarget).length;
  return `${skills} skills / ${people} people short before`;
}

function medianRun(input: PlannerInput, times: number): [PlannerResult, number] {
  const samples: number[] = [];
  let result = planCrossTraining(input); // warm-up: JIT and module load stay out of the figures
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    result = planCrossTraining(input);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return [result, samples[Math.floor(samples.length / 2)] ?? 0];
}

const cases: [string, HallShape, number][] = [
  ['120 people x 22 skills, targets 6 per skill / 3 posts', { people: 120, skills: 22, skillTarget: 6, postTarget: 3, maxTrainingsPerPerson: 2 }, 9],
  ['300 people x 40 skills, targets 6 per skill / 3 posts', { people: 300, skills: 40, skillTarget: 6, postTarget: 3, maxTrainingsPerPerson: 2 }, 5],
  ['300 people x 40 skills, targets 15 per skill / 3 posts', { people: 300, skills: 40, skillTarget: 15, postTarget: 3, maxTrainingsPerPerson: 2 }, 1],
];

for (const [label, shape, times] of cases) {
  const input = hall(shape, 2026);
  const [result, ms] = medianRun(input, times);
  const after = `${result.skillShortfalls.length} skills / ${result.personShortfalls.length} people after`;
  console.log(`${label.padEnd(56)} ${`${ms.toFixed(1)} ms`.padStart(10)}   ${gapsBefore(input)}, ${result.lines.length} trainings, ${after}`);
}
