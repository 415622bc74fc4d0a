import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath, rosterJsonSchema, scenarioJsonSchema, validateRoster, validateScenario } from '../../../solver/roster/scenario.ts';
import type { Scenario, ScenarioProblem } from '../../../solver/roster/types.ts';

/** A small valid scenario: a Monday-to-Sunday week, two shifts, two posts, three people. */
function scenario(): Scenario {
  return {
    start: '2026-03-02',
    days: 7,
    shifts: [
      { id: 'AM', name: '上午', start: '08:30', end: '12:00' },
      { id: 'PM', name: '下午', start: '13:30', end: '17:30' },
    ],
    posts: [
      { id: 'TAX', name: '税务收件' },
      { id: 'GEN', name: '综合受理' },
    ],
    staff: [
      { id: 's1', name: '张三', skills: { TAX: 3, GEN: 2 }, homePosts: ['TAX'] },
      { id: 's2', name: '李四', skills: { TAX: 2 }, unavailable: [{ date: '2026-03-03', reason: '年假' }] },
      { id: 's3', name: '王五', skills: { GEN: 2, TAX: 1 }, fixedWeekdaysOff: [3] },
    ],
    demand: [
      { date: '2026-03-02', shift: 'AM', post: 'TAX', required: 1 },
      { date: '2026-03-02', shift: 'AM', post: 'GEN', required: 1 },
    ],
    pinned: [{ staff: 's1', date: '2026-03-02', shift: 'AM', post: 'TAX' }],
    requests: [{ staff: 's2', date: '2026-03-04', kind: 'off' }],
    calendar: [{ date: '2026-03-06', kind: 'holiday' }],
    rules: { forbiddenSequences: [{ first: 'PM', then: 'AM' }] },
    weights: { unmet: 500 },
  };
}

// The tests write deliberately wrong values into a copy of the file, so the copy is untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawFile = Record<string, any>;

/** The scenario with one change made to a plain-JSON copy of it. */
function edited(change: (raw: RawFile) => void): unknown {
  const raw = JSON.parse(JSON.stringify(scenario())) as RawFile;
  change(raw);
  return raw;
}

function problemsOf(input: unknown): ScenarioProblem[] {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected problems, the scenario was accepted');
  return result.problems;
}

function pathsOf(input: unknown): string[] {
  return problemsOf(input).map((problem) => problem.path);
}

describe('validateScenario: a good file', () => {
  it('accepts a complete scenario and returns it unchanged', () => {
    const result = validateScenario(scenario());
    expect(result).toEqual({ ok: true, scenario: scenario() });
  });

  it('accepts a $schema link for editors and leaves it out of the scenario', () => {
    const result = validateScenario(edited((raw) => (raw.$schema = './roster-scenario.schema.json')));
    expect(result.ok && '$schema' in result.scenario).toBe(false);
  });

  it('accepts a calendar that covers more than the horizon', () => {
    expect(validateScenario(edited((raw) => raw.calendar.push({ date: '2026-10-01', kind: 'holiday' }))).ok).toBe(true);
  });
});

