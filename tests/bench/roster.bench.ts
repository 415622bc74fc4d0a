/**
 * Figures for the README and docs/bench/roster.md: the roster optimiser on generated service halls
 * (tests/support/roster-centre.ts) of 20 to 300 staff over a week and 100 staff over four weeks, and
 * on the three Curtois & Qu instances of tests/fixtures/nrp against their proven optima. A script
 * that prints numbers and writes the results file, never a timed assertion (machines differ); the
 * issue's targets are read against the figures in the file.
 *
 * Each case runs in a fresh child process (this same bundled file, told which case by an
 * environment variable), so its peak memory is that child's own maxRSS and a case that hangs past
 * its time limit is killed instead of stalling the bench. `node scripts/roster-bench.mjs` runs this
 * bench alone; ROSTER_BENCH_ONLY=<regex> picks cases by label, ROSTER_BENCH_TIME_LIMIT sets the
 * seconds given to the optimiser (default 60).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCentre } from '../support/roster-centre.ts';
import { solveRoster } from '../../solver/roster/solve.ts';
import { readNrp } from '../../solver/roster/nrp.ts';
import { checkRoster } from '../../solver/roster/check.ts';
import { loadHighsEngine } from '../../solver/lp/highs.ts';
import { chooseEngine } from '../../solver/lp/engines.ts';
import type { Engine } from '../../solver/lp/types.ts';
import { buildRosterModel } from '../../solver/roster/model.ts';
import { prepareScenario } from '../../solver/roster/prepare.ts';
import type { Scenario } from '../../solver/roster/types.ts';

const CASE_ENV = 'ROSTER_BENCH_CASE';
const TIME_LIMIT = Number(process.env.ROSTER_BENCH_TIME_LIMIT ?? 60);
/** Past the optimiser's own limit, the child gets this long to build, check and report before it is killed. */
const GRACE_SECONDS = 120;
const SEED = 2026;
const NRP_DIR = resolve('tests/fixtures/nrp');
const RESULTS_FILE = resolve('docs/bench/roster.md');

type Target = 'optimal-5s' | 'gap1-60s' | null;

interface CentreCase {
  kind: 'centre';
  label: string;
  staff: number;
  days: number;
  shiftsPerDay: 2 | 3;
  /** Relative gap the optimiser may stop at; absent = the engine's default (proven optimal). */
  relativeGap?: number;
  /** Absent = the size rule picks ('auto'), as the app does. */
  engine?: 'highs';
  target: Target;
}

interface NrpCase {
  kind: 'nrp';
  label: string;
  file: string;
  optimum: number;
  /** Always HiGHS: the size rule would give these small instances to javascript-lp-solver. */
  engine: 'highs';
}

type BenchCase = CentreCase | NrpCase;

/** The case's size and engine, sent before the search so a case that is killed still shows them. */
interface ModelInfo {
  staff: number;
  days: number;
  shifts: number;
  posts: number;
  demandStaffShifts: number;
  variables: number;
  constraints: number;
  engine: string;
}

interface CaseResult extends ModelInfo {
  status: string;
  /** The whole solveRoster call: build, solve, check, explain. */
  seconds: number;
  /** Where the time went, from solveRoster's progress phases: building the model, the engine's search, checking and gap reasons. */
  phases: { build: number; search: number; after: number };
  peakMb: number;
  objective: number;
  bound: number;
  gap: number;
  unmet: number;
  resilience: number;
  breaches: number;
  /** The checker's total of the penalties; equals `objective` when model and checker agree. */
  checkerTotal: number;
}

interface Outcome {
  bench: BenchCase;
  model: ModelInfo | null;
  result: CaseResult | null;
  /** Why there is no result: killed at the time limit, crashed, … */
  failure?: string;
  wallSeconds: number;
}

