/**
 * Reading a scenario file or a roster file safely: a zod schema for the shape (strict: an unknown
 * field is a typo, not something to ignore), then the checks a schema cannot express, such as
 * references to unknown posts, dates outside the horizon and pins nobody could keep. Every problem
 * comes back with its path in the file, never just the first, so one round of fixes is enough; a
 * scenario with problems never reaches the optimiser. The JSON Schemas in docs/ are generated from
 * these schemas (`npm run roster -- schema`), so the documented format cannot drift from the code.
 */
import { z } from 'zod';
import { isoDate, isoDay } from './prepare.ts';
import { QUALIFIED, type Assignment, type Scenario, type ScenarioProblem } from './types.ts';

// ---- Shape ---------------------------------------------------------------------------------------

const id = z.string().min(1, 'must not be empty');
// The shared formats carry an id so the JSON Schema names them once under $defs.
const isoDateString = z.iso
  .date({ error: (issue) => `${JSON.stringify(issue.input)} is not a real date in the form YYYY-MM-DD` })
  .meta({ id: 'IsoDate', description: 'A real calendar date "YYYY-MM-DD".' });
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:MM" from 00:00 to 23:59 (a shift ending at midnight ends at "00:00")')
  .meta({ id: 'Clock', description: 'A time of day "HH:MM", 00:00 … 23:59.' });
const count = z.number().int('must be a whole number').min(0, 'cannot be negative');
const amount = z.number().min(0, 'cannot be negative');
const level = z.literal([0, 1, 2, 3], { error: 'level must be 0 (none), 1 (learner), 2 (qualified) or 3 (mentor)' });

const shiftSchema = z.strictObject({
  id,
  start: clock.describe('Start time "HH:MM".'),
  end: clock.describe('End time "HH:MM"; not after start = the shift ends the next day.'),
  name: z.string().optional().describe('Name shown in reasons and tables ("上午").'),
  late: z.boolean().optional().describe('A late duty (延时服务/晚班), spread fairly.'),
});

const postSchema = z.strictObject({ id, name: z.string(), zone: id.optional().describe('The zone the post belongs to (hall scenarios).') });

const windowSchema = z.strictObject({
  id,
  name: z.string().optional().describe('The hall\'s code for it ("A03"), used in messages.'),
  post: id.describe('The post a person sitting here holds.'),
  zone: id.optional(),
  staffing: z.enum(['fixed', 'demand']).describe('fixed: open in each of its shifts whatever the demand; demand: opened by the demand of its post.'),
  shifts: z.array(id).optional().describe('Shifts it opens in on working days; absent = presence.defaultShifts (every shift without presence).'),
  restDayShifts: z.array(id).optional().describe('Shifts it opens in on presence.openRestDays.'),
  a: id.optional().describe('The A person: sits here whenever present.'),
  b: id.optional().describe('The B person: takes the window when A is away.'),
});

const presenceSchema = z.strictObject({
  defaultShifts: z.array(id).min(1, 'name at least one default-day shift').describe('The default day\'s shifts: everyone not on leave holds them on every working day.'),
  workingDays: z.array(isoDateString).describe('The working days of the horizon, make-up days included (from the calendar).'),
  openRestDays: z.array(isoDateString).optional().describe('Rest days the hall opens on (周六预约服务), staffed on top by rotation.'),
  standardWorkingDays: z.number().int().min(1).max(7).optional().describe('Working days of an ordinary week (5): weekly limits scale by working days ÷ this.'),
  planLieu: z.boolean().optional().describe('Give rest-day duty back as default-day shifts off in the same or next week (default true).'),
  comprehensiveCycle: z.enum(['week', 'month', 'quarter', 'year']).optional().describe('The 综合计算工时 cycle (default month): within it a comprehensive person\'s rest-day duty is given back.'),
  contractedPosts: z.record(z.string(), amount).optional().describe('Zone → contracted posts, for the projected on-duty rate.'),
  targetPercent: amount.optional(),
});

const unavailabilitySchema = z.strictObject({
  date: isoDateString,
  shift: id.optional().describe('Absent = the whole day.'),
  reason: z.string().optional().describe('Why, in plain words ("年假"), for gap reasons.'),
});

const historySchema = z.strictObject({
  weekendShifts: amount.optional(),
  holidayShifts: amount.optional(),
  lateShifts: amount.optional(),
  hours: amount.optional(),
});

