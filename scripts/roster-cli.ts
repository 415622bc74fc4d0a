/**
 * `npm run roster -- <command>`: the roster optimiser on scenario files, outside the app.
 * scripts/roster.mjs bundles this file with esbuild and calls `main`.
 *
 *   solve <scenario.json> [--out roster.json] [--time-limit s] [--engine e] [--en]
 *   check <scenario.json> <roster.json> [--en]
 *   nrp <instance.txt> [--time-limit s] [--engine e]
 *   schema          regenerate docs/roster-scenario.schema.json and docs/roster.schema.json
 *
 * Exit codes: 0 done; 1 the roster breaks a hard rule (after a solve that is a bug in the model);
 * 2 bad command line or bad input file (every problem is listed, nothing is solved); 3 no roster
 * can keep every hard rule (the people whose own limits clash are named).
 * Progress and reports go to stderr, so `solve` without --out can pipe the roster from stdout.
 *
 * Engines (--engine auto|highs|javascript-lp-solver): `solve` picks by the model's size, except
 * that a time limit means HiGHS, the engine that honours one; `nrp` uses HiGHS, since the benchmark
 * instances are beyond what javascript-lp-solver finishes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadHighsEngine } from '../solver/lp/highs.ts';
import { checkRoster } from '../solver/roster/check.ts';
import { hallSummary } from '../solver/roster/hall-summary.ts';
import { nrpObjective, nrpScenario, parseNrp, type NrpInstance } from '../solver/roster/nrp.ts';
import { explainGaps } from '../solver/roster/reasons.ts';
import { rosterJsonSchema, scenarioJsonSchema, validateRoster, validateScenario } from '../solver/roster/scenario.ts';
import { RosterBugError, RosterInfeasibleError, solveRoster } from '../solver/roster/solve.ts';
import type { Assignment, CheckReport, Gap, HallSummary, Roster, Scenario, ScenarioProblem, SolveProgress } from '../solver/roster/types.ts';

export const EXIT = { ok: 0, breaches: 1, badInput: 2, noRoster: 3 } as const;

export const SCHEMA_FILES = { scenario: 'docs/roster-scenario.schema.json', roster: 'docs/roster.schema.json' } as const;

const USAGE = `usage: npm run roster -- <command>
  solve <scenario.json> [--out roster.json] [--time-limit s] [--engine auto|highs|javascript-lp-solver] [--en]
  check <scenario.json> <roster.json> [--en]
  nrp <instance.txt> [--time-limit s] [--engine auto|highs|javascript-lp-solver]
  schema`;

const ENGINES = ['auto', 'highs', 'javascript-lp-solver'] as const;
export type EngineChoice = (typeof ENGINES)[number];

export type Command =
  | { name: 'solve'; scenario: string; out: string | null; timeLimit: number | null; engine: EngineChoice; english: boolean }
  | { name: 'check'; scenario: string; roster: string; english: boolean }
  | { name: 'nrp'; file: string; timeLimit: number | null; engine: EngineChoice }
  | { name: 'schema' };

/** The command line read strictly: an unknown option or a missing file is an error, not a guess. */
export function parseCommand(argv: string[]): Command | { error: string } {
  const [name, ...rest] = argv;
  const files: string[] = [];
  const options: { out: string | null; timeLimit: number | null; engine: EngineChoice | null; english: boolean } = { out: null, timeLimit: null, engine: null, english: false };
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index]!;
    if (arg === '--en') options.english = true;
    else if (arg === '--out' || arg === '--time-limit' || arg === '--engine') {
      const value = rest[(index += 1)];
      if (value === undefined) return { error: `${arg} needs a value` };
      const problem = setOption(options, arg, value);
      if (problem) return { error: problem };
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  const wants = (count: number) => (files.length === count ? null : { error: `${name} takes ${count} file${count === 1 ? '' : 's'}, got ${files.length}` });
  switch (name) {
    case 'solve': {
      // Only HiGHS honours a time limit; javascript-lp-solver's timeout is not a hard one.
      const engine = options.engine ?? (options.timeLimit === null ? 'auto' : 'highs');
      return wants(1) ?? { name, scenario: files[0]!, out: options.out, timeLimit: options.timeLimit, engine, english: options.english };
    }
    case 'check':
      return wants(2) ?? { name, scenario: files[0]!, roster: files[1]!, english: options.english };
    case 'nrp':
      return wants(1) ?? { name, file: files[0]!, timeLimit: options.timeLimit, engine: options.engine ?? 'highs' };
    case 'schema':
      return wants(0) ?? { name };
    default:
      return { error: name === undefined ? 'no command given' : `unknown command "${name}"` };
  }
}

