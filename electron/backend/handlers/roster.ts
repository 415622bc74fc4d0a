import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { RosterResults, RosterSummary } from '../../contract/areas/roster.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { deleteDraftRoster, listCoverReplaced, listRosters, publishRoster } from '../../../data/repositories/roster.ts';
import type { Scenario } from '../../../solver/roster/types.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import type { RosterJobs } from '../roster/jobs.ts';
import { lastDateOf, type RosterPeriod } from '../roster/scenario-mapping.ts';
import { scenarioFromDb } from '../roster/scenario-from-db.ts';
import { leaveClashesOf, leaveClashFailure } from '../roster/leave-since.ts';
import { rosterCalendarReview } from '../roster/calendar-review.ts';
import {
  importedDraft,
  parseRosterFile,
  publishConflict,
  requireRoster,
  rosterView,
  saveDraft,
  scenarioFile,
  solvedDraft,
  summaryOf,
} from '../roster/service.ts';

/** The roster channels (see electron/contract/areas/roster.ts); solves run in `jobs`' worker threads. */
export function rosterHandlers(ctx: BackendContext, jobs: RosterJobs) {
  const audit = (db: Queryable, rosterId: number, action: string, detail: Record<string, unknown>) =>
    appendAudit(db, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity: 'roster', entityId: rosterId, action, detail });
  const now = () => ctx.clock.now().toISOString();
  const scenarioOf = (db: Queryable, period: RosterPeriod) => scenarioFromDb(db, period, todayOf(ctx.clock));

  return {
    'roster/solveStart': async ({ timeLimitSeconds, ...arg }: ChannelArgs<'roster/solveStart'>): Promise<RosterResults['roster/solveStart']> => {
      const period = periodOf(arg);
      // Days already begun have no forecast, and a roster over them would rewrite what happened.
      if (period.from <= todayOf(ctx.clock)) {
        throw new AppFailure('invalid_argument', `排班须从明天或以后开始，而不是 ${period.from}。 / A roster starts tomorrow at the earliest, not ${period.from}.`, { from: 'out_of_range' });
      }
      let scenario: Scenario;
      return jobs.start(
        async () => {
          scenario = await ctx.session.use((db) => scenarioOf(db, period));
          return { scenario, timeLimitSeconds };
        },
        (solved) =>
          ctx.session.use((db) =>
            db.transaction(async (tx) => {
              const rosterId = await saveDraft(tx, solvedDraft(period, scenario, solved, now()));
              await audit(tx, rosterId, 'create', { source: 'solver', from: period.from, days: period.days, zoneIds: period.zoneIds, stats: solved.roster.stats });
              return { rosterId };
            }),
          ),
      );
    },

    'roster/solveProgress': async ({ jobId }: ChannelArgs<'roster/solveProgress'>) => jobs.progress(jobId),

    'roster/solveCancel': async ({ jobId }: ChannelArgs<'roster/solveCancel'>) => jobs.cancel(jobId),

    'roster/list': ({ from, to }: ChannelArgs<'roster/list'>): Promise<RosterSummary[]> =>
      ctx.session.use(async (db) => (await listRosters(db, { from, to })).map(summaryOf)),

    'roster/get': ({ rosterId }: ChannelArgs<'roster/get'>) => ctx.session.use((db) => rosterView(db, rosterId)),

    'roster/calendarReview': () => ctx.session.use((db) => rosterCalendarReview(db, todayOf(ctx.clock))),

    'roster/publish': ({ rosterId, replacePublished }: ChannelArgs<'roster/publish'>): Promise<RosterSummary> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const draft = await requireRoster(tx, rosterId);
          if (draft.status !== 'draft') throw new AppFailure('conflict', `排班 #${rosterId} 不是草稿（${draft.status}），不能发布。 / Roster #${rosterId} is ${draft.status}, not a draft: only a draft can be published.`);
          const clashes = await leaveClashesOf(tx, draft);
          if (clashes.length > 0) throw leaveClashFailure(clashes);
          const overlapping = await listCoverReplaced(tx, draft, rosterId);
          if (overlapping.length > 0 && !replacePublished) throw publishConflict(overlapping);
          const replaced = await publishRoster(tx, rosterId, now());
          const superseded = replaced.filter((part) => part.whole).map((part) => part.roster.id);
          const replacedParts = replaced.map((part) => ({ rosterId: part.roster.id, zoneIds: part.zoneIds, from: part.from, to: part.to }));
          await audit(tx, rosterId, 'publish', { from: draft.from, to: draft.to, zoneIds: draft.zoneIds, superseded, replaced: replacedParts });
          return summaryOf(await requireRoster(tx, rosterId));
        }),
      ),

    'roster/discard': ({ rosterId }: ChannelArgs<'roster/discard'>) =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const roster = await requireRoster(tx, rosterId);
          if (roster.status !== 'draft' || !(await deleteDraftRoster(tx, rosterId))) {
            throw new AppFailure('conflict', `排班 #${rosterId} 已发布（${roster.status}），只能丢弃草稿。 / Roster #${rosterId} is ${roster.status}: only a draft can be discarded.`);
          }
          await audit(tx, rosterId, 'discard', { from: roster.from, to: roster.to, zoneIds: roster.zoneIds, source: roster.source });
          return { discarded: rosterId };
        }),
      ),

    'roster/exportScenario': (arg: ChannelArgs<'roster/exportScenario'>) =>
      ctx.session.use(async (db) => {
        const period = periodOf(arg);
        return scenarioFile(await scenarioOf(db, period), period.from);
      }),

    'roster/importRoster': ({ fileName, base64, ...arg }: ChannelArgs<'roster/importRoster'>): Promise<RosterSummary> => {
      const content = parseRosterFile(fileName, base64);
      const period = periodOf(arg);
      return ctx.session.use(async (db) => {
        // Checked before the transaction: the forecast behind the scenario takes a moment, and
        // nobody else's writes should wait for it.
        const draft = importedDraft(fileName, content, period, await scenarioOf(db, period), now());
        return db.transaction(async (tx) => {
          const rosterId = await saveDraft(tx, draft);
          await audit(tx, rosterId, 'create', { source: 'import', fileName, from: period.from, to: lastDateOf(period), zoneIds: period.zoneIds, assignments: draft.assignments.length });
          return summaryOf(await requireRoster(tx, rosterId));
        });
      });
    },
  };
}

/** Zones once each and in order, so two requests for the same zones describe the same roster. */
function periodOf(arg: { from: string; days: number; zoneIds: number[] }): RosterPeriod {
  return { from: arg.from, days: arg.days, zoneIds: [...new Set(arg.zoneIds)].sort((a, b) => a - b) };
}