const staffSchema = z.strictObject({
  id,
  name: z.string(),
  skills: z.record(z.string(), level).describe('Post id → level: 0 none, 1 learner, 2 qualified, 3 mentor.'),
  maxShiftsPerWeek: count.optional(),
  maxHoursPerWeek: amount.optional(),
  maxConsecutiveDays: count.optional().describe('Default: rules.maxConsecutiveDays.'),
  minConsecutiveDays: count.optional(),
  minConsecutiveDaysOff: count.optional(),
  maxWeekends: count.optional(),
  maxShiftsPerDay: count.optional(),
  maxShiftsByType: z.record(z.string(), count).optional().describe('Shift id → most shifts of that type over the horizon.'),
  minMinutesTotal: count.optional(),
  maxMinutesTotal: count.optional(),
  fixedWeekdaysOff: z.array(z.number().int().min(1, 'weekdays are 1 (Monday) … 7 (Sunday)').max(7, 'weekdays are 1 (Monday) … 7 (Sunday)')).optional(),
  unavailable: z.array(unavailabilitySchema).optional(),
  homePosts: z.array(id).optional().describe('Posts of the windows where this person is A or B.'),
  zone: id.optional().describe('Home zone (hall scenarios): a duty at a post of another zone is a cross-zone move.'),
  hourlyWage: amount.optional(),
  hoursScheme: z.enum(['standard', 'comprehensive']).optional().describe('综合计算工时 ("comprehensive"): rest-day duty is balanced within the cycle and priced at 150%; default standard.'),
  daysWorkedBefore: count.optional(),
  history: historySchema.optional(),
});

const demandSchema = z.strictObject({
  date: isoDateString,
  shift: id,
  post: id,
  required: z.number().int('must be a whole number of staff').min(0, 'demand cannot be negative'),
  underWeight: amount.optional(),
  overWeight: amount.optional(),
  peak: z
    .strictObject({ from: clock, to: clock, tickets: z.number().min(0) })
    .optional()
    .describe('Why: the busiest stretch of the shift and the applications expected over it. Read for the words on a closed window, never by the model.'),
});

const pinSchema = z.strictObject({ staff: id, date: isoDateString, shift: id, post: id });

const requestSchema = z.strictObject({
  staff: id,
  date: isoDateString,
  shift: id.optional(),
  kind: z.enum(['on', 'off']),
  weight: amount.optional(),
});

const calendarSchema = z.strictObject({ date: isoDateString, kind: z.enum(['workday', 'restday', 'holiday']) });

const rulesSchema = z.strictObject({
  maxConsecutiveDays: count.optional(),
  restDayInSeven: z.boolean().optional(),
  minRestMinutes: count.optional(),
  forbiddenSequences: z.array(z.strictObject({ first: id, then: id })).optional(),
  maxWeekends: count.nullable().optional(),
  maxShiftsPerDay: count.nullable().optional(),
  standardHoursPerWeek: amount.optional(),
  hourlyWage: amount.optional(),
});

const weightsSchema = z.strictObject({
  unmet: amount.optional(),
  over: amount.optional(),
  backup: amount.optional(),
  cost: amount.optional(),
  fairness: amount.optional(),
  continuity: amount.optional(),
  requests: amount.optional(),
  changes: amount.optional().describe('Per duty that differs from the baseline (a move from one post to another counts 2).'),
  seat: amount.optional().describe('Per shift a window\'s A person works away from their open A window.'),
  crossZone: amount.optional().describe('Per duty at a post of another zone than the person\'s.'),
});

