/**
 * Same-day repairs and re-optimising from the board. Both start a solve in the shared roster jobs
 * (one at a time, polled with 'roster/solveProgress') on a scenario built by solver/roster/repair.ts
 * from the roster as it stands, and end in a proposal: the moves, the cover before and after, the
 * solve's status. Nothing on the roster changes until the lead applies the proposal, in one step,
 * through applyBoardOps like every other change, so it is checked, logged and audited the same way.
 */
import type { AbsenceKind, BoardCoverageTotals, BoardEditResult, BoardMove } from '../../contract/areas/board.ts';
import type { RosterJob } from '../../contract/areas/roster.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { isoDate, isoDay } from '../../../solver/roster/prepare.ts';
import { keepSeats, mergeKept, reoptimiseScenario, repairScenario, revertBreakingMoves, rosterMoves, type RepairPlan } from '../../../solver/roster/repair.ts';
import type { Assignment, Scenario } from '../../../solver/roster/types.ts';
import { zonesOfPeopleAndPosts } from '../../../data/repositories/board.ts';
import { currentCall } from '../auth/call-context.ts';
import type { BackendContext } from '../context.ts';
import { datesFrom } from '../demand/calendar.ts';
import { todayOf } from '../clock.ts';
import type { RosterJobs, SolvedRoster } from '../roster/jobs.ts';
import { breachKey, cellKey, loadBoardState, withAbsences, type BoardState } from './board-state.ts';
import { namesOf } from './breach-text.ts';
import { applyBoardOps, boardView, refuseUneditable } from './edits.ts';
import { getProposal, insertProposal, markProposalApplied, proposalView, staleReason, type ProposalAbsence } from './proposals.ts';

export interface RepairStart {
  rosterId: number;
  staffId: number;
  date: string;
  /** null: the whole day. */
  shiftCode: string | null;
  kind: AbsenceKind;
  note: string;
  timeLimitSeconds: number;
}

/** The solve that ends in a proposal, and how to turn its answer into one. */
interface ProposalJob {
  kind: 'repair' | 'reoptimise';
  state: BoardState;
  plan: RepairPlan;
  /** The scenario the hall sees: the absence (if any) marked as unavailability. */
  hallScenario: Scenario;
  /** The roster as it would stand if nothing were done (the absent person's duties off). */
  untouched: Assignment[];
  absence: ProposalAbsence | null;
}

export function startRepair(ctx: BackendContext, jobs: RosterJobs, request: RepairStart): Promise<RosterJob> {
  return startProposalJob(ctx, jobs, request.timeLimitSeconds, async (db) => {
    const state = await loadBoardState(db, request.rosterId);
    const absence = { staffId: request.staffId, date: request.date, shiftCode: request.shiftCode, kind: request.kind, note: request.note };
    refuseUneditable(state, { ops: [], absence }, todayOf(ctx.clock));
    const staff = String(request.staffId);
    const absent = (duty: Assignment) => duty.staff === staff && duty.date === request.date && (request.shiftCode === null || duty.shift === request.shiftCode);
    const within = await leadRestriction(db, state, [request.date]);
    const plan = repairScenario(within.scenario, state.assignments, {
      absence: { staff, date: request.date, ...(request.shiftCode === null ? {} : { shift: request.shiftCode }) },
      keep: [...overriddenDuties(state), ...within.keep],
    });
    return {
      kind: 'repair',
      state,
      plan,
      hallScenario: withAbsences(state.scenario, [absence]),
      untouched: state.assignments.filter((duty) => !absent(duty)),
      absence: { ...absence, staffName: namesOf(state.scenario).person(staff) },
    };
  });
}