const CASES: BenchCase[] = [
  { kind: 'centre', label: '20 staff, week, 2 shifts', staff: 20, days: 7, shiftsPerDay: 2, target: null },
  { kind: 'centre', label: '100 staff, week, 2 shifts', staff: 100, days: 7, shiftsPerDay: 2, target: 'optimal-5s' },
  { kind: 'centre', label: '100 staff, week, 3 shifts', staff: 100, days: 7, shiftsPerDay: 3, target: 'optimal-5s' },
  { kind: 'centre', label: '200 staff, week, 3 shifts', staff: 200, days: 7, shiftsPerDay: 3, relativeGap: 0.01, target: null },
  { kind: 'centre', label: '300 staff, week, 2 shifts', staff: 300, days: 7, shiftsPerDay: 2, relativeGap: 0.01, target: 'gap1-60s' },
  { kind: 'centre', label: '300 staff, week, 3 shifts', staff: 300, days: 7, shiftsPerDay: 3, relativeGap: 0.01, target: 'gap1-60s' },
  { kind: 'centre', label: '100 staff, 4 weeks, 2 shifts', staff: 100, days: 28, shiftsPerDay: 2, relativeGap: 0.01, target: 'gap1-60s' },
  { kind: 'nrp', label: 'NRP Instance1', file: 'Instance1.txt', optimum: 607, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance2', file: 'Instance2.txt', optimum: 828, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance3', file: 'Instance3.txt', optimum: 1001, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance4', file: 'Instance4.txt', optimum: 1716, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance5', file: 'Instance5.txt', optimum: 1143, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance6', file: 'Instance6.txt', optimum: 1950, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance7', file: 'Instance7.txt', optimum: 1056, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance8', file: 'Instance8.txt', optimum: 1300, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance9', file: 'Instance9.txt', optimum: 439, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance10', file: 'Instance10.txt', optimum: 4631, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance11', file: 'Instance11.txt', optimum: 3443, engine: 'highs' },
  { kind: 'nrp', label: 'NRP Instance12', file: 'Instance12.txt', optimum: 4040, engine: 'highs' },
];

const MEMORY_TARGET_MB = 1024;
/** Issue #16: every public instance of the family within 2 GB, and within 5% of its best known value at 60 s. */
const NRP_MEMORY_TARGET_MB = 2048;
const NRP_GAP_TARGET = 0.05;

/** (objective − best known) ÷ best known. */
const gapToBest = (objective: number, best: number) => (Math.round(objective * 1e6) / 1e6 - best) / best;

// ---------------------------------------------------------------------------------------------
// The child: one case, its figures sent back over the IPC channel.

async function runCase(bench: BenchCase): Promise<CaseResult> {
  const scenario: Scenario = bench.kind === 'centre'
    ? generateCentre({ staff: bench.staff, days: bench.days, shiftsPerDay: bench.shiftsPerDay, seed: SEED })
    : readNrp(readFileSync(resolve(NRP_DIR, bench.file), 'utf8'));
  const highs = await loadHighsEngine();
  sendModelInfo(scenario, highs, bench.engine);
  const started = performance.now();
  const phaseStart = new Map<string, number>();
  const roster = solveRoster(scenario, {
    highs,
    onProgress: (progress) => {
      if (!phaseStart.has(progress.phase)) phaseStart.set(progress.phase, performance.now());
    },
    timeLimitSeconds: TIME_LIMIT,
    ...(bench.kind === 'centre' && bench.relativeGap !== undefined ? { relativeGap: bench.relativeGap } : {}),
    ...(bench.engine ? { engine: bench.engine } : {}),
  });
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const at = (phase: string, fallback: number) => phaseStart.get(phase) ?? fallback;
  const searchFrom = at('solving', started);
  const checkFrom = at('checking', ended);
  const report = checkRoster(scenario, roster.assignments);
  return {
    staff: scenario.staff.length,
    days: scenario.days,
    shifts: scenario.shifts.length,
    posts: scenario.posts.length,
    demandStaffShifts: scenario.demand.reduce((sum, line) => sum + line.required, 0),
    variables: roster.stats.variables,
    constraints: roster.stats.constraints,
    engine: roster.stats.engine,
    status: roster.stats.status,
    seconds,
    phases: { build: (searchFrom - started) / 1000, search: (checkFrom - searchFrom) / 1000, after: (ended - checkFrom) / 1000 },
    peakMb: process.resourceUsage().maxRSS / 1024,
    objective: roster.stats.objective,
    bound: roster.stats.bound,
    gap: roster.stats.gap,
    unmet: report.soft.unmetStaffShifts,
    resilience: report.soft.resilienceShare,
    breaches: report.breaches.length,
    checkerTotal: report.soft.penalties.total,
  };
}

