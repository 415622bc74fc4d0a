/**
 * The Curtois & Qu shift-scheduling benchmark format (schedulingbenchmarks.org, ../shared/bench/nrp)
 * read into a roster scenario as the last section of docs/roster-rules.md describes: one post every
 * person is qualified for, a Monday start, at most one shift a day, rest only by the file's forbidden
 * sequences, days off as leave, cover and requests with the file's weights and every other weight 0.
 * The benchmark's objective is then exactly the scenario's total penalty.
 */
import type { Assignment, DemandLine, Scenario, ShiftRequest, StaffDef } from './types.ts';

export interface NrpShift {
  id: string;
  minutes: number;
  /** Shifts that may not follow this one on the next day. */
  cannotFollow: string[];
}

export interface NrpStaff {
  id: string;
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

export interface NrpRequest {
  staff: string;
  day: number;
  shift: string;
  weight: number;
}

export interface NrpCover {
  day: number;
  shift: string;
  requirement: number;
  underWeight: number;
  overWeight: number;
}

export interface NrpInstance {
  days: number;
  shifts: NrpShift[];
  staff: NrpStaff[];
  daysOff: Map<string, number[]>;
  onRequests: NrpRequest[];
  offRequests: NrpRequest[];
  cover: NrpCover[];
}

/** A Monday, as every instance of the family starts on one. */
export const NRP_START = '2024-01-01';
export const NRP_POST = 'ward';

/** A malformed file, with the line it was found on (1-based). */
export class NrpFormatError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'NrpFormatError';
  }
}

export function readNrp(text: string): Scenario {
  return nrpScenario(parseNrp(text));
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Line {
  number: number;
  fields: string[];
}

const SECTIONS = ['SECTION_HORIZON', 'SECTION_SHIFTS', 'SECTION_STAFF', 'SECTION_DAYS_OFF', 'SECTION_SHIFT_ON_REQUESTS', 'SECTION_SHIFT_OFF_REQUESTS', 'SECTION_COVER'] as const;
type Section = (typeof SECTIONS)[number];

export function parseNrp(text: string): NrpInstance {
  const sections = splitSections(text);
  const horizon = sections.get('SECTION_HORIZON') ?? [];
  if (horizon.length !== 1 || horizon[0]?.fields.length !== 1) throw new NrpFormatError(horizon[0]?.number ?? 1, 'SECTION_HORIZON must hold exactly one number, the days of the horizon');
  const days = count(horizon[0], 0, 'horizon length', 1);
  const shifts = (sections.get('SECTION_SHIFTS') ?? []).map(parseShift);
  if (shifts.length === 0) throw new NrpFormatError(1, 'SECTION_SHIFTS lists no shift');
  const shiftIds = unique(shifts.map((shift) => shift.id), (sections.get('SECTION_SHIFTS') ?? []), 'shift');
  for (const [index, shift] of shifts.entries()) {
    for (const next of shift.cannotFollow) if (!shiftIds.has(next)) throw new NrpFormatError(lineAt(sections, 'SECTION_SHIFTS', index), `unknown shift ${next} after ${shift.id}`);
  }
  const staffLines = sections.get('SECTION_STAFF') ?? [];
  const staff = staffLines.map((line) => parseStaff(line, shiftIds));
  const staffIds = unique(staff.map((person) => person.id), staffLines, 'staff');
  const references = { days, shiftIds, staffIds };
  return {
    days,
    shifts,
    staff,
    daysOff: parseDaysOff(sections.get('SECTION_DAYS_OFF') ?? [], references),
    onRequests: (sections.get('SECTION_SHIFT_ON_REQUESTS') ?? []).map((line) => parseRequest(line, references)),
    offRequests: (sections.get('SECTION_SHIFT_OFF_REQUESTS') ?? []).map((line) => parseRequest(line, references)),
    cover: (sections.get('SECTION_COVER') ?? []).map((line) => parseCover(line, references)),
  };
}

function splitSections(text: string): Map<Section, Line[]> {
  const sections = new Map<Section, Line[]>();
  let current: Line[] | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const number = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    if (content.startsWith('SECTION_')) {
      if (!(SECTIONS as readonly string[]).includes(content)) throw new NrpFormatError(number, `unknown section ${content}`);
      if (sections.has(content as Section)) throw new NrpFormatError(number, `${content} appears twice`);
      current = [];
      sections.set(content as Section, current);
      return;
    }
    if (!current) throw new NrpFormatError(number, 'data before the first SECTION_ header');
    current.push({ number, fields: content.split(',').map((field) => field.trim()) });
  });
  for (const required of ['SECTION_HORIZON', 'SECTION_SHIFTS', 'SECTION_STAFF'] as const) {
    if (!sections.has(required)) throw new NrpFormatError(1, `${required} is missing`);
  }
  return sections;
}