describe('validateScenario: the shape, each problem at its path', () => {
  it('says so when the file is not an object at all', () => {
    expect(problemsOf([1, 2])).toEqual([{ path: '(root)', message: expect.any(String) }]);
  });

  it('names every missing required field', () => {
    expect(pathsOf({ start: '2026-03-02' }).sort()).toEqual(['days', 'demand', 'posts', 'shifts', 'staff']);
  });

  it('names an unknown field where it is, as a typo', () => {
    expect(problemsOf(edited((raw) => (raw.staff[1].maxShiftPerWeek = 5)))).toEqual([{ path: 'staff[1].maxShiftPerWeek', message: 'unknown field "maxShiftPerWeek"' }]);
  });

  it('rejects a date that does not exist, naming it', () => {
    expect(problemsOf(edited((raw) => (raw.demand[1].date = '2026-02-30')))).toEqual([{ path: 'demand[1].date', message: '"2026-02-30" is not a real date in the form YYYY-MM-DD' }]);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(pathsOf(edited((raw) => (raw.start = '2027-02-29')))).toContain('start');
    expect(validateScenario(edited((raw) => ((raw.start = '2028-02-29'), (raw.demand = []), (raw.pinned = []), (raw.requests = []), (raw.staff[1].unavailable = []))))).toMatchObject({ ok: true });
  });

  it('keeps days between 1 and 366', () => {
    expect(pathsOf(edited((raw) => (raw.days = 0)))).toEqual(['days']);
    expect(pathsOf(edited((raw) => (raw.days = 367)))).toEqual(['days']);
    expect(pathsOf(edited((raw) => (raw.days = 7.5)))).toEqual(['days']);
  });

  it('wants times as HH:MM within a day', () => {
    const paths = pathsOf(edited((raw) => ((raw.shifts[0].start = '8:30'), (raw.shifts[1].end = '24:00'))));
    expect(paths).toEqual(['shifts[0].start', 'shifts[1].end']);
  });

  it('keeps skill levels to 0, 1, 2 and 3', () => {
    expect(problemsOf(edited((raw) => (raw.staff[0].skills.TAX = 4)))).toEqual([{ path: 'staff[0].skills.TAX', message: 'level must be 0 (none), 1 (learner), 2 (qualified) or 3 (mentor)' }]);
  });

  it('refuses negative and fractional demand', () => {
    expect(problemsOf(edited((raw) => (raw.demand[1].required = -1)))).toEqual([{ path: 'demand[1].required', message: 'demand cannot be negative' }]);
    expect(pathsOf(edited((raw) => (raw.demand[0].required = 1.5)))).toEqual(['demand[0].required']);
  });

  it('keeps weekdays to 1 … 7, and limits and weights non-negative', () => {
    const paths = pathsOf(
      edited((raw) => {
        raw.staff[2].fixedWeekdaysOff = [0, 8];
        raw.staff[0].maxShiftsPerWeek = -1;
        raw.weights.cost = -2;
        raw.rules.minRestMinutes = -60;
      }),
    );
    expect(paths.sort()).toEqual(['rules.minRestMinutes', 'staff[0].maxShiftsPerWeek', 'staff[2].fixedWeekdaysOff[0]', 'staff[2].fixedWeekdaysOff[1]', 'weights.cost'].sort());
  });

  it('knows only on and off requests and the three day kinds', () => {
    const paths = pathsOf(edited((raw) => ((raw.requests[0].kind = 'maybe'), (raw.calendar[0].kind = 'festival'))));
    expect(paths).toEqual(['requests[0].kind', 'calendar[0].kind']);
  });
});

