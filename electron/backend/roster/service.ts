/**
 * Rosters as the UI sees them, and the rules of their life: a draft is saved whole with the
 * scenario it answers; publishing never replaces a published roster unless the caller says so;
 * only a draft may be discarded; an imported roster must keep every hard rule before it is saved.
 */
import { AppFailure, type FieldErrors } from '../../contract/errors.ts';
import type { FilePayload } from '../../contract/model.ts';
import type { RosterGapView, RosterReplacement, RosterSummary, RosterView } from '../../contract/areas/roster.ts';
import type { Queryable } from '../../../data/connection.ts';
import {
  getRoster,
  getRosterScenario,
  insertDraftRoster,
  listCoverReplaced,
  type CoverReplacementRecord,
  listRosterAssignments,
  type RosterAssignmentRecord,
  type RosterGapRecord,
  type RosterRecord,
  type RosterSourceRecord,
  type RosterStatsRecord,
} from '../../../data/repositories/roster.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { explainGaps } from '../../../solver/roster/reasons.ts';
import { hallSummary } from '../../../solver/roster/hall-summary.ts';
import { validateRoster } from '../../../solver/roster/scenario.ts';
import type { Assignment, Gap, Scenario, ScenarioProblem, SoftTotals } from '../../../solver/roster/types.ts';
import { loadCalendar } from '../calendar-service.ts';
import { coverageOf } from './coverage.ts';
import type { SolvedRoster } from './jobs.ts';
import { lastDateOf, type RosterPeriod } from './scenario-mapping.ts';

export function summaryOf(record: RosterRecord): RosterSummary {
  const { stats } = record;
  return {
    id: record.id,
    from: record.from,
    to: record.to,
    zoneIds: record.zoneIds,
    status: record.status,
    createdAt: record.createdAt,
    publishedAt: record.publishedAt,
    source: record.source,
    engine: stats.engine,
    solveStatus: stats.status,
    seconds: stats.seconds,
    objective: stats.objective,
    bound: stats.bound,
    gap: stats.gap,
    unmetStaffShifts: stats.unmet,
    resilienceShare: stats.resilience,
  };
}

export async function requireRoster(db: Queryable, rosterId: number): Promise<RosterRecord> {
  const record = await getRoster(db, rosterId);
  if (!record) throw new AppFailure('not_found', `No roster with id ${rosterId}`, { rosterId: 'invalid_value' });
  return record;
}

/** The solver's roster in the database's terms: numeric ids back from the scenario's strings. */
export function assignmentRecordsOf(assignments: readonly Assignment[]): RosterAssignmentRecord[] {
  return assignments.map((a) => ({ staffId: Number(a.staff), date: a.date, shiftCode: a.shift, postId: Number(a.post), learner: a.learner === true, windowId: a.window === undefined ? null : Number(a.window) }));
}

