import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { BoardDuty, RosterBoard } from '../../../electron/contract/areas/board.ts';
import type { RosterJob } from '../../../electron/contract/areas/roster.ts';
import { ask, asNewAccount, refused, openTestBackend, TEST_NOW } from '../../support/backend.ts';
import { withTempDir } from '../../support/temp.ts';
import { bundleRosterWorker, type WorkerBundle } from './roster-worker-bundle.ts';

/**
 * Same-day repairs and re-optimising on a solved week of the demo centre's AF zone, every solve
 * through the real roster worker as the app runs it.
 */

let worker: WorkerBundle;

beforeAll(async () => {
  worker = await bundleRosterWorker();
}, 60_000);

afterAll(() => worker.remove());

const WEEK = { from: '2026-11-23', days: 7 };
const TUE = '2026-11-24';

async function withRosterBackend(work: (backend: Backend) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const backend = await openTestBackend(dir, TEST_NOW, 10, { rosterWorkerPath: worker.path });
    try {
      await work(backend);
    } finally {
      await backend.close();
    }
  });
}

async function settled(backend: Backend, jobId: string): Promise<RosterJob> {
  for (let i = 0; i < 900; i += 1) {
    const job = await ask(backend, 'roster/solveProgress', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not settle`);
}

/** The AF zone's week, solved in the worker and saved as a draft. */
async function solvedWeek(backend: Backend): Promise<number> {
  const zone = await backend.context.session.use((db) => db.get<{ id: number }>("SELECT id FROM zones WHERE code = 'AF'"));
  const started = await ask(backend, 'roster/solveStart', { ...WEEK, zoneIds: [zone!.id], timeLimitSeconds: 20 });
  const job = await settled(backend, started.jobId);
  expect(job.error).toBeNull();
  return job.rosterId!;
}

async function proposalFrom(backend: Backend, started: RosterJob): Promise<number> {
  const job = await settled(backend, started.jobId);
  expect(job.error).toBeNull();
  expect(job).toMatchObject({ state: 'done', rosterId: null });
  return job.proposalId!;
}

function cell(duty: Pick<BoardDuty, 'staffId' | 'date' | 'shiftCode'>): string {
  return `${duty.staffId}|${duty.date}|${duty.shiftCode}`;
}

function dutiesOff(board: RosterBoard, date: string): string[] {
  return board.duties.filter((duty) => duty.date !== date).map((duty) => `${cell(duty)}|${duty.postId}`).sort();
}

/** Someone on duty on Tuesday morning whose absence leaves a slot short. */
function sickPerson(board: RosterBoard): BoardDuty {
  return board.duties.find((duty) => duty.date === TUE && duty.shiftCode === 'AM' && !duty.learner)!;
}

describe('same-day repair from the board', () => {
  it('repairs a sick day: demand met before stays met but for the absent person’s own seats, only those shifts move, every changed cell a listed move, other days unchanged, logged as a repair with the absence', async () => {
    await withRosterBackend(async (backend) => {
      const rosterId = await solvedWeek(backend);
      const before = await ask(backend, 'board/get', { rosterId });
      const sick = sickPerson(before);
      const started = await ask(backend, 'board/repairStart', { rosterId, staffId: sick.staffId, date: TUE, shiftCode: null, kind: 'sick', note: '发烧' });
      expect(started).toMatchObject({ state: 'running', proposalId: null });
      const proposalId = await proposalFrom(backend, started);

      const proposal = await ask(backend, 'board/proposal', { proposalId });
      expect(proposal).toMatchObject({ rosterId, kind: 'repair', stale: false, absence: { staffId: sick.staffId, date: TUE, shiftCode: null, kind: 'sick', note: '发烧' } });
      expect(proposal.absence!.staffName.length).toBeGreaterThan(0);
      // The absent person's own duties come off, and nothing moves on another day.
      expect(proposal.moves).toContainEqual(expect.objectContaining({ staffId: sick.staffId, date: TUE, shiftCode: 'AM', fromPostId: sick.postId, toPostId: null }));
      expect(proposal.moves.every((move) => move.date === TUE)).toBe(true);
      expect(proposal.after.unmet).toBeLessThanOrEqual(proposal.before.unmet);
      expect(proposal.before.unmet).toBeGreaterThanOrEqual(0);

      const applied = await ask(backend, 'board/applyProposal', { proposalId, reason: '病假顶岗' });
      const after = applied.board;
      expect(dutiesOff(after, TUE)).toEqual(dutiesOff(before, TUE));
      expect(after.duties.some((duty) => duty.staffId === sick.staffId && duty.date === TUE)).toBe(false);
      // Under presence everyone present already works the morning and the afternoon: nobody is free
      // to add, so the absent person's seat can be covered only by moving someone from another seat.
      // Whatever was met before stays met; the absent person's own seats lose at most that person.
      const absentSeats = new Set(before.duties.filter((duty) => duty.staffId === sick.staffId && duty.date === TUE && !duty.learner).map((duty) => `${duty.shiftCode}|${duty.postId}`));
      for (const slot of before.coverage.filter((c) => c.date === TUE)) {
        const now = after.coverage.find((c) => c.date === slot.date && c.shiftCode === slot.shiftCode && c.postId === slot.postId)!;
        const own = absentSeats.has(`${slot.shiftCode}|${slot.postId}`) ? 1 : 0;
        expect(now.assigned, `${slot.shiftCode} ${slot.postId}`).toBeGreaterThanOrEqual(Math.min(slot.required, slot.assigned) - own);
      }
      // The fewest moves: nobody moves on a shift the absent person did not hold.
      const absentShifts = new Set(before.duties.filter((duty) => duty.staffId === sick.staffId && duty.date === TUE).map((duty) => duty.shiftCode));
      expect(proposal.moves.filter((move) => !absentShifts.has(move.shiftCode))).toEqual([]);
      // Every cell the repair changed (post or window) is a listed move, and every listed move changed its cell.
      const seatOf = (board: RosterBoard) => new Map(board.duties.map((duty) => [cell(duty), `${duty.postId}|${duty.windowId}|${duty.learner}`]));
      const was = seatOf(before);
      const now = seatOf(after);
      const changed = [...new Set([...was.keys(), ...now.keys()])].filter((key) => was.get(key) !== now.get(key)).sort();
      expect(changed).toEqual(proposal.moves.map(cell).sort());
      for (const move of proposal.moves) expect(now.get(cell(move)) ?? null).toBe(move.toPostId === null ? null : `${move.toPostId}|${move.toWindowId}|${move.learner}`);
      expect(after.absences).toContainEqual(expect.objectContaining({ staffId: sick.staffId, date: TUE, shiftCode: null, source: 'absence' }));
      const [change] = await ask(backend, 'board/changes', { rosterId });
      expect(change).toMatchObject({ id: applied.changeId, kind: 'repair', reason: '病假顶岗' });
      expect(change!.moves).toHaveLength(proposal.moves.length);
      expect((await ask(backend, 'board/proposal', { proposalId })).stale).toBe(true);
    });
  }, 120_000);

  it('refuses a proposal gone stale after another edit, in plain words, and leaves the roster as it was', async () => {
    await withRosterBackend(async (backend) => {
      const rosterId = await solvedWeek(backend);
      const board = await ask(backend, 'board/get', { rosterId });
      const sick = sickPerson(board);
      const proposalId = await proposalFrom(backend, await ask(backend, 'board/repairStart', { rosterId, staffId: sick.staffId, date: TUE, shiftCode: 'AM', kind: 'personal', note: '' }));

      // Another duty taken off by hand, on another day.
      const other = board.duties.find((duty) => duty.date !== TUE && !duty.learner)!;
      await ask(backend, 'board/edit', { rosterId, ops: [{ staffId: other.staffId, date: other.date, shiftCode: other.shiftCode, postId: null, expectedPostId: other.postId }], overrideReason: '测试' });
      expect((await ask(backend, 'board/proposal', { proposalId })).stale).toBe(true);
      const refusal = await refused(backend, 'board/applyProposal', { proposalId });
      expect(refusal.code).toBe('conflict');
      expect(refusal.message).toContain('has changed since this proposal was made');
      const changes = await ask(backend, 'board/changes', { rosterId });
      expect(changes.map((change) => change.kind)).toEqual(['edit']);
    });
  }, 120_000);

  it('refuses a repair of a day already past or a person not on the roster', async () => {
    await withRosterBackend(async (backend) => {
      const rosterId = await solvedWeek(backend);
      const board = await ask(backend, 'board/get', { rosterId });
      const staffId = board.people[0]!.staffId;
      const outside = await refused(backend, 'board/repairStart', { rosterId, staffId, date: '2026-12-01', shiftCode: null, kind: 'sick' });
      expect(outside).toMatchObject({ code: 'invalid_argument', fields: { 'absence.date': 'out_of_range' } });
      const stranger = await refused(backend, 'board/repairStart', { rosterId, staffId: 999_999, date: TUE, shiftCode: null, kind: 'sick' });
      expect(stranger.code).toBe('invalid_argument');
      const shift = await refused(backend, 'board/repairStart', { rosterId, staffId, date: TUE, shiftCode: 'NIGHT', kind: 'sick' });
      expect(shift.code).toBe('invalid_argument');
    });
  }, 120_000);
});

describe('re-optimising the rest of the week', () => {
  it('keeps pinned cells as they are', async () => {
    await withRosterBackend(async (backend) => {
      const rosterId = await solvedWeek(backend);
      const board = await ask(backend, 'board/get', { rosterId });
      // A person moved by hand to another post they can sit, leaving their own seat short, and pinned
      // there: re-optimising would otherwise put them back.
      const moved = board.duties.find((duty) => !duty.learner && board.people.some((p) => p.staffId === duty.staffId && Object.entries(p.levels).some(([post, level]) => Number(post) !== duty.postId && level >= 2 && board.posts.some((known) => known.id === Number(post)))))!;
      const person = board.people.find((p) => p.staffId === moved.staffId)!;
      const elsewhere = Number(Object.entries(person.levels).find(([post, level]) => Number(post) !== moved.postId && level >= 2 && board.posts.some((known) => known.id === Number(post)))![0]);
      const edited = await ask(backend, 'board/edit', { rosterId, ops: [{ staffId: moved.staffId, date: moved.date, shiftCode: moved.shiftCode, postId: elsewhere, expectedPostId: moved.postId }], overrideReason: '临时调岗' });
      const pinned = [...edited.board.duties.filter((duty) => cell(duty) === cell(moved)), ...board.duties.filter((duty) => !duty.learner && cell(duty) !== cell(moved)).slice(0, 5)];
      expect(pinned[0]!.postId).toBe(elsewhere);
      await ask(backend, 'board/setPinned', { rosterId, cells: pinned.map(({ staffId, date, shiftCode }) => ({ staffId, date, shiftCode })), pinned: true });
      const proposalId = await proposalFrom(backend, await ask(backend, 'board/reoptimiseStart', { rosterId, timeLimitSeconds: 20 }));
      const proposal = await ask(backend, 'board/proposal', { proposalId });
      expect(proposal).toMatchObject({ kind: 'reoptimise', absence: null, stale: false });
      const pinnedCells = new Set(pinned.map(cell));
      expect(proposal.moves.filter((move) => pinnedCells.has(cell(move)))).toEqual([]);
      const after = (await ask(backend, 'board/applyProposal', { proposalId })).board;
      for (const duty of pinned) expect(after.duties).toContainEqual(expect.objectContaining({ staffId: duty.staffId, date: duty.date, shiftCode: duty.shiftCode, postId: duty.postId, pinned: true }));
      expect(after.coverage.reduce((sum, c) => sum + Math.max(0, c.required - c.assigned), 0)).toBeLessThanOrEqual(edited.board.coverage.reduce((sum, c) => sum + Math.max(0, c.required - c.assigned), 0));
    });
  }, 120_000);
});

describe('a shift lead’s repairs on a roster of several zones', () => {
  it('re-optimises only the people of the lead’s zones at their zones’ posts, and the lead may apply it', async () => {
    await withRosterBackend(async (backend) => {
      const zones = await backend.context.session.use((db) => db.all<{ id: number; code: string }>("SELECT id, code FROM zones WHERE code IN ('AF', 'TX')"));
      const af = zones.find((zone) => zone.code === 'AF')!.id;
      const started = await ask(backend, 'roster/solveStart', { ...WEEK, zoneIds: zones.map((zone) => zone.id), timeLimitSeconds: 20 });
      const job = await settled(backend, started.jobId);
      expect(job.error).toBeNull();
      const rosterId = job.rosterId!;
      const lead = await asNewAccount(backend, 'lead', { username: 'lead1', zoneIds: [af] });
      // Tuesday morning's people of both zones taken off by the dispatcher: work for a re-optimisation.
      const board = await ask(backend, 'board/get', { rosterId });
      const home = new Map(board.people.map((person) => [person.staffId, person.homeZoneId]));
      const postZone = new Map(board.posts.map((known) => [known.id, known.zoneId]));
      const taken = board.duties.filter((duty) => duty.date === TUE && duty.shiftCode === 'AM' && !duty.learner).slice(0, 6);
      expect(new Set(taken.map((duty) => home.get(duty.staffId))).size).toBeGreaterThan(1);
      await ask(backend, 'board/edit', { rosterId, ops: taken.map((duty) => ({ staffId: duty.staffId, date: duty.date, shiftCode: duty.shiftCode, postId: null, expectedPostId: duty.postId })), overrideReason: '测试' });

      const proposalId = await proposalFrom(backend, await ask(lead.backend, 'board/reoptimiseStart', { rosterId, timeLimitSeconds: 10 }));
      const proposal = await ask(lead.backend, 'board/proposal', { proposalId });
      expect(proposal.moves.length).toBeGreaterThan(0);
      const outside = proposal.moves.filter((move) => home.get(move.staffId) !== af || [move.fromPostId, move.toPostId].some((post) => post !== null && postZone.get(post) !== af));
      expect(outside).toEqual([]);
      expect(await lead.backend.dispatch('board/applyProposal', { proposalId })).toMatchObject({ ok: true });
    });
  }, 180_000);
});
