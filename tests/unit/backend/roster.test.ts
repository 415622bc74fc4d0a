import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { RosterJob } from '../../../electron/contract/areas/roster.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { prepareScenario } from '../../../solver/roster/prepare.ts';
import type { Assignment, Scenario } from '../../../solver/roster/types.ts';
import { ask, refused, openTestBackend, TEST_NOW } from '../../support/backend.ts';
import { withTempDir } from '../../support/temp.ts';
import { validRoster } from '../../support/valid-roster.ts';
import { bundleRosterWorker, type WorkerBundle } from './roster-worker-bundle.ts';

let worker: WorkerBundle;

beforeAll(async () => {
  worker = await bundleRosterWorker();
}, 60_000);

afterAll(() => worker.remove());

/** The demo centre on the tests' frozen clock, with the roster worker bundled from the sources. */
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

const WEEK = { from: '2026-11-23', days: 7 };

async function zoneId(backend: Backend, code: string): Promise<number> {
  const zone = await backend.context.session.use((db) => db.get<{ id: number }>('SELECT id FROM zones WHERE code = ?', [code]));
  return zone!.id;
}

async function scenarioOf(backend: Backend, zoneIds: number[]): Promise<Scenario> {
  const file = await ask(backend, 'roster/exportScenario', { ...WEEK, zoneIds });
  return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Scenario;
}

function rosterFile(content: unknown, fileName = 'roster.json') {
  return { fileName, base64: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content), 'utf8').toString('base64') };
}

/** Someone qualified (level ≥ 2) at the first slot with demand, on that slot. */
function oneGoodAssignment(scenario: Scenario): Assignment {
  const line = scenario.demand[0]!;
  const person = scenario.staff.find((candidate) => (candidate.skills[line.post] ?? 0) >= 2 && !(candidate.unavailable ?? []).some((u) => u.date === line.date))!;
  return { staff: person.id, date: line.date, shift: line.shift, post: line.post };
}

async function pollUntilSettled(backend: Backend, jobId: string): Promise<{ job: RosterJob; phases: Set<string> }> {
  const phases = new Set<string>();
  for (let i = 0; i < 600; i += 1) {
    const job = await ask(backend, 'roster/solveProgress', { jobId });
    phases.add(job.progress.phase);
    if (job.state !== 'running') return { job, phases };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`solve ${jobId} did not settle within a minute`);
}

