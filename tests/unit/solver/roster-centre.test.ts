import { describe, expect, it } from 'vitest';
import { generateCentre } from '../../support/roster-centre.ts';
import { validateScenario } from '../../../solver/roster/scenario.ts';
import type { Scenario } from '../../../solver/roster/types.ts';

/** Every id a scenario refers to exists, every date is in the horizon, no duplicate ids. */
function referenceProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const first = Date.parse(`${scenario.start}T00:00:00Z`);
  const dates = new Set(Array.from({ length: scenario.days }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10)));
  const shifts = new Set(scenario.shifts.map((s) => s.id));
  const posts = new Set(scenario.posts.map((p) => p.id));
  const staff = new Set(scenario.staff.map((s) => s.id));
  if (shifts.size !== scenario.shifts.length) problems.push('duplicate shift id');
  if (posts.size !== scenario.posts.length) problems.push('duplicate post id');
  if (staff.size !== scenario.staff.length) problems.push('duplicate staff id');
  scenario.staff.forEach((person, i) => {
    for (const [post, level] of Object.entries(person.skills)) {
      if (!posts.has(post)) problems.push(`staff[${i}].skills.${post}`);
      if (![0, 1, 2, 3].includes(level)) problems.push(`staff[${i}].skills.${post} level ${level}`);
    }
    for (const post of person.homePosts ?? []) if ((person.skills[post] ?? 0) < 2) problems.push(`staff[${i}].homePosts ${post}`);
    (person.unavailable ?? []).forEach((u, j) => {
      if (!dates.has(u.date)) problems.push(`staff[${i}].unavailable[${j}].date`);
      if (u.shift !== undefined && !shifts.has(u.shift)) problems.push(`staff[${i}].unavailable[${j}].shift`);
    });
  });
  scenario.demand.forEach((line, i) => {
    if (!dates.has(line.date)) problems.push(`demand[${i}].date`);
    if (!shifts.has(line.shift)) problems.push(`demand[${i}].shift`);
    if (!posts.has(line.post)) problems.push(`demand[${i}].post`);
    if (!Number.isInteger(line.required) || line.required < 0) problems.push(`demand[${i}].required`);
  });
  (scenario.requests ?? []).forEach((r, i) => {
    if (!staff.has(r.staff)) problems.push(`requests[${i}].staff`);
    if (!dates.has(r.date)) problems.push(`requests[${i}].date`);
    if (r.shift !== undefined && !shifts.has(r.shift)) problems.push(`requests[${i}].shift`);
  });
  return problems;
}

const weekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('generateCentre', () => {
  it('is the same scenario for the same seed, and another for another seed', () => {
    const options = { staff: 100, days: 7, shiftsPerDay: 2 as const, seed: 7 };
    expect(generateCentre(options)).toEqual(generateCentre(options));
    expect(generateCentre({ ...options, seed: 8 })).not.toEqual(generateCentre(options));
  });

  it.each([
    [20, 7, 2],
    [100, 7, 3],
    [300, 7, 2],
    [100, 28, 2],
  ] as const)('%i staff, %i days, %i shifts: sizes as asked and every reference valid', (staff, days, shiftsPerDay) => {
    const scenario = generateCentre({ staff, days, shiftsPerDay, seed: 2026 });
    expect(scenario.staff).toHaveLength(staff);
    expect(scenario.days).toBe(days);
    expect(scenario.shifts).toHaveLength(shiftsPerDay);
    expect(scenario.posts.length).toBe(Math.max(2, Math.round(staff / 7)));
    expect(referenceProblems(scenario)).toEqual([]);
    const validated = validateScenario(JSON.parse(JSON.stringify(scenario)));
    expect(validated.ok ? [] : validated.problems).toEqual([]);
    expect(weekday(scenario.start)).toBe(1);
    // Every post has people qualified there and a mentor.
    for (const post of scenario.posts) {
      expect(scenario.staff.some((p) => (p.skills[post.id] ?? 0) >= 2)).toBe(true);
      expect(scenario.staff.some((p) => p.skills[post.id] === 3)).toBe(true);
    }
  });

  it('opens Monday to Saturday morning, closes Sunday, and asks for most but not all of the capacity', () => {
    const scenario = generateCentre({ staff: 100, days: 14, shiftsPerDay: 2, seed: 11 });
    const byWeekday = new Map<number, number>();
    for (const line of scenario.demand) byWeekday.set(weekday(line.date), (byWeekday.get(weekday(line.date)) ?? 0) + line.required);
    expect(byWeekday.get(7) ?? 0).toBe(0);
    expect(scenario.demand.filter((line) => weekday(line.date) === 6).every((line) => line.shift === 'AM')).toBe(true);
    expect(byWeekday.get(6) ?? 0).toBeLessThan((byWeekday.get(2) ?? 0) / 1.5);
    expect(byWeekday.get(1) ?? 0).toBeGreaterThan(byWeekday.get(5) ?? 0);
    const asked = scenario.demand.reduce((sum, line) => sum + line.required, 0);
    const canGive = scenario.staff.reduce((sum, person) => sum + (person.maxShiftsPerWeek ?? 0) * 2, 0);
    expect(asked / canGive).toBeGreaterThan(0.7);
    expect(asked / canGive).toBeLessThan(0.95);
  });

  it('has the people of a real hall: mentors, learners, A/B posts, leave, fixed days off, requests, history', () => {
    const scenario = generateCentre({ staff: 200, days: 7, shiftsPerDay: 3, seed: 3 });
    const levels = scenario.staff.flatMap((p) => Object.values(p.skills));
    expect(levels.filter((l) => l === 3).length).toBeGreaterThan(scenario.posts.length * 0.8);
    expect(levels.filter((l) => l === 1).length).toBeGreaterThan(10);
    expect(scenario.staff.filter((p) => p.homePosts).length / 200).toBeGreaterThan(0.75);
    const onLeave = scenario.staff.filter((p) => p.unavailable?.some((u) => u.reason === '年假' || u.reason === '病假')).length;
    expect(onLeave).toBeGreaterThan(2);
    expect(onLeave).toBeLessThan(25);
    expect(scenario.staff.some((p) => p.fixedWeekdaysOff?.length)).toBe(true);
    const requesters = new Set((scenario.requests ?? []).map((r) => r.staff)).size;
    expect(requesters).toBeGreaterThan(8);
    expect(requesters).toBeLessThan(40);
    expect(scenario.shifts.find((s) => s.id === 'EV')).toMatchObject({ start: '17:30', end: '20:00', late: true });
    expect(scenario.demand.some((line) => line.shift === 'EV')).toBe(true);
    for (const person of scenario.staff) {
      expect(person.maxHoursPerWeek).toBeLessThanOrEqual(44);
      expect(person.hourlyWage).toBeGreaterThanOrEqual(22);
      expect(person.hourlyWage).toBeLessThanOrEqual(30);
      expect(person.history?.hours).toBeGreaterThan(0);
      const qualified = Object.values(person.skills).filter((l) => l >= 2).length;
      expect(qualified).toBeGreaterThanOrEqual(1);
      expect(qualified).toBeLessThanOrEqual(3);
    }
  });
});
