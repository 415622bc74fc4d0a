/**
 * The demo centre's demand: business types for the six window zones, service targets, and about
 * 15 months of queue-ticket counts ending yesterday, generated from a seed so that tests know the
 * truth (the generator's means and weekly pattern) that the measurements should find.
 */
import type { Queryable } from '../../../data/connection.ts';
import { DEMO_SEED } from '../../../data/demo/generate.ts';
import { listPosts, listWindows, listZones } from '../../../data/repositories/centre.ts';
import { insertBusinessType, putServiceTarget, writeTicketCounts, type TicketCountRow } from '../../../data/repositories/demand.ts';
import { syntheticTicketCounts } from '../../../solver/demand/synthetic.ts';
import { loadCalendar } from '../calendar-service.ts';
import { addDays, openSlotsOf } from './calendar.ts';

export interface DemoBusinessType {
  code: string;
  nameZh: string;
  nameEn: string;
  zoneCode: string;
  postSuffix: 'INTAKE' | 'REVIEW' | 'HANDOUT';
  /** Share of the zone's daily volume; a zone's shares add up to 1. */
  share: number;
  meanHandleSeconds: number;
  /** Volume rises before the monthly tax filing deadline. */
  taxDeadline?: boolean;
}

/**
 * Handling times are those of front-desk intake (收件), not of the approval behind it: a few
 * minutes each, longer for notarisation, marriage and construction permits. Each zone's
 * volume-weighted mean comes out near 4.5–5 minutes.
 */
export const DEMO_BUSINESS_TYPES: readonly DemoBusinessType[] = [
  { code: 'PJ-HUKOU', nameZh: '户籍业务', nameEn: 'Household registration', zoneCode: 'PJ', postSuffix: 'INTAKE', share: 0.5, meanHandleSeconds: 240 },
  { code: 'PJ-EXIT', nameZh: '出入境', nameEn: 'Exit and entry', zoneCode: 'PJ', postSuffix: 'INTAKE', share: 0.35, meanHandleSeconds: 270 },
  { code: 'PJ-NOTARY', nameZh: '公证', nameEn: 'Notarisation', zoneCode: 'PJ', postSuffix: 'REVIEW', share: 0.15, meanHandleSeconds: 480 },
  { code: 'BR-SETUP', nameZh: '企业设立', nameEn: 'Company formation', zoneCode: 'BR', postSuffix: 'INTAKE', share: 0.4, meanHandleSeconds: 360 },
  { code: 'BR-CHANGE', nameZh: '变更登记', nameEn: 'Change of registration', zoneCode: 'BR', postSuffix: 'INTAKE', share: 0.4, meanHandleSeconds: 240 },
  { code: 'BR-CLOSE', nameZh: '注销登记', nameEn: 'Deregistration', zoneCode: 'BR', postSuffix: 'REVIEW', share: 0.2, meanHandleSeconds: 240 },
  { code: 'AF-WATER', nameZh: '取水许可', nameEn: 'Water abstraction permit', zoneCode: 'AF', postSuffix: 'INTAKE', share: 0.5, meanHandleSeconds: 300 },
  { code: 'AF-FELL', nameZh: '林木采伐', nameEn: 'Logging permit', zoneCode: 'AF', postSuffix: 'INTAKE', share: 0.5, meanHandleSeconds: 270 },
  { code: 'SA-PENSION', nameZh: '社保业务', nameEn: 'Social insurance', zoneCode: 'SA', postSuffix: 'INTAKE', share: 0.45, meanHandleSeconds: 240 },
  { code: 'SA-MEDICAL', nameZh: '医保业务', nameEn: 'Medical insurance', zoneCode: 'SA', postSuffix: 'INTAKE', share: 0.4, meanHandleSeconds: 240 },
  { code: 'SA-MARRIAGE', nameZh: '婚姻登记', nameEn: 'Marriage registration', zoneCode: 'SA', postSuffix: 'REVIEW', share: 0.15, meanHandleSeconds: 420 },
  { code: 'IV-FILING', nameZh: '项目备案', nameEn: 'Project filing', zoneCode: 'IV', postSuffix: 'INTAKE', share: 0.35, meanHandleSeconds: 240 },
  { code: 'IV-ESTATE', nameZh: '不动产登记', nameEn: 'Real estate registration', zoneCode: 'IV', postSuffix: 'INTAKE', share: 0.45, meanHandleSeconds: 300 },
  { code: 'IV-PERMIT', nameZh: '施工许可', nameEn: 'Construction permit', zoneCode: 'IV', postSuffix: 'REVIEW', share: 0.2, meanHandleSeconds: 420 },
  { code: 'TX-INVOICE', nameZh: '发票领用', nameEn: 'Invoice collection', zoneCode: 'TX', postSuffix: 'INTAKE', share: 0.45, meanHandleSeconds: 240 },
  { code: 'TX-REG', nameZh: '税务登记', nameEn: 'Tax registration', zoneCode: 'TX', postSuffix: 'INTAKE', share: 0.2, meanHandleSeconds: 360 },
  { code: 'TX-FILE', nameZh: '申报缴税', nameEn: 'Tax filing and payment', zoneCode: 'TX', postSuffix: 'INTAKE', share: 0.35, meanHandleSeconds: 300, taxDeadline: true },
];