async function auditActions(backend: Backend, rosterId: number): Promise<string[]> {
  const rows = await backend.context.session.use((db) => db.all<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'roster' AND entity_id = ? ORDER BY id", [rosterId]));
  return rows.map((row) => row.action);
}

describe('solving a roster', () => {
  it('solves a week of one zone in the worker, reporting progress until the draft is saved with coverage and gap reasons', async () => {
    await withRosterBackend(async (backend) => {
      const zoneIds = [await zoneId(backend, 'AF')];
      const started = await ask(backend, 'roster/solveStart', { ...WEEK, zoneIds, timeLimitSeconds: 20 });
      expect(started).toMatchObject({ state: 'running', progress: { phase: 'queued' }, rosterId: null });

      const { job, phases } = await pollUntilSettled(backend, started.jobId);
      expect(job.error).toBeNull();
      expect(job).toMatchObject({ state: 'done', progress: { phase: 'done' } });
      expect(job.progress.objective).not.toBeNull();
      expect([...phases].every((phase) => ['queued', 'validating', 'building', 'solving', 'checking', 'explaining', 'saving', 'done'].includes(phase))).toBe(true);

      const view = await ask(backend, 'roster/get', { rosterId: job.rosterId! });
      expect(view.summary).toMatchObject({ status: 'draft', source: 'solver', from: '2026-11-23', to: '2026-11-29', zoneIds, publishedAt: null });
      expect(view.summary.engine).not.toBeNull();
      expect(view.summary.resilienceShare).toBeGreaterThan(0);
      expect(view.assignments.length).toBeGreaterThan(0);
      expect(view.assignments.every((a) => a.staffName.length > 0)).toBe(true);
      expect(view.replaces).toEqual([]);

      // Coverage counts exactly what was assigned, against the demand the roster was solved for.
      const scenario = await scenarioOf(backend, zoneIds);
      // In the hall a post with windows needs its open seats (docs/roster-rules.md, rule 12).
      const required = prepareScenario(scenario).demand.reduce((sum, line) => sum + line.required, 0);
      expect(view.coverage.reduce((sum, cell) => sum + cell.required, 0)).toBe(required);
      expect(view.coverage.reduce((sum, cell) => sum + cell.assigned, 0)).toBe(view.assignments.filter((a) => !a.learner).length);
      const unmet = view.coverage.reduce((sum, cell) => sum + Math.max(0, cell.required - cell.assigned), 0);
      expect(view.summary.unmetStaffShifts).toBe(unmet);
      expect(view.gaps.reduce((sum, gap) => sum + gap.missing, 0)).toBe(unmet);
      for (const gap of view.gaps) expect(gap.reasonZh.length * gap.reasonEn.length).toBeGreaterThan(0);

      // The saved roster keeps every hard rule of the scenario it was made for.
      const saved = view.assignments.map((a) => ({ staff: String(a.staffId), date: a.date, shift: a.shiftCode, post: String(a.postId), learner: a.learner, ...(a.windowId === null ? {} : { window: String(a.windowId) }) }));
      // Every counted duty at a post with windows names its window; the hall summary comes with the draft.
      expect(view.hall?.onDuty.some((line) => line.zone === '*')).toBe(true);
      expect(checkRoster(scenario, saved).breaches).toEqual([]);
      expect(await auditActions(backend, job.rosterId!)).toEqual(['create']);
      expect((await ask(backend, 'roster/list', {})).map((r) => r.id)).toEqual([job.rosterId]);
    });
  }, 90_000);

  it('cancels a running solve at once, saving nothing, and refuses a second solve while one runs', async () => {
    await withRosterBackend(async (backend) => {
      const zones = await backend.context.session.use((db) => db.all<{ id: number }>('SELECT id FROM zones'));
      const zoneIds = zones.map((zone) => zone.id);
      const started = await ask(backend, 'roster/solveStart', { from: '2026-11-23', days: 28, zoneIds, timeLimitSeconds: 120 });
      const second = await refused(backend, 'roster/solveStart', { ...WEEK, zoneIds: [zoneIds[0]] });
      expect(second.code).toBe('conflict');

      const cancelled = await ask(backend, 'roster/solveCancel', { jobId: started.jobId });
      expect(cancelled).toMatchObject({ state: 'cancelled', rosterId: null });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await ask(backend, 'roster/solveProgress', { jobId: started.jobId })).state).toBe('cancelled');
      expect(await ask(backend, 'roster/list', {})).toEqual([]);
    });
  }, 60_000);

  it('refuses a roster over days already begun and an unknown job', async () => {
    await withRosterBackend(async (backend) => {
      const past = await refused(backend, 'roster/solveStart', { from: '2026-11-22', days: 7, zoneIds: [1] });
      expect(past).toMatchObject({ code: 'invalid_argument', fields: { from: 'out_of_range' } });
      expect((await refused(backend, 'roster/solveProgress', { jobId: 'no-such-job' })).code).toBe('not_found');
    });
  });
});