describe('validateScenario: references and meaning', () => {
  it('names duplicate ids of shifts, posts and staff', () => {
    const problems = problemsOf(
      edited((raw) => {
        raw.shifts.push({ id: 'AM', start: '18:00', end: '20:00' });
        raw.posts.push({ id: 'GEN', name: 'again' });
        raw.staff.push({ id: 's1', name: '又一个张三', skills: {} });
      }),
    );
    expect(problems).toEqual([
      { path: 'shifts[2].id', message: 'duplicate id "AM" (also shifts[0])' },
      { path: 'posts[2].id', message: 'duplicate id "GEN" (also posts[1])' },
      { path: 'staff[3].id', message: 'duplicate id "s1" (also staff[0])' },
    ]);
  });

  it('names unknown posts in skills, home posts and demand', () => {
    const problems = problemsOf(
      edited((raw) => {
        raw.staff[2].skills.P9 = 2;
        raw.staff[0].homePosts = ['TAX', 'P8'];
        raw.demand[0].post = 'P7';
      }),
    );
    expect(problems).toEqual([
      { path: 'staff[0].homePosts[1]', message: 'unknown post "P8"' },
      { path: 'staff[2].skills.P9', message: 'unknown post "P9"' },
      { path: 'demand[0].post', message: 'unknown post "P7"' },
    ]);
  });

  it('names unknown shifts in limits, leave, demand, requests and forbidden sequences', () => {
    const paths = pathsOf(
      edited((raw) => {
        raw.staff[0].maxShiftsByType = { NIGHT: 0 };
        raw.staff[1].unavailable[0].shift = 'EVE';
        raw.demand[1].shift = 'X';
        raw.requests[0].shift = 'Y';
        raw.rules.forbiddenSequences.push({ first: 'AM', then: 'Z' });
      }),
    );
    expect(paths).toEqual(['staff[0].maxShiftsByType.NIGHT', 'staff[1].unavailable[0].shift', 'demand[1].shift', 'requests[0].shift', 'rules.forbiddenSequences[1].then']);
  });

  it('names unknown staff in pins and requests', () => {
    const problems = problemsOf(edited((raw) => ((raw.pinned[0].staff = 'nobody'), (raw.requests[0].staff = 'ghost'))));
    expect(problems).toEqual([
      { path: 'pinned[0].staff', message: 'unknown staff member "nobody"' },
      { path: 'requests[0].staff', message: 'unknown staff member "ghost"' },
    ]);
  });

  it('names dates outside the horizon in demand, pins, requests and leave', () => {
    const problems = problemsOf(
      edited((raw) => {
        raw.demand[0].date = '2026-03-09';
        raw.pinned[0].date = '2026-03-01';
        raw.requests[0].date = '2026-04-01';
        raw.staff[1].unavailable[0].date = '2026-03-20';
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual(['staff[1].unavailable[0].date', 'demand[0].date', 'pinned[0].date', 'requests[0].date']);
    expect(problems[1]!.message).toBe('2026-03-09 is outside the horizon (2026-03-02 and the 6 days after)');
  });

  it('refuses two demand lines for one slot', () => {
    const problems = problemsOf(edited((raw) => raw.demand.push({ date: '2026-03-02', shift: 'AM', post: 'GEN', required: 2 })));
    expect(problems).toEqual([{ path: 'demand[2]', message: 'same date, shift and post as demand[1]' }]);
  });

  it('refuses a pin the person cannot keep: not qualified, on leave, a fixed day off, a shift they never work', () => {
    const problems = problemsOf(
      edited((raw) => {
        raw.staff[1].maxShiftsByType = { PM: 0 };
        raw.pinned = [
          { staff: 's3', date: '2026-03-02', shift: 'PM', post: 'TAX' },
          { staff: 's2', date: '2026-03-03', shift: 'AM', post: 'TAX' },
          { staff: 's3', date: '2026-03-04', shift: 'AM', post: 'GEN' },
          { staff: 's2', date: '2026-03-05', shift: 'PM', post: 'TAX' },
        ];
      }),
    );
    expect(problems).toEqual([
      { path: 'pinned[0].post', message: 's3 has level 1 at "TAX"; a pinned assignment needs level ≥ 2' },
      { path: 'pinned[1]', message: 's2 is unavailable on 2026-03-03 (年假)' },
      { path: 'pinned[2]', message: 's3 never works on weekday 3 (fixedWeekdaysOff)' },
      { path: 'pinned[3]', message: 's2 never works shift "PM" (maxShiftsByType 0)' },
    ]);
  });

  it('refuses two pins of one person in one shift', () => {
    const problems = problemsOf(edited((raw) => raw.pinned.push({ staff: 's1', date: '2026-03-02', shift: 'AM', post: 'GEN' })));
    expect(problems).toEqual([{ path: 'pinned[1]', message: 'pins the same person to the same shift as pinned[0]' }]);
  });

  it('refuses a minimum above its maximum', () => {
    const paths = pathsOf(edited((raw) => Object.assign(raw.staff[0], { minMinutesTotal: 600, maxMinutesTotal: 300, minConsecutiveDays: 4, maxConsecutiveDays: 3 })));
    expect(paths).toEqual(['staff[0].minMinutesTotal', 'staff[0].minConsecutiveDays']);
  });

  it('refuses a date listed twice in the calendar', () => {
    expect(problemsOf(edited((raw) => raw.calendar.push({ date: '2026-03-06', kind: 'restday' })))).toEqual([{ path: 'calendar[1].date', message: '2026-03-06 is listed twice (also calendar[0])' }]);
  });

  it('lists every problem of a file at once: shape and references together', () => {
    const paths = pathsOf(
      edited((raw) => {
        raw.start = '2026-13-01';
        raw.shifts[1].colour = 'blue';
        raw.staff[0].skills.P9 = 2;
        raw.demand[1].required = -3;
        raw.demand[0].post = 'NOPE';
        raw.pinned[0].staff = 'nobody';
      }),
    );
    expect(paths.sort()).toEqual(['demand[0].post', 'demand[1].required', 'pinned[0].staff', 'shifts[1].colour', 'staff[0].skills.P9', 'start'].sort());
  });
});

describe('validateRoster', () => {
  const assignment = { staff: 's1', date: '2026-03-02', shift: 'AM', post: 'TAX' };

  it('accepts assignments alone, or with the solver’s unmet list and stats', () => {
    expect(validateRoster({ assignments: [assignment] }, scenario())).toEqual({ ok: true, roster: { assignments: [assignment] } });
    const full = {
      assignments: [{ ...assignment, learner: false }],
      unmet: [{ date: '2026-03-02', shift: 'AM', post: 'GEN', missing: 1, reason: '…', reasonEn: '…', qualified: 2, causes: [{ staff: 's3', cause: 'cost' }] }],
      stats: { engine: 'highs', status: 'optimal', seconds: 0.2, objective: 3, bound: 3, gap: 0, variables: 10, constraints: 5 },
    };
    expect(validateRoster(full, scenario()).ok).toBe(true);
  });

  it('names unknown people, shifts, posts and dates outside the horizon, with the shape problems', () => {
    const result = validateRoster(
      {
        assignments: [
          { staff: 'ghost', date: '2026-03-02', shift: 'AM', post: 'TAX' },
          { staff: 's1', date: '2026-03-10', shift: 'NIGHT', post: 'P9' },
          { staff: 's1', date: '2026-03-02', shift: 'AM' },
        ],
      },
      scenario(),
    );
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['assignments[2].post', 'assignments[0].staff', 'assignments[1].date', 'assignments[1].shift', 'assignments[1].post']);
  });
});

describe('formatPath', () => {
  it('writes indices in brackets and keys after dots', () => {
    expect(formatPath(['staff', 3, 'skills', 'P9'])).toBe('staff[3].skills.P9');
    expect(formatPath(['demand', 12, 'required'])).toBe('demand[12].required');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('docs/roster-scenario.md', () => {
  it('shows an example that the validator accepts', () => {
    const page = readFileSync('docs/roster-scenario.md', 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(page)?.[1];
    expect(example).toBeDefined();
    expect(validateScenario(JSON.parse(example!))).toMatchObject({ ok: true });
  });
});

describe('the JSON Schemas in docs/', () => {
  // Regenerate with `npm run roster -- schema` after changing the zod schemas in scenario.ts.
  it.each([
    ['docs/roster-scenario.schema.json', scenarioJsonSchema],
    ['docs/roster.schema.json', rosterJsonSchema],
  ])('%s is what the zod schema generates', (file, generate) => {
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(generate(), null, 2)}\n`);
  });

  it('describe a strict format: unknown fields are not allowed', () => {
    const schema = scenarioJsonSchema() as { additionalProperties?: boolean; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['start', 'days', 'shifts', 'posts', 'staff', 'demand']);
  });
});