export function startReoptimise(ctx: BackendContext, jobs: RosterJobs, request: { rosterId: number; timeLimitSeconds: number }): Promise<RosterJob> {
  return startProposalJob(ctx, jobs, request.timeLimitSeconds, async (db) => {
    const state = await loadBoardState(db, request.rosterId);
    refuseUneditable(state, { ops: [] }, todayOf(ctx.clock));
    const tomorrow = isoDate(isoDay(todayOf(ctx.clock)) + 1);
    const fromDate = tomorrow > state.record.from ? tomorrow : state.record.from;
    if (fromDate > state.record.to) {
      throw new AppFailure(
        'invalid_argument',
        `排班 ${state.record.from}–${state.record.to} 从明天起已没有可调整的日子。 / Roster ${state.record.from}–${state.record.to} has no day left to change from tomorrow on.`,
        { rosterId: 'out_of_range' },
      );
    }
    const pinned = state.assignments.filter((duty) => state.pinned.has(cellKey(duty.staff, duty.date, duty.shift)));
    const within = await leadRestriction(db, state, datesFrom(fromDate, state.record.to));
    const plan = reoptimiseScenario(within.scenario, state.assignments, { fromDate, pinned, keep: [...overriddenDuties(state), ...within.keep] });
    return { kind: 'reoptimise', state, plan, hallScenario: state.scenario, untouched: state.assignments, absence: null };
  });
}

export async function proposalOf(db: Queryable, proposalId: number) {
  const proposal = await getProposal(db, proposalId);
  return proposalView(proposal, (await staleReason(db, proposal)) !== null);
}

/** Applies a proposal's moves and its absence in one transaction; refused when it is stale. */
export async function applyProposal(ctx: BackendContext, proposalId: number, reason: string | undefined): Promise<BoardEditResult> {
  const { rosterId, changeId } = await ctx.session.use((db) =>
    db.transaction(async (tx) => {
      const proposal = await getProposal(tx, proposalId);
      const stale = await staleReason(tx, proposal);
      if (stale !== null) throw new AppFailure('conflict', stale, { proposalId: 'invalid_value' });
      // Every move names the window it leaves and the one it takes: the cells it changes are the moves listed, no more.
      const ops = proposal.moves.map((move) => ({
        staffId: move.staffId,
        date: move.date,
        shiftCode: move.shiftCode,
        postId: move.toPostId,
        windowId: move.toWindowId,
        learner: move.learner,
        expectedPostId: move.fromPostId,
        expectedWindowId: move.fromWindowId,
      }));
      const marked = proposal.absence;
      const id = await applyBoardOps(tx, ctx, {
        rosterId: proposal.rosterId,
        ops,
        kind: proposal.kind,
        ...(reason === undefined ? {} : { reason }),
        ...(marked === null ? {} : { absence: { staffId: marked.staffId, date: marked.date, shiftCode: marked.shiftCode, kind: marked.kind, note: marked.note } }),
      });
      await markProposalApplied(tx, proposalId, id);
      return { rosterId: proposal.rosterId, changeId: id };
    }),
  );
  return { changeId, board: await ctx.session.use((db) => boardView(db, ctx, rosterId)) };
}

// ---------------------------------------------------------------------------------------------------

function startProposalJob(ctx: BackendContext, jobs: RosterJobs, timeLimitSeconds: number, prepare: (db: Queryable) => Promise<ProposalJob>): Promise<RosterJob> {
  let job: ProposalJob;
  return jobs.start(
    async () => {
      job = await ctx.session.use(prepare);
      return { scenario: job.plan.scenario, timeLimitSeconds };
    },
    async (solved) => ({ proposalId: await ctx.session.use((db) => saveProposal(db, ctx, job, solved)) }),
  );
}

async function saveProposal(db: Queryable, ctx: BackendContext, job: ProposalJob, solved: SolvedRoster): Promise<number> {
  const seated = keepSeats(job.hallScenario, job.state.assignments, mergeKept(job.plan, solved.roster.assignments));
  const after = revertBreakingMoves(job.hallScenario, job.state.assignments, seated);
  const { stats } = solved.roster;
  return insertProposal(db, {
    rosterId: job.state.record.id,
    kind: job.kind,
    createdAt: ctx.clock.now().toISOString(),
    basedOnChangeId: job.state.lastChangeId,
    absence: job.absence,
    moves: boardMoves(job.state, rosterMoves(job.state.assignments, after)),
    stats: {
      before: coverageTotals(job.hallScenario, job.untouched),
      after: coverageTotals(job.hallScenario, after),
      solveStatus: stats.status,
      gap: stats.status === 'optimal' ? 0 : Number.isFinite(stats.gap) ? stats.gap : null,
    },
  });
}

