/**
 * The windows each zone needs per open half-hour, from the forecast (overrides included), the
 * zone's measured handling time and its service target, by Erlang C; capped by the zone's
 * physical windows, with fixed posts on top. The bySkill split is what the roster optimiser reads.
 */
import type { DemandForecast, QueueView, ServiceTargetSetting, StaffingDay, StaffingPlan, StaffingSlot, ZoneStaffing } from '../../contract/areas/demand.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listPosts, listWindows, listZones, type PostRecord, type ZoneRecord } from '../../../data/repositories/centre.ts';
import { listShiftTemplates } from '../../../data/repositories/calendar.ts';
import { listBusinessTypeVolumes, listServiceTargets, type BusinessTypeVolume } from '../../../data/repositories/demand.ts';
import { isWorkingKind } from '../../../solver/calendar/china-calendar.ts';
import { requiredServers } from '../../../solver/demand/erlang.ts';
import type { QueueMetrics, ServiceTarget } from '../../../solver/demand/types.ts';
import { buildForecast } from './forecast.ts';

/** A zone without a stored target: the contract's 10-minute average wait, no fixed posts. */
export function defaultTarget(zoneId: number): ServiceTargetSetting {
  return { zoneId, kind: 'avg_wait', maxWaitMinutes: 10, serviceLevelPercent: 80, withinSeconds: 600, fixedPosts: 0 };
}

/** Every zone's target, defaults filled in, in the zones' order. */
export async function targetsOf(db: Queryable): Promise<ServiceTargetSetting[]> {
  const stored = new Map((await listServiceTargets(db)).map((target) => [target.zoneId, target]));
  return (await listZones(db)).map((zone) => stored.get(zone.id) ?? defaultTarget(zone.id));
}

export function solverTarget(target: ServiceTargetSetting): ServiceTarget {
  return target.kind === 'avg_wait'
    ? { kind: 'avg_wait', maxWaitSeconds: target.maxWaitMinutes * 60 }
    : { kind: 'service_level', percent: target.serviceLevelPercent, withinSeconds: target.withinSeconds };
}

/** The measured mean handling time of one business type, or null when no ticket was timed. */
export function meanHandleOf(type: Pick<BusinessTypeVolume, 'served' | 'handleSeconds'>): number | null {
  return type.served > 0 ? type.handleSeconds / type.served : null;
}

/** A zone's mean handling time: its business types' measured means weighted by their arrivals. */
export function zoneMeanHandle(types: readonly BusinessTypeVolume[]): number | null {
  let weight = 0;
  let total = 0;
  for (const type of types) {
    const mean = meanHandleOf(type);
    if (mean === null || type.arrivals <= 0) continue;
    weight += type.arrivals;
    total += type.arrivals * mean;
  }
  return weight > 0 ? total / weight : null;
}

function view(metrics: QueueMetrics | null): QueueView | null {
  return metrics
    ? { servers: metrics.servers, averageWaitSeconds: metrics.averageWaitSeconds, serviceLevel: metrics.serviceLevel, occupancy: metrics.occupancy }
    : null;
}