function setOption(options: { out: string | null; timeLimit: number | null; engine: EngineChoice | null }, flag: string, value: string): string | null {
  if (flag === '--out') options.out = value;
  else if (flag === '--time-limit') {
    if (!(Number(value) > 0)) return `--time-limit needs a number of seconds above 0, not "${value}"`;
    options.timeLimit = Number(value);
  } else {
    const engine = ENGINES.find((name) => name === value);
    if (!engine) return `--engine is one of ${ENGINES.join(', ')}, not "${value}"`;
    options.engine = engine;
  }
  return null;
}

export async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  if ('error' in command) {
    process.stderr.write(`${command.error}\n${USAGE}\n`);
    return EXIT.badInput;
  }
  switch (command.name) {
    case 'solve':
      return solveCommand(command);
    case 'check':
      return checkCommand(command);
    case 'nrp':
      return nrpCommand(command);
    case 'schema':
      return schemaCommand();
  }
}

// ---- Reading files -----------------------------------------------------------------------------

class BadInput extends Error {
  constructor(
    readonly file: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(`${file}: ${problems.length} problem(s)`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new BadInput(file, [{ path: '(file)', message: `cannot read: ${(error as Error).message}` }]);
  }
}

function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInput(file, [{ path: '(file)', message: `not JSON: ${(error as Error).message}` }]);
  }
}

function readScenario(file: string): Scenario {
  const result = validateScenario(readJson(file));
  if (!result.ok) throw new BadInput(file, result.problems);
  return result.scenario;
}

function readRoster(file: string, scenario: Scenario): Assignment[] {
  const result = validateRoster(readJson(file), scenario);
  if (!result.ok) throw new BadInput(file, result.problems);
  return result.roster.assignments;
}

/** Runs a command body; bad input is listed problem by problem and ends in exit code 2. */
async function guarded(body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RosterInfeasibleError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.noRoster;
    }
    if (error instanceof RosterBugError) {
      printBreaches({ breaches: error.breaches });
      return EXIT.breaches;
    }
    if (!(error instanceof BadInput)) throw error;
    const lines = error.problems.map((problem) => `  ${problem.path}: ${problem.message}`);
    process.stderr.write(`${error.file}: ${error.problems.length} ${error.problems.length === 1 ? 'problem' : 'problems'}, nothing solved or checked:\n${lines.join('\n')}\n`);
    return EXIT.badInput;
  }
}

// ---- Commands ------------------------------------------------------------------------------------

function solveCommand(command: Extract<Command, { name: 'solve' }>): Promise<number> {
  return guarded(async () => {
    const scenario = readScenario(command.scenario);
    const roster = await solveWithProgress(scenario, command);
    const json = `${JSON.stringify(roster, null, 2)}\n`;
    if (command.out === null) process.stdout.write(json);
    else writeFileSync(command.out, json);
    process.stderr.write(`${statsLine(roster)}\n`);
    return reportCheck(scenario, roster.assignments, command.english, roster.unmet);
  });
}

function checkCommand(command: Extract<Command, { name: 'check' }>): Promise<number> {
  return guarded(() => {
    const scenario = readScenario(command.scenario);
    const assignments = readRoster(command.roster, scenario);
    return reportCheck(scenario, assignments, command.english, explainGaps(scenario, assignments));
  });
}