export function gapRecordsOf(gaps: readonly Gap[]): RosterGapRecord[] {
  return gaps.map((gap) => ({ date: gap.date, shiftCode: gap.shift, postId: Number(gap.post), missing: gap.missing, reasonZh: gap.reason, reasonEn: gap.reasonEn }));
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function solvedStatsOf({ roster, soft }: SolvedRoster): RosterStatsRecord {
  const { stats } = roster;
  return {
    engine: stats.engine,
    status: stats.status,
    seconds: stats.seconds,
    objective: finiteOrNull(stats.objective),
    bound: finiteOrNull(stats.bound),
    gap: finiteOrNull(stats.gap),
    unmet: soft.unmetStaffShifts,
    resilience: soft.resilienceShare,
  };
}

function importedStatsOf(soft: SoftTotals): RosterStatsRecord {
  return { engine: null, status: null, seconds: null, objective: soft.penalties.total, bound: null, gap: null, unmet: soft.unmetStaffShifts, resilience: soft.resilienceShare };
}

export interface DraftToSave {
  period: RosterPeriod;
  scenario: Scenario;
  source: RosterSourceRecord;
  createdAt: string;
  stats: RosterStatsRecord;
  gaps: readonly Gap[];
  assignments: readonly Assignment[];
}

/** Run inside a transaction. */
export function saveDraft(tx: Queryable, draft: DraftToSave): Promise<number> {
  return insertDraftRoster(tx, {
    from: draft.period.from,
    to: lastDateOf(draft.period),
    zoneIds: draft.period.zoneIds,
    source: draft.source,
    createdAt: draft.createdAt,
    stats: draft.stats,
    gaps: gapRecordsOf(draft.gaps),
    scenario: draft.scenario,
    assignments: assignmentRecordsOf(draft.assignments),
  });
}

export function solvedDraft(period: RosterPeriod, scenario: Scenario, solved: SolvedRoster, createdAt: string): DraftToSave {
  return { period, scenario, source: 'solver', createdAt, stats: solvedStatsOf(solved), gaps: solved.roster.unmet, assignments: solved.roster.assignments };
}

/** A draft with its coverage per slot, its gaps, and the published rosters publishing it would supersede. */
export async function rosterView(db: Queryable, rosterId: number): Promise<RosterView> {
  const record = await requireRoster(db, rosterId);
  const assignments = await listRosterAssignments(db, rosterId);
  // Written by this backend from a validated scenario, never by a user: read back as it was saved.
  const scenario = (await getRosterScenario(db, rosterId)) as Scenario;
  const solverAssignments: Assignment[] = assignments.map((a) => ({ staff: String(a.staffId), date: a.date, shift: a.shiftCode, post: String(a.postId), learner: a.learner, ...(a.windowId === null ? {} : { window: String(a.windowId) }) }));
  const replaces = record.status === 'draft' ? await listCoverReplaced(db, record, record.id) : [];
  return {
    summary: summaryOf(record),
    assignments,
    coverage: coverageOf(scenario, solverAssignments),
    gaps: record.gaps.map((gap): RosterGapView => ({ ...gap })),
    replaces: replaces.map(replacementOf),
    hall: scenario.presence !== undefined || scenario.windows !== undefined ? hallSummary(scenario, solverAssignments) : null,
    // Live, not stored: once the notice is confirmed the roster stops being provisional.
    provisionalYears: (await loadCalendar(db, record.from, record.to)).unconfirmedYears.sort((a, b) => a - b),
  };
}

export function replacementOf(part: CoverReplacementRecord): RosterReplacement {
  return { roster: summaryOf(part.roster), zoneIds: part.zoneIds, from: part.from, to: part.to, whole: part.whole };
}

/** Publishing over a published roster needs the caller's word: say which ones, which days, and what to do. */
export function publishConflict(replaced: readonly CoverReplacementRecord[]): AppFailure {
  const listed = replaced.map((part) => `#${part.roster.id} ${part.from}–${part.to}`).join('、');
  return new AppFailure(
    'conflict',
    `该草稿与已发布的排班 ${listed} 在日期和区域上重叠；确认替换后才能发布。 / This draft overlaps published roster(s) ${listed} in dates and zones; confirm replacing them to publish.`,
  );
}

export function scenarioFile(scenario: Scenario, from: string): FilePayload {
  return {
    fileName: `排班场景-${from}.json`,
    mimeType: 'application/json',
    base64: Buffer.from(`${JSON.stringify(scenario, null, 2)}\n`, 'utf8').toString('base64'),
  };
}

/** Problems listed in full, each with its path in the file: the user fixes the file once, not once per try. */
function fileProblems(fileName: string, problems: readonly ScenarioProblem[]): AppFailure {
  const fields: FieldErrors = {};
  for (const problem of problems) fields[problem.path] ??= 'invalid_value';
  const listed = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  return new AppFailure('invalid_argument', `${fileName} 未导入，有 ${problems.length} 处问题。 / ${fileName} was not imported: ${problems.length} problem(s): ${listed}`, fields);
}

export function parseRosterFile(fileName: string, base64: string): unknown {
  const text = Buffer.from(base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fileProblems(fileName, [{ path: '', message: `not a JSON file (${error instanceof Error ? error.message : String(error)})` }]);
  }
}

/**
 * A roster file checked against the scenario of its period: malformed or naming what the scenario
 * does not know → every problem with its path; any hard rule broken → every breach. Else a draft.
 */
export function importedDraft(fileName: string, content: unknown, period: RosterPeriod, scenario: Scenario, createdAt: string): DraftToSave {
  const parsed = validateRoster(content, scenario);
  if (!parsed.ok) throw fileProblems(fileName, parsed.problems);
  const assignments = parsed.roster.assignments;
  const report = checkRoster(scenario, assignments);
  if (report.breaches.length > 0) {
    throw fileProblems(
      fileName,
      report.breaches.map((breach) => ({ path: breachPath(breach, assignments), message: `${breach.rule}: ${breach.message}` })),
    );
  }
  return { period, scenario, source: 'import', createdAt, stats: importedStatsOf(report.soft), gaps: explainGaps(scenario, assignments), assignments };
}

/** Points a breach at the first assignment it names, so the user finds the line in the file. */
function breachPath(breach: { staff?: string; date?: string; shift?: string; post?: string }, assignments: readonly Assignment[]): string {
  const index = assignments.findIndex(
    (a) =>
      (breach.staff === undefined || a.staff === breach.staff) &&
      (breach.date === undefined || a.date === breach.date) &&
      (breach.shift === undefined || a.shift === breach.shift) &&
      (breach.post === undefined || a.post === breach.post),
  );
  if (index >= 0 && (breach.staff !== undefined || breach.date !== undefined)) return `assignments[${index}]`;
  return breach.staff !== undefined ? `staff ${breach.staff}` : 'assignments';
}