export async function buildStaffing(db: Queryable, today: string, weeks: number): Promise<StaffingPlan> {
  const forecast: DemandForecast = await buildForecast(db, today, weeks);
  const zones = new Map((await listZones(db)).map((zone) => [zone.id, zone]));
  const posts = await listPosts(db);
  const windows = await listWindows(db);
  const types = (await listBusinessTypeVolumes(db)).filter((type) => type.active);
  const targets = new Map((await targetsOf(db)).map((target) => [target.zoneId, target]));
  const templates = (await listShiftTemplates(db)).filter((template) => template.active);
  const bySkill: StaffingPlan['bySkill'] = [];
  const result: ZoneStaffing[] = [];
  for (const zoneForecast of forecast.zones) {
    const zone = zones.get(zoneForecast.zoneId)!;
    const target = targets.get(zone.id) ?? defaultTarget(zone.id);
    const zoneTypes = types.filter((type) => type.zoneId === zone.id);
    const meanHandle = zoneMeanHandle(zoneTypes);
    const windowCount = windows.filter((w) => w.zoneId === zone.id && w.kind === 'window').length;
    const shares = workloadShares(zoneTypes);
    const ticketShares = arrivalShares(zoneTypes);
    const fixedPost = fixedPostOf(zone, posts);
    const days: StaffingDay[] = zoneForecast.days.map((day) => {
      // A day off has no queue and no fixed posts either: the hall is closed.
      const open = isWorkingKind(day.kind) || day.overridden;
      const slots: StaffingSlot[] = open
        ? day.slots.map((slot) => {
            const arrivalsPerHour = slot.arrivals * 2;
            if (meanHandle === null || arrivalsPerHour <= 0) {
              return { slot: slot.slot, arrivalsPerHour, required: 0, capped: false, uncapped: 0, atRequired: null, oneFewer: null };
            }
            const answer = requiredServers(arrivalsPerHour, meanHandle, solverTarget(target), windowCount);
            return {
              slot: slot.slot,
              arrivalsPerHour,
              required: answer.servers,
              capped: answer.capped,
              uncapped: answer.uncappedServers,
              atRequired: view(answer.atServers),
              oneFewer: view(answer.oneFewer),
            };
          })
        : [];
      for (const slot of slots) {
        for (const share of shares) {
          const tickets = (slot.arrivalsPerHour / 2) * (ticketShares.get(share.postId) ?? 0);
          if (slot.required > 0) bySkill.push({ postId: share.postId, date: day.date, slot: slot.slot, required: Math.ceil(slot.required * share.share - 1e-9), tickets });
        }
        if (target.fixedPosts > 0 && fixedPost !== null) bySkill.push({ postId: fixedPost, date: day.date, slot: slot.slot, required: target.fixedPosts, tickets: 0 });
      }
      // A shift needs the most windows any of its half-hours needs, plus the fixed posts.
      const shifts = templates.map((template) => {
        const covered = slots.filter((slot) => slot.slot * 30 >= template.startsAt && (slot.slot + 1) * 30 <= template.endsAt);
        const windowsNeeded = Math.max(0, ...covered.map((slot) => slot.required));
        return { code: template.code, required: covered.length > 0 ? windowsNeeded + target.fixedPosts : 0 };
      });
      return { date: day.date, kind: day.kind, slots, shifts };
    });
    result.push({ zoneId: zone.id, windows: windowCount, fixedPosts: target.fixedPosts, meanHandleSeconds: meanHandle, target, days });
  }
  return { from: forecast.from, to: forecast.to, zones: result, bySkill: mergeSkills(bySkill), provisionalYears: forecast.provisionalYears };
}

/** Each post's share of the zone's applications (arrivals), for saying how many tickets a post expects. */
function arrivalShares(types: readonly BusinessTypeVolume[]): Map<number, number> {
  const byPost = new Map<number, number>();
  for (const type of types) byPost.set(type.postId, (byPost.get(type.postId) ?? 0) + type.arrivals);
  const total = [...byPost.values()].reduce((a, b) => a + b, 0);
  return new Map(total > 0 ? [...byPost].map(([postId, arrivals]) => [postId, arrivals / total]) : []);
}

/**
 * Each post's share of the zone's workload: its business types' arrivals × measured handling time.
 * Types never timed weigh by arrivals at the zone's mean, so they are not dropped.
 */
function workloadShares(types: readonly BusinessTypeVolume[]): { postId: number; share: number }[] {
  const fallback = zoneMeanHandle(types) ?? 0;
  const byPost = new Map<number, number>();
  for (const type of types) byPost.set(type.postId, (byPost.get(type.postId) ?? 0) + type.arrivals * (meanHandleOf(type) ?? fallback));
  const total = [...byPost.values()].reduce((a, b) => a + b, 0);
  return total > 0 ? [...byPost].map(([postId, work]) => ({ postId, share: work / total })) : [];
}

/** Where fixed posts count in bySkill: the zone's consultation or guidance post, else its first post. */
function fixedPostOf(zone: ZoneRecord, posts: readonly PostRecord[]): number | null {
  const own = posts.filter((post) => post.zoneId === zone.id);
  return (own.find((post) => post.function === 'consult') ?? own.find((post) => post.function === 'guide') ?? own[0])?.id ?? null;
}

/** One row per (post, date, slot): two zones never share a post, but a post may carry windows and fixed posts. */
function mergeSkills(rows: StaffingPlan['bySkill']): StaffingPlan['bySkill'] {
  const merged = new Map<string, StaffingPlan['bySkill'][number]>();
  for (const row of rows) {
    const key = `${row.postId}|${row.date}|${row.slot}`;
    const seen = merged.get(key);
    if (seen) {
      seen.required += row.required;
      seen.tickets += row.tickets;
    }
    else merged.set(key, { ...row });
  }
  return [...merged.values()].filter((row) => row.required > 0);
}