describe('publishing a roster', () => {
  it('publishes a draft, and publishes over an overlapping published roster only when told to, superseding it', async () => {
    await withRosterBackend(async (backend) => {
      const af = await zoneId(backend, 'AF');
      const br = await zoneId(backend, 'BR');
      const afRoster = await validRoster(await scenarioOf(backend, [af]));
      const first = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds: [af], ...rosterFile({ assignments: afRoster }) });
      const published = await ask(backend, 'roster/publish', { rosterId: first.id });
      expect(published).toMatchObject({ status: 'published', publishedAt: new Date(TEST_NOW).toISOString() });

      const second = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds: [br, af], ...rosterFile({ assignments: await validRoster(await scenarioOf(backend, [br, af])) }) });
      expect((await ask(backend, 'roster/get', { rosterId: second.id })).replaces.map((r) => r.roster.id)).toEqual([first.id]);
      const unconfirmed = await refused(backend, 'roster/publish', { rosterId: second.id });
      expect(unconfirmed.code).toBe('conflict');
      expect(unconfirmed.message).toContain(`#${first.id} 2026-11-23–2026-11-29`);
      expect((await ask(backend, 'roster/get', { rosterId: second.id })).summary.status).toBe('draft');

      expect(await ask(backend, 'roster/publish', { rosterId: second.id, replacePublished: true })).toMatchObject({ status: 'published' });
      expect((await ask(backend, 'roster/get', { rosterId: first.id })).summary.status).toBe('superseded');
      expect(await auditActions(backend, second.id)).toEqual(['create', 'publish']);
      expect((await refused(backend, 'roster/publish', { rosterId: second.id })).code).toBe('conflict');
    });
  });

  it('a one-zone draft published over an all-zone roster replaces that zone’s days only, and the board refuses the replaced cells', async () => {
    await withRosterBackend(async (backend) => {
      const af = await zoneId(backend, 'AF');
      const br = await zoneId(backend, 'BR');
      const both = await scenarioOf(backend, [af, br]);
      const postZone = await backend.context.session.use((db) => db.all<{ id: number; zoneId: number }>('SELECT id, zone_id AS zoneId FROM posts'));
      const zoneOf = new Map(postZone.map((post) => [String(post.id), post.zoneId]));
      const allZoneDuties = await validRoster(both);
      const duties = [allZoneDuties.find((duty) => zoneOf.get(duty.post) === af)!, allZoneDuties.find((duty) => zoneOf.get(duty.post) === br)!];
      const allZones = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds: [af, br], ...rosterFile({ assignments: allZoneDuties }) });
      await ask(backend, 'roster/publish', { rosterId: allZones.id });

      const afOnly = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds: [af], ...rosterFile({ assignments: await validRoster(await scenarioOf(backend, [af])) }) });
      const view = await ask(backend, 'roster/get', { rosterId: afOnly.id });
      expect(view.replaces).toEqual([expect.objectContaining({ roster: expect.objectContaining({ id: allZones.id }), zoneIds: [af], from: '2026-11-23', to: '2026-11-29', whole: false })]);
      const unconfirmed = await refused(backend, 'roster/publish', { rosterId: afOnly.id });
      expect(unconfirmed.message).toContain(`#${allZones.id} 2026-11-23–2026-11-29`);
      await ask(backend, 'roster/publish', { rosterId: afOnly.id, replacePublished: true });

      // The all-zone roster still stands for 商事登记; 农林水务 is the new roster's all week.
      expect((await ask(backend, 'roster/get', { rosterId: allZones.id })).summary.status).toBe('published');
      const cover = await backend.context.session.use((db) => db.all<{ zoneId: number; rosterId: number }>('SELECT zone_id AS zoneId, roster_id AS rosterId FROM roster_cover GROUP BY zone_id, roster_id'));
      expect(cover).toEqual(expect.arrayContaining([{ zoneId: af, rosterId: afOnly.id }, { zoneId: br, rosterId: allZones.id }]));
      expect(cover).toHaveLength(2);

      const takeOff = (duty: Assignment) => [{ staffId: Number(duty.staff), date: duty.date, shiftCode: duty.shift, postId: null, expectedPostId: Number(duty.post) }];
      const refusal = await refused(backend, 'board/edit', { rosterId: allZones.id, ops: takeOff(duties[0]!), reason: '调整' });
      expect(refusal.message).toContain('已被替换');
      expect(refusal.message).toContain(`#${afOnly.id}`);
      // 商事登记 is still the all-zone roster's: its cell may change (taking a duty off breaks presence, accepted in writing).
      const saved = await ask(backend, 'board/edit', { rosterId: allZones.id, ops: takeOff(duties[1]!), reason: '调整', overrideReason: '提前下班，经同意' });
      expect(saved.changeId).toBeGreaterThan(0);
    });
  });

  it('refuses to publish a draft that leave approved since it was made would break, naming each clash', async () => {
    await withRosterBackend(async (backend) => {
      const af = await zoneId(backend, 'AF');
      const scenario = await scenarioOf(backend, [af]);
      const assignments = await validRoster(scenario);
      const duty = assignments.find((a) => a.shift === 'AM')!;
      const draft = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds: [af], ...rosterFile({ assignments }) });
      const staffId = Number(duty.staff);
      const request = await ask(backend, 'leave/request', {
        staffId, type: 'personal', from: duty.date, to: duty.date, part: 'full', reason: '家中有事', acknowledgeConflicts: true,
      });
      await ask(backend, 'leave/decide', { id: request.id, version: request.version, decision: 'approved', note: '', acknowledgeConflicts: true });

      const refusal = await refused(backend, 'roster/publish', { rosterId: draft.id, replacePublished: true });
      const name = scenario.staff.find((person) => person.id === duty.staff)!.name;
      expect(refusal.code).toBe('conflict');
      expect(refusal.message).toContain(`${name} ${duty.date} ${duty.shift}（事假）`);
      expect(refusal.message).toContain('请重新生成排班');
      expect((await ask(backend, 'roster/get', { rosterId: draft.id })).summary.status).toBe('draft');
    });
  });

  it('discards drafts only', async () => {
    await withRosterBackend(async (backend) => {
      const af = await zoneId(backend, 'AF');
      const assignments = await validRoster(await scenarioOf(backend, [af]));
      const kept = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds: [af], ...rosterFile({ assignments }) });
      await ask(backend, 'roster/publish', { rosterId: kept.id });
      const thrown = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds: [af], ...rosterFile({ assignments }) });
      expect(await ask(backend, 'roster/discard', { rosterId: thrown.id })).toEqual({ discarded: thrown.id });
      expect((await refused(backend, 'roster/get', { rosterId: thrown.id })).code).toBe('not_found');
      expect((await refused(backend, 'roster/discard', { rosterId: kept.id })).code).toBe('conflict');
      expect(await auditActions(backend, thrown.id)).toEqual(['create', 'discard']);
    });
  });
});