function lineAt(sections: Map<Section, Line[]>, section: Section, index: number): number {
  return sections.get(section)?.[index]?.number ?? 1;
}

function count(line: Line | undefined, index: number, what: string, minimum = 0): number {
  const text = line?.fields[index];
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(value) || value < minimum) {
    throw new NrpFormatError(line?.number ?? 1, `${what} must be a whole number${minimum > 0 ? ` of at least ${minimum}` : ' ≥ 0'}, got "${text ?? ''}"`);
  }
  return value;
}

function expectFields(line: Line, fields: number, what: string): void {
  if (line.fields.length !== fields) throw new NrpFormatError(line.number, `${what} needs ${fields} comma-separated fields, got ${line.fields.length}`);
}

function unique(ids: string[], lines: Line[], what: string): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (id === '') throw new NrpFormatError(lines[index]?.number ?? 1, `empty ${what} id`);
    if (seen.has(id)) throw new NrpFormatError(lines[index]?.number ?? 1, `${what} ${id} is listed twice`);
    seen.add(id);
  });
  return seen;
}

function parseShift(line: Line): NrpShift {
  if (line.fields.length < 2 || line.fields.length > 3) throw new NrpFormatError(line.number, `a shift needs "ID, length in minutes, shifts that cannot follow", got ${line.fields.length} fields`);
  const minutes = count(line, 1, 'shift length', 1);
  if (minutes > 24 * 60) throw new NrpFormatError(line.number, `shift length ${minutes} is longer than a day`);
  const cannotFollow = (line.fields[2] ?? '').split('|').map((id) => id.trim()).filter((id) => id !== '');
  return { id: line.fields[0] ?? '', minutes, cannotFollow };
}

function parseStaff(line: Line, shiftIds: Set<string>): NrpStaff {
  expectFields(line, 8, 'a staff line (ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends)');
  const maxShifts: Record<string, number> = {};
  for (const part of (line.fields[1] ?? '').split('|').filter((text) => text.trim() !== '')) {
    const [shift, limit] = part.split('=').map((text) => text.trim());
    if (shift === undefined || !shiftIds.has(shift)) throw new NrpFormatError(line.number, `unknown shift ${shift ?? ''} in MaxShifts`);
    maxShifts[shift] = count({ number: line.number, fields: [limit ?? ''] }, 0, `MaxShifts for ${shift}`);
  }
  return {
    id: line.fields[0] ?? '',
    maxShifts,
    maxTotalMinutes: count(line, 2, 'MaxTotalMinutes'),
    minTotalMinutes: count(line, 3, 'MinTotalMinutes'),
    maxConsecutiveShifts: count(line, 4, 'MaxConsecutiveShifts', 1),
    minConsecutiveShifts: count(line, 5, 'MinConsecutiveShifts'),
    minConsecutiveDaysOff: count(line, 6, 'MinConsecutiveDaysOff'),
    maxWeekends: count(line, 7, 'MaxWeekends'),
  };
}

interface References {
  days: number;
  shiftIds: Set<string>;
  staffIds: Set<string>;
}

function staffRef(line: Line, index: number, references: References): string {
  const id = line.fields[index] ?? '';
  if (!references.staffIds.has(id)) throw new NrpFormatError(line.number, `unknown staff ${id}`);
  return id;
}

function shiftRef(line: Line, index: number, references: References): string {
  const id = line.fields[index] ?? '';
  if (!references.shiftIds.has(id)) throw new NrpFormatError(line.number, `unknown shift ${id}`);
  return id;
}

function dayRef(line: Line, index: number, references: References): number {
  const day = count(line, index, 'a day index');
  if (day >= references.days) throw new NrpFormatError(line.number, `day ${day} is past the ${references.days}-day horizon`);
  return day;
}

function parseDaysOff(lines: Line[], references: References): Map<string, number[]> {
  const daysOff = new Map<string, number[]>();
  for (const line of lines) {
    if (line.fields.length < 2) throw new NrpFormatError(line.number, 'a days-off line needs a staff id and at least one day');
    const staff = staffRef(line, 0, references);
    const days = line.fields.slice(1).map((_, index) => dayRef(line, index + 1, references));
    daysOff.set(staff, [...(daysOff.get(staff) ?? []), ...days]);
  }
  return daysOff;
}

function parseRequest(line: Line, references: References): NrpRequest {
  expectFields(line, 4, 'a request (EmployeeID, Day, ShiftID, Weight)');
  return { staff: staffRef(line, 0, references), day: dayRef(line, 1, references), shift: shiftRef(line, 2, references), weight: count(line, 3, 'a weight') };
}