/** Unmet staff-shifts and post-shifts without backup of the whole roster, as the checker counts them. */
export function coverageTotals(scenario: Scenario, assignments: Assignment[]): BoardCoverageTotals {
  const { soft } = checkRoster(scenario, assignments);
  return { unmet: soft.unmetStaffShifts, withoutBackup: soft.slotsWithoutBackup };
}

function boardMoves(state: BoardState, moves: ReturnType<typeof rosterMoves>): BoardMove[] {
  const names = namesOf(state.scenario);
  return moves.map((move) => ({
    staffId: Number(move.staff),
    staffName: names.person(move.staff),
    date: move.date,
    shiftCode: move.shift,
    fromPostId: move.from === null ? null : Number(move.from),
    toPostId: move.to === null ? null : Number(move.to),
    fromWindowId: move.fromWindow === null ? null : Number(move.fromWindow),
    toWindowId: move.toWindow === null ? null : Number(move.toWindow),
    learner: move.learner,
  }));
}

/**
 * A lead's solve moves only the people of their zones at the posts of their zones (the guard checks
 * every move again when the proposal is applied): the duties of everyone else and at every other
 * post are kept as they are, everyone else is away on the days solved, and no one in the model may
 * take another zone's post. A dispatcher's solve is not restricted.
 */
async function leadRestriction(db: Queryable, state: BoardState, solvedDates: readonly string[]): Promise<{ scenario: Scenario; keep: Assignment[] }> {
  const account = currentCall().account;
  if (account?.role !== 'lead') return { scenario: state.scenario, keep: [] };
  const zones = await zonesOfPeopleAndPosts(db);
  const mine = (zoneId: number | null | undefined) => zoneId !== null && zoneId !== undefined && account.zoneIds.includes(zoneId);
  const ownPerson = (staff: string) => mine(zones.staff.get(Number(staff))?.zoneId);
  const ownPost = (post: string) => mine(zones.posts.get(Number(post))?.zoneId);
  const keep = state.assignments.filter((duty) => !ownPerson(duty.staff) || !ownPost(duty.post));
  const onDuty = new Set(state.assignments.map((duty) => `${duty.staff}|${duty.date}`));
  const scenario: Scenario = {
    ...state.scenario,
    staff: state.scenario.staff.map((person) => {
      if (ownPerson(person.id)) {
        return { ...person, skills: Object.fromEntries(Object.entries(person.skills).map(([post, level]) => [post, ownPost(post) ? level : 0])) as typeof person.skills };
      }
      const away = solvedDates.filter((date) => !onDuty.has(`${person.id}|${date}`)).map((date) => ({ date, reason: OUTSIDE_LEAD_ZONES }));
      return away.length === 0 ? person : { ...person, unavailable: [...(person.unavailable ?? []), ...away] };
    }),
  };
  return { scenario, keep };
}

const OUTSIDE_LEAD_ZONES = '其他区域人员（班组长不调整） / Another zone’s person (not the lead’s to move)';

/** The duties behind breaches a lead accepted in writing: kept as they are by any repair. */
function overriddenDuties(state: BoardState): Assignment[] {
  if (state.overrides.size === 0) return [];
  const accepted = checkRoster(state.scenario, state.assignments).breaches.filter((breach) => state.overrides.has(breachKey(breach)));
  const cells = new Set(accepted.filter((breach) => breach.staff !== undefined && breach.date !== undefined && breach.shift !== undefined).map((breach) => cellKey(breach.staff!, breach.date!, breach.shift!)));
  const people = new Set(accepted.filter((breach) => breach.staff !== undefined && breach.shift === undefined).map((breach) => breach.staff!));
  return state.assignments.filter((duty) => cells.has(cellKey(duty.staff, duty.date, duty.shift)) || people.has(duty.staff));
}