describe('importing a roster file', () => {
  it('saves a roster that keeps every hard rule as an imported draft, with its gaps explained', async () => {
    await withRosterBackend(async (backend) => {
      const zoneIds = [await zoneId(backend, 'AF')];
      const assignments = await validRoster(await scenarioOf(backend, zoneIds), { withoutLunch: true });
      const good = assignments.find((a) => a.window !== undefined)!;
      const summary = await ask(backend, 'roster/importRoster', { ...WEEK, zoneIds, ...rosterFile({ assignments }) });
      expect(summary).toMatchObject({ status: 'draft', source: 'import', engine: null, seconds: null });
      const view = await ask(backend, 'roster/get', { rosterId: summary.id });
      expect(view.assignments).toHaveLength(assignments.length);
      expect(view.assignments).toContainEqual(expect.objectContaining({ staffId: Number(good.staff), date: good.date, shiftCode: good.shift, postId: Number(good.post), learner: false, windowId: Number(good.window) }));
      expect(view.summary.unmetStaffShifts).toBeGreaterThan(0);
      expect(view.gaps.reduce((sum, gap) => sum + gap.missing, 0)).toBe(view.summary.unmetStaffShifts);
      expect(view.gaps[0]!.reasonZh).not.toBe('');
    });
  });

  it('refuses a malformed file with every problem at its path, and saves nothing', async () => {
    await withRosterBackend(async (backend) => {
      const zoneIds = [await zoneId(backend, 'AF')];
      const good = oneGoodAssignment(await scenarioOf(backend, zoneIds));
      const bad = { assignments: [good, { ...good, staff: '999999' }, { ...good, date: '2026-12-25' }, { ...good, post: 'P9', shift: 'LATE' }] };
      const error = await refused(backend, 'roster/importRoster', { ...WEEK, zoneIds, ...rosterFile(bad, 'bad.json') });
      expect(error.code).toBe('invalid_argument');
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(['assignments[1].staff', 'assignments[2].date', 'assignments[3].post', 'assignments[3].shift']);
      expect(error.message).toContain('bad.json');
      expect(error.message).toContain('4 problem(s)');
      const notJson = await refused(backend, 'roster/importRoster', { ...WEEK, zoneIds, ...rosterFile('{"assignments": [', 'broken.json') });
      expect(notJson.message).toContain('not a JSON file');
      expect(await ask(backend, 'roster/list', {})).toEqual([]);
    });
  });

  it('refuses a roster that breaks a hard rule, naming the rule and the line', async () => {
    await withRosterBackend(async (backend) => {
      const zoneIds = [await zoneId(backend, 'AF')];
      const scenario = await scenarioOf(backend, zoneIds);
      const good = oneGoodAssignment(scenario);
      const otherPost = scenario.posts.find((post) => post.id !== good.post)!.id;
      const unqualified = scenario.staff.find((person) => (person.skills[good.post] ?? 0) === 0)!;
      const bad = { assignments: [good, { ...good, post: otherPost }, { ...good, staff: unqualified.id }] };
      const error = await refused(backend, 'roster/importRoster', { ...WEEK, zoneIds, ...rosterFile(bad) });
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toContain('qualification');
      expect(Object.keys(error.fields ?? {})).toContain('assignments[2]');
      expect(await ask(backend, 'roster/list', {})).toEqual([]);
    });
  });
});