/**
 * An ordinary Wednesday's tickets per window. The seeds' halls count 90–100 and more, but at
 * 4.5–5 minutes a ticket over a 9-hour day that leaves no room for the intraday peaks: at 90 the
 * demo needed up to twice its windows and was capped in ~40% of half-hours, which says nothing.
 * At 60 the cap bites where a real hall's does (Monday mornings, month-end), ~11% of half-hours.
 */
export const DEMO_TICKETS_PER_WINDOW = 60;

/** The demo's service goal: the contract's 10-minute average wait (the seeds' hall got from 2 h to 40 min). */
export const DEMO_MAX_WAIT_MINUTES = 10;
/** The consultation and guidance desk: three people, as in the seeds' pilot; it has no queue. */
export const DEMO_DESK_FIXED_POSTS = 3;

export const DEMO_HISTORY_MONTHS = 15;

export interface DemoDemandOptions {
  seed?: number;
  /** The clock's day, 'YYYY-MM-DD': history ends the day before. */
  today: string;
}

/** Writes the demo's business types, targets and ticket history (inside the caller's transaction); returns the count rows written. */
export async function seedDemoDemand(db: Queryable, options: DemoDemandOptions): Promise<number> {
  const yesterday = addDays(options.today, -1);
  const [year, month, day] = options.today.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(year, month - 1 - DEMO_HISTORY_MONTHS, day)).toISOString().slice(0, 10);
  // Years before the first built-in notice (2026) are unconfirmed and load as plain Monday–Friday
  // weeks: acceptable for demo history, which only has to look like a hall, not match 2025's notice.
  const calendar = await loadCalendar(db, from, yesterday);
  const days = [...calendar.days.values()].sort((a, b) => a.date.localeCompare(b.date));
  const openSlots = await openSlotsOf(db);
  const zones = new Map((await listZones(db)).map((zone) => [zone.code, zone]));
  const posts = new Map((await listPosts(db)).map((post) => [post.code, post.id]));
  const windows = await listWindows(db);
  const types: { id: number; zoneId: number; share: number; meanHandleSeconds: number; taxDeadline: boolean }[] = [];
  for (const type of DEMO_BUSINESS_TYPES) {
    const zone = zones.get(type.zoneCode);
    const postId = posts.get(`${type.zoneCode}-${type.postSuffix}`);
    if (!zone || postId === undefined) continue;
    const id = await insertBusinessType(db, { code: type.code, nameZh: type.nameZh, nameEn: type.nameEn, zoneId: zone.id, postId, active: true });
    types.push({ id, zoneId: zone.id, share: type.share, meanHandleSeconds: type.meanHandleSeconds, taxDeadline: type.taxDeadline ?? false });
  }
  const synthZones = [...zones.values()]
    .filter((zone) => zone.kind === 'windows')
    .map((zone) => ({ zoneId: zone.id, baseDaily: DEMO_TICKETS_PER_WINDOW * windows.filter((w) => w.zoneId === zone.id && w.kind === 'window').length }));
  for (const zone of zones.values()) {
    const desk = zone.kind === 'desk';
    await putServiceTarget(db, {
      zoneId: zone.id,
      kind: 'avg_wait',
      maxWaitMinutes: DEMO_MAX_WAIT_MINUTES,
      serviceLevelPercent: 80,
      withinSeconds: 600,
      fixedPosts: desk ? DEMO_DESK_FIXED_POSTS : 0,
    });
  }
  const counts: TicketCountRow[] = syntheticTicketCounts({ seed: (options.seed ?? DEMO_SEED) + 6, days, zones: synthZones, businessTypes: types, openSlots })
    .filter((count) => count.arrivals > 0);
  return writeTicketCounts(db, counts, 'demo', 'add');
}