const assignmentSchema = z.strictObject({
  staff: id,
  date: isoDateString,
  shift: id,
  post: id,
  window: id.optional().describe('The window sat at: on every counted duty at a post with windows.'),
  learner: z.boolean().optional(),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Optional link to this schema, for editors.'),
    name: z.string().optional(),
    start: isoDateString.describe('First day of the horizon.'),
    days: z.number().int('must be a whole number').min(1, 'days must be 1 … 366').max(366, 'days must be 1 … 366'),
    shifts: z.array(shiftSchema),
    posts: z.array(postSchema),
    staff: z.array(staffSchema),
    demand: z.array(demandSchema),
    pinned: z.array(pinSchema).optional(),
    requests: z.array(requestSchema).optional(),
    calendar: z.array(calendarSchema).optional().describe('Day kinds; may cover more than the horizon.'),
    rules: rulesSchema.optional(),
    weights: weightsSchema.optional(),
    baseline: z.array(assignmentSchema).optional().describe('The roster as it stands, for a repair: weights.changes prices every duty that differs from it.'),
    windows: z.array(windowSchema).optional().describe('The seats: a post with windows seats one counted person per open window.'),
    presence: presenceSchema.optional().describe('The hall\'s presence rule; absent = off.'),
  })
  .meta({ title: 'Roster scenario', description: 'A self-contained rostering problem; see docs/roster-scenario.md and docs/roster-rules.md.' });

const causeSchema = z.enum([
  'unavailable',
  'fixed_day_off',
  'assigned_elsewhere',
  'max_shifts_week',
  'max_hours_week',
  'max_shifts_type',
  'max_minutes_total',
  'max_consecutive_days',
  'rest_day_in_seven',
  'min_rest',
  'forbidden_sequence',
  'max_weekends',
  'max_shifts_day',
  'overlap',
  'min_consecutive',
  'cost',
]);

const gapSchema = z.strictObject({
  date: isoDateString,
  shift: id,
  post: id,
  missing: count,
  reason: z.string(),
  reasonEn: z.string(),
  qualified: count,
  causes: z.array(z.strictObject({ staff: id, cause: causeSchema, detail: z.string().optional() })),
});

const statsSchema = z.strictObject({
  engine: z.enum(['javascript-lp-solver', 'highs']),
  status: z.enum(['optimal', 'feasible', 'stopped', 'infeasible', 'cancelled']),
  seconds: amount,
  objective: z.number(),
  bound: z.number(),
  gap: z.number(),
  variables: count,
  constraints: count,
});

export const rosterSchema = z
  .strictObject({
    $schema: z.string().optional(),
    assignments: z.array(assignmentSchema),
    unmet: z.array(gapSchema).optional().describe('Short slots with their reasons; written by the solver, ignored by the checker.'),
    stats: statsSchema.optional(),
    hall: z.looseObject({}).optional().describe('Hall scenarios: projected on-duty rate, lieu owed, cross-zone moves, windows open; written by the solver, ignored by the checker.'),
  })
  .meta({ title: 'Roster', description: 'The answer to a roster scenario; see docs/roster-scenario.md.' });

export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input' });
}

export function rosterJsonSchema(): object {
  return z.toJSONSchema(rosterSchema, { io: 'input' });
}

// ---- Validation ----------------------------------------------------------------------------------

export type Validated<T> = ({ ok: true } & T) | { ok: false; problems: ScenarioProblem[] };

export function validateScenario(input: unknown): Validated<{ scenario: Scenario }> {
  const parsed = scenarioSchema.safeParse(input);
  const problems = [...(parsed.success ? [] : shapeProblems(parsed.error)), ...scenarioMeaningProblems(input)];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const { $schema: _schema, ...scenario } = parsed.data;
  return { ok: true, scenario };
}

export function validateRoster(input: unknown, scenario: Scenario): Validated<{ roster: { assignments: Assignment[] } }> {
  const parsed = rosterSchema.safeParse(input);
  const problems = [...(parsed.success ? [] : shapeProblems(parsed.error)), ...rosterMeaningProblems(input, scenario)];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, roster: { assignments: parsed.data.assignments } };
}