function parseCover(line: Line, references: References): NrpCover {
  expectFields(line, 5, 'a cover line (Day, ShiftID, Requirement, Weight for under, Weight for over)');
  return {
    day: dayRef(line, 0, references),
    shift: shiftRef(line, 1, references),
    requirement: count(line, 2, 'a requirement'),
    underWeight: count(line, 3, 'the weight for under'),
    overWeight: count(line, 4, 'the weight for over'),
  };
}

// ---------------------------------------------------------------------------------------------
// The scenario

export function nrpScenario(instance: NrpInstance): Scenario {
  const dates = Array.from({ length: instance.days }, (_, day) => dateAfter(NRP_START, day));
  const dateOf = (day: number) => dates[day] as string;
  const staff: StaffDef[] = instance.staff.map((person) => ({
    id: person.id,
    name: person.id,
    skills: { [NRP_POST]: 2 },
    maxShiftsByType: { ...person.maxShifts },
    maxMinutesTotal: person.maxTotalMinutes,
    minMinutesTotal: person.minTotalMinutes,
    maxConsecutiveDays: person.maxConsecutiveShifts,
    minConsecutiveDays: Math.max(1, person.minConsecutiveShifts),
    minConsecutiveDaysOff: Math.max(1, person.minConsecutiveDaysOff),
    maxWeekends: person.maxWeekends,
    maxShiftsPerDay: 1,
    unavailable: (instance.daysOff.get(person.id) ?? []).map((day) => ({ date: dateOf(day), reason: 'day off' })),
  }));
  const request = (kind: 'on' | 'off') => (line: NrpRequest): ShiftRequest => ({ staff: line.staff, date: dateOf(line.day), shift: line.shift, kind, weight: line.weight });
  const demand: DemandLine[] = instance.cover.map((line) => ({
    date: dateOf(line.day),
    shift: line.shift,
    post: NRP_POST,
    required: line.requirement,
    underWeight: line.underWeight,
    overWeight: line.overWeight,
  }));
  return {
    name: `Curtois & Qu, ${instance.staff.length} staff, ${instance.days} days`,
    start: NRP_START,
    days: instance.days,
    // Every shift starts at midnight: with at most one shift a day no two can overlap or leave
    // negative rest, so only the file's forbidden sequences limit what follows what.
    shifts: instance.shifts.map((shift) => ({ id: shift.id, start: '00:00', end: clock(shift.minutes) })),
    posts: [{ id: NRP_POST, name: 'Ward' }],
    staff,
    demand,
    requests: [...instance.onRequests.map(request('on')), ...instance.offRequests.map(request('off'))],
    rules: {
      maxShiftsPerDay: 1,
      minRestMinutes: 0,
      restDayInSeven: false,
      maxConsecutiveDays: Math.max(1, ...instance.staff.map((person) => person.maxConsecutiveShifts)),
      forbiddenSequences: instance.shifts.flatMap((shift) => shift.cannotFollow.map((then) => ({ first: shift.id, then }))),
      maxWeekends: null,
    },
    weights: { unmet: 0, over: 0, backup: 0, cost: 0, fairness: 0, continuity: 0, requests: 0 },
  };
}

/**
 * The benchmark's own objective for a roster, computed from the file's terms alone (requests not
 * granted and cover missed either way), to print beside the scenario's total and to cross-check it.
 */
export function nrpObjective(instance: NrpInstance, assignments: Assignment[]): number {
  const dayOf = new Map(Array.from({ length: instance.days }, (_, day) => [dateAfter(NRP_START, day), day]));
  const onDuty = new Set<string>();
  const counts = new Map<string, number>();
  for (const assignment of assignments) {
    const day = dayOf.get(assignment.date);
    if (day === undefined) continue;
    onDuty.add(`${assignment.staff}|${day}|${assignment.shift}`);
    const key = `${day}|${assignment.shift}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let total = 0;
  for (const request of instance.onRequests) if (!onDuty.has(`${request.staff}|${request.day}|${request.shift}`)) total += request.weight;
  for (const request of instance.offRequests) if (onDuty.has(`${request.staff}|${request.day}|${request.shift}`)) total += request.weight;
  for (const line of instance.cover) {
    const staffed = counts.get(`${line.day}|${line.shift}`) ?? 0;
    total += line.underWeight * Math.max(0, line.requirement - staffed) + line.overWeight * Math.max(0, staffed - line.requirement);
  }
  return total;
}

function clock(minutes: number): string {
  const ofDay = minutes % (24 * 60);
  return `${String(Math.floor(ofDay / 60)).padStart(2, '0')}:${String(ofDay % 60).padStart(2, '0')}`;
}

function dateAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
