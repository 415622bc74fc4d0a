import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { BusinessType, DemandResults } from '../../contract/areas/demand.ts';
import type { ImportResult } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { listZones } from '../../../data/repositories/centre.ts';
import { deleteOverride, getOverride, listBusinessTypeVolumes, putOverride, putServiceTarget, writeTicketCounts } from '../../../data/repositories/demand.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { addDays, openSlotsOf } from '../demand/calendar.ts';
import { buildForecast, historyView } from '../demand/forecast.ts';
import { buildStaffing, meanHandleOf, targetsOf } from '../demand/staffing.ts';
import { planTickets, reportOfTickets } from '../demand/ticket-import.ts';
import { readTimedUpload } from '../transfer/timed-upload.ts';

/** The demand channels (see electron/contract/areas/demand.ts). */
export function demandHandlers(ctx: BackendContext) {
  const audit = (db: Queryable, entity: string, entityId: number | null, action: string, detail: Record<string, unknown>) =>
    appendAudit(db, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity, entityId, action, detail });

  async function requireZone(db: Queryable, zoneId: number) {
    const zone = (await listZones(db)).find((candidate) => candidate.id === zoneId);
    if (!zone) throw new AppFailure('not_found', `No zone with id ${zoneId}`, { zoneId: 'invalid_value' });
    return zone;
  }

  return {
    'demand/businessTypes': (): Promise<BusinessType[]> =>
      ctx.session.use(async (db) =>
        (await listBusinessTypeVolumes(db)).map(({ arrivals, served, handleSeconds, ...type }) => {
          void arrivals;
          return { ...type, meanHandleSeconds: meanHandleOf({ served, handleSeconds }) };
        }),
      ),

    'demand/history': ({ from, to }: ChannelArgs<'demand/history'>) => ctx.session.use((db) => historyView(db, from, to)),

    'demand/forecast': ({ weeks }: ChannelArgs<'demand/forecast'>) => ctx.session.use((db) => buildForecast(db, todayOf(ctx.clock), weeks)),

    'demand/override': ({ zoneId, date, slot, arrivals, reason }: ChannelArgs<'demand/override'>): Promise<DemandResults['demand/override']> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          await requireZone(tx, zoneId);
          // Overrides steer what is coming; history is what the tickets say.
          if (date < addDays(todayOf(ctx.clock), 1)) throw new AppFailure('invalid_argument', `Only a future day's demand can be overridden, not ${date}`, { date: 'out_of_range' });
          if (slot >= 0 && !(await openSlotsOf(tx)).includes(slot)) {
            throw new AppFailure('invalid_argument', `Half-hour ${slot} is outside the opening hours`, { slot: 'out_of_range' });
          }
          const before = await getOverride(tx, zoneId, date, slot);
          if (arrivals === null) {
            await deleteOverride(tx, zoneId, date, slot);
          } else {
            await putOverride(tx, { zoneId, date, slot, arrivals, reason, actor: ctx.actor, at: ctx.clock.now().toISOString() });
          }
          await audit(tx, 'demand_override', zoneId, arrivals === null ? 'delete' : before ? 'update' : 'create', {
            date, slot, before: before?.arrivals ?? null, after: arrivals, reason,
          });
          return { zoneId, date, slot, arrivals };
        }),
      ),

    'demand/staffing': ({ weeks }: ChannelArgs<'demand/staffing'>) => ctx.session.use((db) => buildStaffing(db, todayOf(ctx.clock), weeks)),

    'demand/targets': () => ctx.session.use((db) => targetsOf(db)),

    'demand/setTarget': (target: ChannelArgs<'demand/setTarget'>) =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          await requireZone(tx, target.zoneId);
          const before = (await targetsOf(tx)).find((candidate) => candidate.zoneId === target.zoneId);
          await putServiceTarget(tx, target);
          await audit(tx, 'service_target', target.zoneId, 'update', { before, after: target });
          return target;
        }),
      ),

    'demand/importCheck': async ({ fileName, base64 }: ChannelArgs<'demand/importCheck'>) => {
      const upload = await readTimedUpload(fileName, base64);
      return ctx.session.use(async (db) => reportOfTickets(await planTickets(db, upload, todayOf(ctx.clock))));
    },

    'demand/importApply': async ({ fileName, base64, goodRowsOnly }: ChannelArgs<'demand/importApply'>): Promise<ImportResult> => {
      const upload = await readTimedUpload(fileName, base64);
      return ctx.session.use((db) =>
        db.transaction(async (tx) => {
          // Planned again inside the transaction: what is written is judged against what is there.
          const plan = await planTickets(tx, upload, todayOf(ctx.clock));
          const report = reportOfTickets(plan);
          const fileLevel = report.errors.some((error) => error.line <= 1);
          if (fileLevel || (report.errors.length > 0 && !goodRowsOnly)) {
            const lines = [...new Set(report.errors.map((error) => error.line))].slice(0, 20);
            throw new AppFailure('invalid_argument', `${fileName} was not imported: ${report.errors.length} problem(s) on line(s) ${lines.join(', ')}`);
          }
          if (plan.goodRows === 0) throw new AppFailure('invalid_argument', `${fileName} has no good rows to import`);
          // Tickets add to what is stored; a daily count replaces the day's count (see ticket-import.ts).
          const merge = plan.fileKind === 'daily' ? 'replace' : 'add';
          const written = await writeTicketCounts(tx, plan.counts, fileName, merge);
          await audit(tx, 'ticket_counts', null, 'import', {
            fileName, fileKind: plan.fileKind, merge, written, goodRows: plan.goodRows, totalRows: plan.totalRows, skippedErrors: report.errors.length,
          });
          return { ...report, written };
        }),
      );
    },
  };
}