function shapeProblems(error: z.ZodError): ScenarioProblem[] {
  return error.issues.flatMap((issue): ScenarioProblem[] => {
    // One problem per unknown field, at the field's own path, so each typo is found where it is.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: `unknown field "${key}"` }));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

/** ["staff", 3, "skills", "P9"] → "staff[3].skills.P9". */
export function formatPath(path: readonly PropertyKey[]): string {
  const text = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
  return text === '' ? '(root)' : text;
}

// ---- Meaning: checks across fields, read defensively from the raw input -------------------------
// They run even when the shape has problems, on whatever parts are readable, so a file with a typo
// and an unknown post reports both at once.

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The readable objects of an array field, with their indices. */
function entries(container: unknown, key: string): [Raw, number][] {
  const list = isRaw(container) ? container[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): [Raw, number][] => (isRaw(item) ? [[item, index]] : []));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = isoDay(value);
  return Number.isFinite(day) && isoDate(day) === value;
}

/** The ids a scenario declares; null where the list itself is unreadable (then nothing is checked against it). */
interface Known {
  shifts: Set<string> | null;
  posts: Set<string> | null;
  staff: Map<string, Raw> | null;
  horizon: Set<string> | null;
}

interface Problems {
  add(path: readonly PropertyKey[], message: string): void;
  list: ScenarioProblem[];
}

function problemList(): Problems {
  const list: ScenarioProblem[] = [];
  return { list, add: (path, message) => list.push({ path: formatPath(path), message }) };
}

function scenarioMeaningProblems(input: unknown): ScenarioProblem[] {
  if (!isRaw(input)) return [];
  const problems = problemList();
  const known: Known = {
    shifts: declaredIds(input, 'shifts', problems),
    posts: declaredIds(input, 'posts', problems),
    staff: declaredStaff(input, problems),
    horizon: horizonOf(input),
  };
  checkStaff(input, known, problems);
  checkDemand(input, known, problems);
  checkPins(input, known, problems);
  checkRequests(input, known, problems);
  checkCalendar(input, problems);
  checkRules(input, known, problems);
  checkBaseline(input, known, problems);
  checkWindows(input, known, problems);
  checkPresence(input, known, problems);
  return problems.list;
}

/** Windows name known posts, shifts and staff; ids are unique; nobody is A of two windows. */
function checkWindows(input: Raw, known: Known, problems: Problems): void {
  declaredIds(input, 'windows', problems);
  const aOf = new Map<string, number>();
  for (const [window, index] of entries(input, 'windows')) {
    const at = ['windows', index];
    checkReference(problems, [...at, 'post'], window.post, known.posts, 'post');
    for (const key of ['shifts', 'restDayShifts']) {
      const list = window[key];
      if (Array.isArray(list)) list.forEach((shift, j) => checkReference(problems, [...at, key, j], shift, known.shifts, 'shift'));
    }
    for (const key of ['a', 'b']) checkReference(problems, [...at, key], window[key], known.staff, 'staff member');
    const a = text(window.a);
    if (a === undefined) continue;
    const first = aOf.get(a);
    if (first !== undefined) problems.add([...at, 'a'], `${a} is already the A person of windows[${first}]; a person is A of one window`);
    else aOf.set(a, index);
  }
}

function checkPresence(input: Raw, known: Known, problems: Problems): void {
  if (!isRaw(input.presence)) return;
  const presence = input.presence;
  if (Array.isArray(presence.defaultShifts)) presence.defaultShifts.forEach((shift, j) => checkReference(problems, ['presence', 'defaultShifts', j], shift, known.shifts, 'shift'));
  for (const key of ['workingDays', 'openRestDays']) {
    const list = presence[key];
    if (Array.isArray(list)) list.forEach((date, j) => checkInHorizon(problems, ['presence', key, j], date, known));
  }
}

/** Baseline duties must name known staff, shifts and posts on dates of the horizon. */
function checkBaseline(input: Raw, known: Known, problems: Problems): void {
  for (const [duty, index] of entries(input, 'baseline')) {
    const at = ['baseline', index];
    checkReference(problems, [...at, 'staff'], duty.staff, known.staff, 'staff member');
    checkInHorizon(problems, [...at, 'date'], duty.date, known);
    checkReference(problems, [...at, 'shift'], duty.shift, known.shifts, 'shift');
    checkReference(problems, [...at, 'post'], duty.post, known.posts, 'post');
  }
}

function declaredIds(input: Raw, key: string, problems: Problems): Set<string> | null {
  if (!Array.isArray(input[key])) return null;
  const ids = new Map<string, number>();
  for (const [item, index] of entries(input, key)) {
    const itemId = text(item.id);
    if (itemId === undefined) continue;
    const first = ids.get(itemId);
    if (first !== undefined) problems.add([key, index, 'id'], `duplicate id "${itemId}" (also ${key}[${first}])`);
    else ids.set(itemId, index);
  }
  return new Set(ids.keys());
}

function declaredStaff(input: Raw, problems: Problems): Map<string, Raw> | null {
  const ids = declaredIds(input, 'staff', problems);
  if (ids === null) return null;
  const staff = new Map<string, Raw>();
  for (const [item] of entries(input, 'staff')) {
    const itemId = text(item.id);
    if (itemId !== undefined && !staff.has(itemId)) staff.set(itemId, item);
  }
  return staff;
}

/** The horizon's dates, or null when start or days are unreadable. */
function horizonOf(input: Raw): Set<string> | null {
  const start = text(input.start);
  const days = input.days;
  if (start === undefined || !isRealDate(start) || typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366) return null;
  const first = isoDay(start);
  return new Set(Array.from({ length: days }, (_, index) => isoDate(first + index)));
}

function checkReference(problems: Problems, path: readonly PropertyKey[], value: unknown, known: Set<string> | Map<string, unknown> | null, what: string): void {
  const ref = text(value);
  if (ref === undefined || known === null || known.has(ref)) return;
  problems.add(path, `unknown ${what} "${ref}"`);
}

/** A real date outside the horizon; an unreal one is the schema's problem. */
function checkInHorizon(problems: Problems, path: readonly PropertyKey[], value: unknown, known: Known): void {
  const date = text(value);
  if (date === undefined || known.horizon === null || !isRealDate(date) || known.horizon.has(date)) return;
  problems.add(path, `${date} is outside the horizon (${[...known.horizon][0]} and the ${known.horizon.size - 1} days after)`);
}

function checkStaff(input: Raw, known: Known, problems: Problems): void {
  for (const [person, index] of entries(input, 'staff')) {
    const at = ['staff', index];
    if (isRaw(person.skills)) for (const post of Object.keys(person.skills)) checkReference(problems, [...at, 'skills', post], post, known.posts, 'post');
    if (isRaw(person.maxShiftsByType)) for (const shift of Object.keys(person.maxShiftsByType)) checkReference(problems, [...at, 'maxShiftsByType', shift], shift, known.shifts, 'shift');
    if (Array.isArray(person.homePosts)) person.homePosts.forEach((post, j) => checkReference(problems, [...at, 'homePosts', j], post, known.posts, 'post'));
    for (const [entry, j] of entries(person, 'unavailable')) {
      checkInHorizon(problems, [...at, 'unavailable', j, 'date'], entry.date, known);
      checkReference(problems, [...at, 'unavailable', j, 'shift'], entry.shift, known.shifts, 'shift');
    }
    checkOrder(problems, at, person, 'minMinutesTotal', 'maxMinutesTotal');
    checkOrder(problems, at, person, 'minConsecutiveDays', 'maxConsecutiveDays');
  }
}

function checkOrder(problems: Problems, at: PropertyKey[], person: Raw, least: string, most: string): void {
  const low = person[least];
  const high = person[most];
  if (typeof low === 'number' && typeof high === 'number' && low > high) problems.add([...at, least], `${least} ${low} is above ${most} ${high}`);
}

function checkDemand(input: Raw, known: Known, problems: Problems): void {
  const slots = new Map<string, number>();
  for (const [line, index] of entries(input, 'demand')) {
    checkInHorizon(problems, ['demand', index, 'date'], line.date, known);
    checkReference(problems, ['demand', index, 'shift'], line.shift, known.shifts, 'shift');
    checkReference(problems, ['demand', index, 'post'], line.post, known.posts, 'post');
    // Two lines for one slot would make "required" ambiguous.
    const slot = `${String(line.date)}|${String(line.shift)}|${String(line.post)}`;
    const first = slots.get(slot);
    if (first !== undefined) problems.add(['demand', index], `same date, shift and post as demand[${first}]`);
    else slots.set(slot, index);
  }
}

function checkPins(input: Raw, known: Known, problems: Problems): void {
  const duties = new Map<string, number>();
  for (const [pin, index] of entries(input, 'pinned')) {
    const at = ['pinned', index];
    checkInHorizon(problems, [...at, 'date'], pin.date, known);
    checkReference(problems, [...at, 'staff'], pin.staff, known.staff, 'staff member');
    checkReference(problems, [...at, 'shift'], pin.shift, known.shifts, 'shift');
    checkReference(problems, [...at, 'post'], pin.post, known.posts, 'post');
    const person = known.staff?.get(text(pin.staff) ?? '');
    if (person) checkPinnedPerson(problems, at, pin, person);
    const duty = `${String(pin.staff)}|${String(pin.date)}|${String(pin.shift)}`;
    const first = duties.get(duty);
    if (first !== undefined) problems.add(at, `pins the same person to the same shift as pinned[${first}]`);
    else duties.set(duty, index);
  }
}

/** A pin the person cannot keep: not qualified at the post, away, or never on that shift. */
function checkPinnedPerson(problems: Problems, at: PropertyKey[], pin: Raw, person: Raw): void {
  const post = text(pin.post) ?? '';
  const date = text(pin.date) ?? '';
  const shift = text(pin.shift);
  const skill = isRaw(person.skills) ? person.skills[post] : undefined;
  const level = typeof skill === 'number' ? skill : 0;
  if (level < QUALIFIED) problems.add([...at, 'post'], `${String(person.id)} has level ${level} at "${post}"; a pinned assignment needs level ≥ 2`);
  const away = entries(person, 'unavailable').find(([entry]) => entry.date === date && (entry.shift === undefined || entry.shift === shift));
  if (away) problems.add(at, `${String(person.id)} is unavailable on ${date}${text(away[0].reason) ? ` (${text(away[0].reason)})` : ''}`);
  if (isRealDate(date) && Array.isArray(person.fixedWeekdaysOff)) {
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (person.fixedWeekdaysOff.includes(weekday)) problems.add(at, `${String(person.id)} never works on weekday ${weekday} (fixedWeekdaysOff)`);
  }
  if (shift !== undefined && isRaw(person.maxShiftsByType) && person.maxShiftsByType[shift] === 0) problems.add(at, `${String(person.id)} never works shift "${shift}" (maxShiftsByType 0)`);
}

function checkRequests(input: Raw, known: Known, problems: Problems): void {
  for (const [request, index] of entries(input, 'requests')) {
    checkInHorizon(problems, ['requests', index, 'date'], request.date, known);
    checkReference(problems, ['requests', index, 'staff'], request.staff, known.staff, 'staff member');
    checkReference(problems, ['requests', index, 'shift'], request.shift, known.shifts, 'shift');
  }
}

function checkCalendar(input: Raw, problems: Problems): void {
  const dates = new Map<string, number>();
  for (const [entry, index] of entries(input, 'calendar')) {
    const date = text(entry.date);
    if (date === undefined) continue;
    const first = dates.get(date);
    if (first !== undefined) problems.add(['calendar', index, 'date'], `${date} is listed twice (also calendar[${first}])`);
    else dates.set(date, index);
  }
}

function checkRules(input: Raw, known: Known, problems: Problems): void {
  if (!isRaw(input.rules)) return;
  for (const [pair, index] of entries(input.rules, 'forbiddenSequences')) {
    checkReference(problems, ['rules', 'forbiddenSequences', index, 'first'], pair.first, known.shifts, 'shift');
    checkReference(problems, ['rules', 'forbiddenSequences', index, 'then'], pair.then, known.shifts, 'shift');
  }
}

function rosterMeaningProblems(input: unknown, scenario: Scenario): ScenarioProblem[] {
  const problems = problemList();
  const first = isoDay(scenario.start);
  const known: Known = {
    shifts: new Set(scenario.shifts.map((shift) => shift.id)),
    posts: new Set(scenario.posts.map((post) => post.id)),
    staff: new Map(scenario.staff.map((person) => [person.id, {}])),
    horizon: new Set(Array.from({ length: scenario.days }, (_, index) => isoDate(first + index))),
  };
  const windowPost = new Map((scenario.windows ?? []).map((window) => [window.id, window.post]));
  for (const [assignment, index] of entries(input, 'assignments')) {
    const at = ['assignments', index];
    checkReference(problems, [...at, 'staff'], assignment.staff, known.staff, 'staff member');
    checkInHorizon(problems, [...at, 'date'], assignment.date, known);
    checkReference(problems, [...at, 'shift'], assignment.shift, known.shifts, 'shift');
    checkReference(problems, [...at, 'post'], assignment.post, known.posts, 'post');
    const window = text(assignment.window);
    if (window === undefined) continue;
    const post = windowPost.get(window);
    if (post === undefined) problems.add([...at, 'window'], `unknown window "${window}"`);
    else if (post !== assignment.post) problems.add([...at, 'window'], `window "${window}" seats post "${post}", not "${String(assignment.post)}"`);
  }
  return problems.list;
}