function nrpCommand(command: Extract<Command, { name: 'nrp' }>): Promise<number> {
  return guarded(async () => {
    const instance = readNrpFile(command.file);
    const scenario = nrpScenario(instance);
    const roster = await solveWithProgress(scenario, command);
    const report = checkRoster(scenario, roster.assignments);
    // The benchmark's own terms, computed from the file alone, and the checker's total beside it.
    const objective = nrpObjective(instance, roster.assignments);
    process.stdout.write(`objective ${formatNumber(objective)} (benchmark terms; checker total ${formatNumber(report.soft.penalties.total)})\n`);
    process.stdout.write(`${statsLine(roster)}\n\n${staffDayTable(scenario, roster.assignments)}\n`);
    printBreaches(report);
    return report.breaches.length > 0 ? EXIT.breaches : EXIT.ok;
  });
}

function readNrpFile(file: string): NrpInstance {
  const text = readText(file);
  try {
    return parseNrp(text);
  } catch (error) {
    // NrpFormatError's message starts with the line it was found on.
    throw new BadInput(file, [{ path: '(file)', message: (error as Error).message }]);
  }
}

function schemaCommand(): number {
  writeFileSync(SCHEMA_FILES.scenario, schemaText(scenarioJsonSchema()));
  writeFileSync(SCHEMA_FILES.roster, schemaText(rosterJsonSchema()));
  process.stderr.write(`wrote ${SCHEMA_FILES.scenario} and ${SCHEMA_FILES.roster}\n`);
  return EXIT.ok;
}

/** The committed form of a JSON Schema; a unit test compares the files in docs/ against it. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// ---- Solving ------------------------------------------------------------------------------------

async function solveWithProgress(scenario: Scenario, { timeLimit, engine }: { timeLimit: number | null; engine: EngineChoice }): Promise<Roster> {
  const highs = await loadHighsEngine();
  return solveRoster(scenario, {
    highs,
    engine,
    ...(timeLimit === null ? {} : { timeLimitSeconds: timeLimit }),
    onProgress: progressPrinter(),
  });
}

/** Prints a phase change, a better objective or bound, and otherwise a line every 5 s at most. */
function progressPrinter(): (progress: SolveProgress) => void {
  let last: { line: string; figures: string; seconds: number } | null = null;
  return (progress) => {
    const line = progressLine(progress);
    const figures = `${progress.phase} ${progress.objective} ${progress.bound}`;
    if (last && last.figures === figures && progress.seconds - last.seconds < 5) return;
    last = { line, figures, seconds: progress.seconds };
    process.stderr.write(`${line}\n`);
  };
}

function progressLine(progress: SolveProgress): string {
  const figures = [
    progress.objective === undefined ? '' : ` objective ${formatNumber(progress.objective)}`,
    progress.bound === undefined ? '' : ` bound ${formatNumber(progress.bound)}`,
    progress.gap === undefined ? '' : ` gap ${(progress.gap * 100).toFixed(2)}%`,
  ];
  return `[${progress.seconds.toFixed(1)} s] ${progress.phase}${figures.join('')}`;
}

function statsLine(roster: Roster): string {
  const { stats } = roster;
  return `${stats.status} by ${stats.engine} in ${stats.seconds.toFixed(2)} s: objective ${formatNumber(stats.objective)}, bound ${formatNumber(stats.bound)}, gap ${(stats.gap * 100).toFixed(2)}%, ${roster.assignments.length} assignments, ${roster.unmet.length} short slots`;
}

// ---- Reports -----------------------------------------------------------------------------------

/** Breaches, soft totals and short slots to stderr; exit code 1 when any hard rule is broken. */
function reportCheck(scenario: Scenario, assignments: Assignment[], english: boolean, gaps: Gap[]): number {
  const report = checkRoster(scenario, assignments);
  printBreaches(report);
  if (scenario.presence !== undefined || scenario.windows !== undefined) process.stderr.write(`${hallLines(hallSummary(scenario, assignments), english).join('\n')}\n`);
  process.stderr.write(`${softLines(report).join('\n')}\n`);
  if (gaps.length > 0) {
    const lines = gaps.map((gap) => `  ${english ? gap.reasonEn : gap.reason}`);
    process.stderr.write(`short slots (${gaps.length}):\n${lines.join('\n')}\n`);
  }
  return report.breaches.length > 0 ? EXIT.breaches : EXIT.ok;
}