/** The model solveRoster will build, built once ahead (outside the timing) to tell the parent its size and engine. */
function sendModelInfo(scenario: Scenario, highs: Engine, engine: 'highs' | undefined): void {
  const program = buildRosterModel(prepareScenario(scenario)).program;
  const info: ModelInfo = {
    staff: scenario.staff.length,
    days: scenario.days,
    shifts: scenario.shifts.length,
    posts: scenario.posts.length,
    demandStaffShifts: scenario.demand.reduce((sum, line) => sum + line.required, 0),
    variables: program.variables.length,
    constraints: program.constraints.length,
    engine: engine ?? chooseEngine(program, highs).name,
  };
  process.send?.({ model: info });
}

async function child(raw: string): Promise<void> {
  const bench = JSON.parse(raw) as BenchCase;
  let message: { ok: true; result: CaseResult } | { ok: false; error: string };
  try {
    message = { ok: true, result: await runCase(bench) };
  } catch (error) {
    message = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send?.(message, () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// The parent: every case in turn, each in its own process, then the table and the results file.

function runChild(bench: BenchCase): Promise<Outcome> {
  const self = fileURLToPath(import.meta.url);
  const started = performance.now();
  return new Promise((done) => {
    const proc = spawn(process.execPath, [self], {
      env: { ...process.env, [CASE_ENV]: JSON.stringify(bench) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let result: CaseResult | null = null;
    let model: ModelInfo | null = null;
    let failure: string | undefined;
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    proc.on('message', (message: { ok?: boolean; model?: ModelInfo; result?: CaseResult; error?: string }) => {
      if (message.model) model = message.model;
      else if (message.ok && message.result) result = message.result;
      else failure = `error: ${message.error?.split('\n')[0] ?? 'unknown'}`;
    });
    const killAfter = (TIME_LIMIT + GRACE_SECONDS) * 1000;
    const timer = setTimeout(() => {
      failure = `killed after ${killAfter / 1000} s`;
      proc.kill('SIGKILL');
    }, killAfter);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!result && !failure) failure = `exited (${signal ?? code})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
      done({ bench, model, result, ...(failure !== undefined ? { failure } : {}), wallSeconds: (performance.now() - started) / 1000 });
    });
  });
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(2)}%` : String(value));

/** Whether the issue's target for this case is met, in words. */
function verdict(outcome: Outcome): string {
  const { bench, result } = outcome;
  if (!result) return `✘ ${outcome.failure ?? 'no result'}`;
  const memoryTarget = bench.kind === 'nrp' ? NRP_MEMORY_TARGET_MB : MEMORY_TARGET_MB;
  const checks: [boolean, string][] = [[result.peakMb <= memoryTarget, `≤ ${memoryTarget} MB`]];
  if (result.breaches > 0) checks.push([false, `${result.breaches} hard-rule breaches`]);
  if (bench.kind === 'nrp') checks.push([gapToBest(result.objective, bench.optimum) <= NRP_GAP_TARGET, `within ${NRP_GAP_TARGET * 100}% of ${bench.optimum}`]);
  else if (bench.target === 'optimal-5s') checks.push([result.status === 'optimal', 'proven optimal'], [result.seconds <= 5, '≤ 5 s']);
  else if (bench.target === 'gap1-60s') checks.push([result.gap <= 0.01 && result.status !== 'infeasible', 'gap ≤ 1%'], [result.seconds <= 60, '≤ 60 s']);
  const failed = checks.filter(([ok]) => !ok).map(([, what]) => what);
  const target = checks.map(([, what]) => what).join(', ');
  return failed.length === 0 ? `✔ ${target}` : `✘ not ${failed.join(', ')}`;
}

function printRow(outcome: Outcome): void {
  const { bench, result } = outcome;
  if (!result) {
    const size = outcome.model ? `${outcome.model.variables} vars ${outcome.model.constraints} rows, ${outcome.model.engine}: ` : '';
    console.log(`${bench.label.padEnd(30)} ${size}${verdict(outcome)} (${outcome.wallSeconds.toFixed(1)} s)`);
    return;
  }
  const size = `${result.staff} staff ${result.days} d ${result.shifts} sh, ${result.variables} vars ${result.constraints} rows`;
  const { build, search, after } = result.phases;
  const solve = `${result.engine} ${result.status} ${result.seconds.toFixed(2)} s (${build.toFixed(1)} + ${search.toFixed(1)} + ${after.toFixed(1)}) ${result.peakMb.toFixed(0)} MB`;
  const quality = bench.kind === 'nrp'
    ? `objective ${fixed(result.objective, 0)} vs best known ${bench.optimum} (${percent(gapToBest(result.objective, bench.optimum))}), bound ${fixed(result.bound, 1)}`
    : `objective ${fixed(result.objective, 1)} bound ${fixed(result.bound, 1)} gap ${percent(result.gap)}, unmet ${result.unmet} of ${result.demandStaffShifts}, resilience ${percent(result.resilience)}`;
  console.log(`${bench.label.padEnd(30)} ${size} | ${solve} | ${quality} | ${verdict(outcome)}`);
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`;
}

/** The commit the figures belong to, and whether solver/ had uncommitted changes at the time. */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'solver'], { encoding: 'utf8' }).trim() !== '';
    return `${head}${dirty ? ' (solver/ with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function writeResults(outcomes: Outcome[], loadBefore: number[], loadAfter: number[]): void {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const centres = outcomes.filter((o) => o.bench.kind === 'centre');
  const nrps = outcomes.filter((o) => o.bench.kind === 'nrp');
  const cell = (o: Outcome, f: (r: CaseResult) => string) => (o.result ? f(o.result) : '—');
  const size = (o: Outcome, f: (r: ModelInfo) => string) => {
    const info = o.result ?? o.model;
    return info ? f(info) : '—';
  };
  const split = (r: CaseResult) => `${r.phases.build.toFixed(1)} + ${r.phases.search.toFixed(1)} + ${r.phases.after.toFixed(1)}`;
  const lines = [
    '# Roster optimiser benchmark',
    '',
    'Written by `npm run bench` (tests/bench/roster.bench.ts; `node scripts/roster-bench.mjs` runs this bench alone).',
    `Generated centres (tests/support/roster-centre.ts, seed ${SEED}) and the Curtois & Qu instances of`,
    `tests/fixtures/nrp, each solved by \`solveRoster\` (HiGHS loaded) with a ${TIME_LIMIT} s time limit in a fresh`,
    'child process; memory is that process\'s peak resident set (maxRSS), seconds the whole `solveRoster`',
    'call, then split as build + search + check and gap reasons (from its progress phases). Unmet and resilience come from the independent',
    'checker (`checkRoster`). Cases that target a 1% gap (and the 200-staff week) are given relativeGap',
    '0.01; the others run to the engine\'s default gap (1e-4, "proven optimal"). The engine is the size',
    'rule\'s choice, as in the app, unless the case says HiGHS (the NRP instances always do). A case still running',
    `${GRACE_SECONDS} s past the time limit is killed and shows as such.`,
    '',
    `- Date: ${date} UTC`,
    `- Machine: ${machine()}`,
    `- Commit: ${revision()}`,
    `- Load average (1 min) before / after: ${loadBefore[0]?.toFixed(2)} / ${loadAfter[0]?.toFixed(2)}` +
      ((loadBefore[0] ?? 0) > 0.5 || (loadAfter[0] ?? 0) > 0.5
        ? ' — the cores were shared with other work during the run, so timings may be contended.'
        : ' — the machine was otherwise idle.'),
    '',
    '## Targets (issue #6)',
    '',
    '100 staff, one week: proven optimal in ≤ 5 s; 300 staff, one week: ≤ 1% gap in ≤ 60 s; 100 staff,',
    'a 4-week month: ≤ 1% gap in ≤ 60 s; memory ≤ 1 GB for every case.',
    '',
    '## Generated centres',
    '',
    '| case | staff | days | shifts | posts | demand (staff-shifts) | variables | constraints | engine | status | seconds | build + search + check | peak MB | objective | bound | gap | unmet staff-shifts | resilience | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...centres.map((o) =>
      `| ${o.bench.label} | ${size(o, (r) => String(r.staff))} | ${size(o, (r) => String(r.days))} | ${size(o, (r) => String(r.shifts))} | ${size(o, (r) => String(r.posts))} | ${size(o, (r) => String(r.demandStaffShifts))} | ${size(o, (r) => String(r.variables))} | ${size(o, (r) => String(r.constraints))} | ${size(o, (r) => r.engine)} | ${cell(o, (r) => r.status)} | ${cell(o, (r) => r.seconds.toFixed(2))} | ${cell(o, split)} | ${cell(o, (r) => r.peakMb.toFixed(0))} | ${cell(o, (r) => fixed(r.objective, 1))} | ${cell(o, (r) => fixed(r.bound, 1))} | ${cell(o, (r) => percent(r.gap))} | ${cell(o, (r) => String(r.unmet))} | ${cell(o, (r) => percent(r.resilience))} | ${verdict(o)} |`),
    '',
    '## External yardstick: Curtois & Qu instances',
    '',
    `Targets (issue #16): a roster with no hard-rule breach within the ${TIME_LIMIT} s limit, within ${NRP_GAP_TARGET * 100}% of the best known value, peak memory ≤ ${NRP_MEMORY_TARGET_MB} MB.`,
    '',
    '| instance | staff | days | shift types | variables | constraints | status | seconds | peak MB | objective | best known (proven optimal) | gap to best known | bound | target |',
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|',
    ...nrps.map((o) => {
      const optimum = o.bench.kind === 'nrp' ? o.bench.optimum : 0;
      return `| ${o.bench.label} | ${size(o, (r) => String(r.staff))} | ${size(o, (r) => String(r.days))} | ${size(o, (r) => String(r.shifts))} | ${size(o, (r) => String(r.variables))} | ${size(o, (r) => String(r.constraints))} | ${cell(o, (r) => r.status)} | ${cell(o, (r) => r.seconds.toFixed(2))} | ${cell(o, (r) => r.peakMb.toFixed(0))} | ${cell(o, (r) => fixed(r.objective, 0))} | ${optimum} | ${cell(o, (r) => percent(gapToBest(r.objective, optimum)))} | ${cell(o, (r) => fixed(r.bound, 1))} | ${verdict(o)} |`;
    }),
    '',
  ];
  const unfinished = outcomes.filter((o) => !o.result);
  if (unfinished.length > 0) {
    const which = unfinished.map((o) => `${o.bench.label} (${o.model ? `${o.model.engine}, ${o.model.variables} variables` : 'no model'}): ${o.failure ?? 'no result'}`);
    const jsLp = unfinished.some((o) => o.model?.engine === 'javascript-lp-solver');
    lines.push(`**Did not finish**: ${which.join('; ')}.${jsLp ? ' javascript-lp-solver has no hard time limit, so only killing its process stops it.' : ''}`, '');
  }
  const breaches = outcomes.filter((o) => (o.result?.breaches ?? 0) > 0);
  if (breaches.length > 0) lines.push(`**Checker breaches** (a model bug): ${breaches.map((o) => `${o.bench.label} ${o.result?.breaches}`).join('; ')}.`, '');
  const mismatched = outcomes.filter((o) => o.result && Math.abs(o.result.checkerTotal - o.result.objective) > 1e-6 * Math.max(1, Math.abs(o.result.objective)));
  if (mismatched.length > 0) lines.push(`**Objective ≠ checker total**: ${mismatched.map((o) => `${o.bench.label} ${fixed(o.result?.objective ?? 0, 2)} vs ${fixed(o.result?.checkerTotal ?? 0, 2)}`).join('; ')}.`, '');
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, lines.join('\n'));
}

async function parent(): Promise<void> {
  const only = process.env.ROSTER_BENCH_ONLY ? new RegExp(process.env.ROSTER_BENCH_ONLY) : null;
  const cases = CASES.filter((c) => (!only || only.test(c.label)) && (c.kind === 'centre' || existsSync(resolve(NRP_DIR, c.file))));
  const loadBefore = loadavg();
  const outcomes: Outcome[] = [];
  for (const bench of cases) {
    const outcome = await runChild(bench);
    printRow(outcome);
    outcomes.push(outcome);
  }
  const loadAfter = loadavg();
  if (only) console.log(`(ROSTER_BENCH_ONLY set: ${RESULTS_FILE} not written)`);
  else {
    writeResults(outcomes, loadBefore, loadAfter);
    console.log(`written to ${RESULTS_FILE}`);
  }
}

const caseJson = process.env[CASE_ENV];
if (caseJson) await child(caseJson);
else await parent();
