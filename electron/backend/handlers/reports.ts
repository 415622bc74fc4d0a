import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { CostSettings } from '../../contract/areas/reports.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { getCentre, listPosts, listZones } from '../../../data/repositories/centre.ts';
import { deleteSocialInsuranceRule, listBudget, putSocialInsuranceRule, replaceBudget } from '../../../data/repositories/cost.ts';
import { personMonthCost } from '../../../solver/pay/cost.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { clientMonthReport } from '../reports/client.ts';
import { categoryOf, costBudget, costMonth, ratesOf } from '../reports/cost.ts';
import { readCostSettings, requireRuleInForce, solverRule, wageOfGrade, writeCostSettings } from '../reports/cost-settings.ts';
import { dashboardOf } from '../reports/dashboard.ts';
import { hoursReport } from '../reports/hours.ts';
import { centreNames } from '../reports/names.ts';
import { whatIfOf, type WhatIfCosts } from '../reports/what-if.ts';
import { clientWorkbook, costWorkbook, hoursWorkbook } from '../reports/workbooks.ts';

/** The reports channels (see electron/contract/areas/reports.ts). */
export function reportsHandlers(ctx: BackendContext) {
  const audit = (db: Queryable, entity: string, action: string, detail: Record<string, unknown>) =>
    appendAudit(db, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity, entityId: null, action, detail });
  const today = () => todayOf(ctx.clock);
  const read = <T>(work: (db: Queryable) => Promise<T>) => ctx.session.use(work);
  const change = (work: (tx: Queryable) => Promise<void>) =>
    ctx.session.use((db) => db.transaction(async (tx): Promise<CostSettings> => (await work(tx), readCostSettings(tx))));

  return {
    'reports/client': ({ year, month }: ChannelArgs<'reports/client'>) =>
      read((db) => clientMonthReport(db, { year, month, today: today(), now: ctx.clock.now().toISOString() })),

    'reports/exportClient': ({ year, month }: ChannelArgs<'reports/exportClient'>) =>
      read(async (db) => clientWorkbook(await clientMonthReport(db, { year, month, today: today(), now: ctx.clock.now().toISOString() }), await centreNames(db), today())),

    'reports/hours': ({ year, month }: ChannelArgs<'reports/hours'>) => read((db) => hoursReport(db, { year, month, today: today() })),

    'reports/exportHours': ({ year, month }: ChannelArgs<'reports/exportHours'>) =>
      read(async (db) => hoursWorkbook(await hoursReport(db, { year, month, today: today() }), await centreNames(db), (await getCentre(db))?.nameZh ?? '', today())),

    'cost/month': ({ year, month }: ChannelArgs<'cost/month'>) => read((db) => costMonth(db, { year, month, today: today() })),

    'cost/export': ({ year, month }: ChannelArgs<'cost/export'>) =>
      read(async (db) => costWorkbook(await costMonth(db, { year, month, today: today() }), await centreNames(db), today())),

    'cost/settings': ({ set }: ChannelArgs<'cost/settings'>) =>
      set
        ? change(async (tx) => {
            const before = await readCostSettings(tx);
            await writeCostSettings(tx, set);
            await audit(tx, 'cost_settings', 'update', { before: { ...before, rules: undefined }, after: set });
          })
        : read((db) => readCostSettings(db)),

    'cost/putRule': ({ rule }: ChannelArgs<'cost/putRule'>) =>
      change(async (tx) => {
        await putSocialInsuranceRule(tx, { ...rule, city: rule.city.trim(), updatedAt: ctx.clock.now().toISOString() });
        await audit(tx, 'social_insurance_rule', 'put', { ...rule });
      }),

    'cost/deleteRule': ({ city, year }: ChannelArgs<'cost/deleteRule'>) =>
      change(async (tx) => {
        if (!(await deleteSocialInsuranceRule(tx, city, year))) {
          throw new AppFailure('not_found', `没有 ${city} ${year} 年的社保规则。 / There is no social-insurance rule for ${city} in ${year}.`);
        }
        await audit(tx, 'social_insurance_rule', 'delete', { city, year });
      }),

    'cost/budget': ({ year, set }: ChannelArgs<'cost/budget'>) =>
      ctx.session.use(async (db) => {
        if (set) {
          await db.transaction(async (tx) => {
            const before = await listBudget(tx, year);
            const at = ctx.clock.now().toISOString();
            await replaceBudget(tx, year, set.lines.map((line) => ({ ...line, updatedAt: at })));
            await audit(tx, 'cost_budget', 'replace', { year, before, after: set.lines });
          });
        }
        return costBudget(db, year);
      }),

    'cost/whatIf': ({ weeks }: ChannelArgs<'cost/whatIf'>) =>
      read(async (db) => whatIfOf(db, today(), weeks, await whatIfCosts(db, today()))),

    'dashboard/today': () => read((db) => dashboardOf(db, today())),
  };
}

/** A person more of a zone costs what its people cost on average at full time without overtime. */
async function whatIfCosts(db: Queryable, day: string): Promise<WhatIfCosts> {
  const { settings, rule } = await requireRuleInForce(db, Number(day.slice(0, 4)), Number(day.slice(5, 7)));
  const posts = new Map((await listPosts(db)).map((post) => [post.id, post]));
  const zones = new Map((await listZones(db)).map((zone) => [zone.id, zone]));
  return {
    costPerPersonMonthly: (_zoneId, people) => {
      if (people.length === 0) return 0;
      const totals = people.map(
        (person) =>
          personMonthCost(
            { staffId: person.id, category: categoryOf(person, posts, zones), monthlyWage: wageOfGrade(settings, person.wageGrade), employedShare: 1, overtime: { minutes150: 0, minutes200: 0, minutes300: 0 } },
            solverRule(rule),
            ratesOf(settings),
          ).total,
      );
      return Math.round((totals.reduce((sum, total) => sum + total, 0) / totals.length) * 100) / 100;
    },
  };
}