function printBreaches(report: Pick<CheckReport, 'breaches'>): void {
  if (report.breaches.length === 0) {
    process.stderr.write('hard rules: all kept\n');
    return;
  }
  const lines = report.breaches.map((breach) => {
    const where = [breach.staff, breach.date, breach.shift, breach.post].filter((part) => part !== undefined).join(' ');
    return `  ${breach.rule}${where ? ` [${where}]` : ''}: ${breach.message}`;
  });
  process.stderr.write(`hard rules: ${report.breaches.length} ${report.breaches.length === 1 ? 'breach' : 'breaches'}\n${lines.join('\n')}\n`);
}

/** The hall's projection: on-duty rate per zone and centre, windows seated, moves, lieu owed. */
export function hallLines(summary: HallSummary, english: boolean): string[] {
  const rate = (line: HallSummary['onDuty'][number]) =>
    `${line.zone === '*' ? (english ? 'centre' : '全中心') : `${english ? 'zone' : '区域'} ${line.zone}`} ${line.ratePercent === null ? '—' : `${line.ratePercent.toFixed(1)}%`} (${line.staffedPostDays}/${line.contractedPostDays})${line.met ? '' : english ? ' below target' : ' 未达标'}`;
  const open = summary.windowsOpen.reduce((sum, line) => sum + line.open, 0);
  const seated = summary.windowsOpen.reduce((sum, line) => sum + line.seated, 0);
  const lieu = Object.values(summary.lieuOwed).reduce((sum, minutes) => sum + minutes, 0);
  return [
    `projected on-duty rate (target ${summary.targetPercent}%): ${summary.onDuty.map(rate).join('; ')}`,
    `window-shifts seated: ${seated} of ${open} open`,
    `cross-zone duties: ${summary.moves.length}${summary.moves.slice(0, 5).map((move) => `\n  ${move.staff} ${move.date} ${move.shift}: ${english ? move.reasonEn : move.reason}`).join('')}`,
    `time off in lieu owed: ${(lieu / 60).toFixed(1)} h to ${Object.keys(summary.lieuOwed).length} people`,
  ];
}

export function softLines(report: CheckReport): string[] {
  const { soft } = report;
  const penalties = Object.entries(soft.penalties)
    .filter(([key]) => key !== 'total')
    .map(([key, value]) => `${key} ${formatNumber(value)}`)
    .join(', ');
  return [
    `unmet staff-shifts: ${soft.unmetStaffShifts}`,
    `staff-shifts above demand: ${soft.overStaffShifts}`,
    `shifts without a backup: ${soft.slotsWithoutBackup} of ${soft.slotsWithDemand} post-shifts with demand`,
    `N-1 resilience share: ${(soft.resilienceShare * 100).toFixed(1)}%`,
    `labour cost: ${soft.cost.toFixed(2)} yuan`,
    `requests not granted: ${soft.requestsBroken}`,
    `assignments away from home posts: ${soft.offHomeAssignments}`,
    `shifts an A person works away from their window: ${soft.offSeatShifts}`,
    `duties at another zone's post: ${soft.crossZoneDuties}`,
    `penalties: ${penalties}; total ${formatNumber(soft.penalties.total)}`,
  ];
}

/** Staff down, days across; a cell is the shift worked that day ("." for none, "+" joins two). */
export function staffDayTable(scenario: Scenario, assignments: Assignment[]): string {
  const first = Date.parse(`${scenario.start}T00:00:00Z`);
  const dates = Array.from({ length: scenario.days }, (_, index) => new Date(first + index * 86_400_000).toISOString().slice(0, 10));
  const cells = new Map<string, string[]>();
  for (const assignment of assignments) {
    const key = `${assignment.staff}|${assignment.date}`;
    cells.set(key, [...(cells.get(key) ?? []), assignment.shift]);
  }
  const rows = scenario.staff.map((person) => [person.id, ...dates.map((date) => cells.get(`${person.id}|${date}`)?.join('+') ?? '.')]);
  const header = ['staff', ...dates.map((_, index) => String(index))];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join(' ').trimEnd()).join('\n');
}

function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : String(value);
}
