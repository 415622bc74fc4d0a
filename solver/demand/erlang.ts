/**
 * Staffing maths for a queue-ticket hall as an M/M/c queue: Erlang B and C, the service level and
 * average wait at a number of windows, and the fewest windows that meet a zone's target.
 */
import type { QueueMetrics, ServiceTarget, StaffingAnswer } from './types.ts';

/**
 * The average wait of a queue that never empties (load ≥ windows) is infinite, which JSON cannot
 * carry; this sentinel stands for it so results survive IPC and HTTP unchanged.
 */
export const UNSTABLE_WAIT_SECONDS = Number.MAX_SAFE_INTEGER;

/** Floating-point slack when comparing a metric with its target (80% must pass at exactly 0.8). */
const TARGET_TOLERANCE = 1e-9;

/** Erlang B (blocking probability) by the recursion B(k) = A·B(k−1) / (k + A·B(k−1)), which never overflows. */
export function erlangB(servers: number, offeredLoad: number): number {
  let blocking = 1;
  for (let k = 1; k <= servers; k += 1) blocking = (offeredLoad * blocking) / (k + offeredLoad * blocking);
  return blocking;
}

/** Erlang C: the chance an arrival has to wait; 1 when the load reaches the number of servers. */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  if (offeredLoad >= servers) return 1;
  const blocking = erlangB(servers, offeredLoad);
  return (servers * blocking) / (servers - offeredLoad * (1 - blocking));
}

/** Erlangs offered: arrivals per second × mean handling seconds. */
export function offeredLoad(arrivalsPerHour: number, meanHandleSeconds: number): number {
  return (Math.max(arrivalsPerHour, 0) / 3600) * Math.max(meanHandleSeconds, 0);
}

/**
 * The queue at `servers` windows. serviceLevel is the share called within the target's seconds
 * (withinSeconds, or maxWaitSeconds for an average-wait target). An unstable queue (load ≥ servers)
 * has waitProbability 1, serviceLevel 0, occupancy 1 and averageWaitSeconds UNSTABLE_WAIT_SECONDS.
 */
export function queueMetrics(arrivalsPerHour: number, meanHandleSeconds: number, servers: number, target: ServiceTarget): QueueMetrics {
  const load = offeredLoad(arrivalsPerHour, meanHandleSeconds);
  if (load === 0) return { servers, offeredLoad: 0, waitProbability: 0, serviceLevel: 1, averageWaitSeconds: 0, occupancy: 0 };
  if (load >= servers) {
    return { servers, offeredLoad: load, waitProbability: 1, serviceLevel: 0, averageWaitSeconds: UNSTABLE_WAIT_SECONDS, occupancy: 1 };
  }
  const waitProbability = erlangC(servers, load);
  const spare = servers - load;
  return {
    servers,
    offeredLoad: load,
    waitProbability,
    serviceLevel: 1 - waitProbability * Math.exp((-spare * targetSeconds(target)) / meanHandleSeconds),
    averageWaitSeconds: (waitProbability * meanHandleSeconds) / spare,
    occupancy: load / servers,
  };
}

function targetSeconds(target: ServiceTarget): number {
  return target.kind === 'service_level' ? target.withinSeconds : target.maxWaitSeconds;
}

export function meetsTarget(metrics: QueueMetrics, target: ServiceTarget): boolean {
  if (target.kind === 'avg_wait') return metrics.averageWaitSeconds <= target.maxWaitSeconds + TARGET_TOLERANCE;
  return metrics.serviceLevel >= target.percent / 100 - TARGET_TOLERANCE;
}

/**
 * The fewest windows meeting `target`. When more than `maxServers` are needed the answer is capped
 * at `maxServers` (capped = true) and uncappedServers says the true need. No arrivals need no window.
 */
export function requiredServers(arrivalsPerHour: number, meanHandleSeconds: number, target: ServiceTarget, maxServers?: number): StaffingAnswer {
  const metricsAt = (servers: number) => queueMetrics(arrivalsPerHour, meanHandleSeconds, servers, target);
  const need = fewestServersMeeting(offeredLoad(arrivalsPerHour, meanHandleSeconds), metricsAt, target);
  const servers = maxServers !== undefined && need > maxServers ? Math.max(0, Math.floor(maxServers)) : need;
  return {
    servers,
    capped: servers < need,
    uncappedServers: need,
    atServers: metricsAt(servers),
    oneFewer: servers >= 2 ? metricsAt(servers - 1) : null,
  };
}

/**
 * Counts up from the first stable number of windows. A target no finite hall meets (100% within 0
 * seconds) would count for ever, so the search stops where the chance of waiting has long since
 * vanished: load + 50·√load + 100 windows.
 */
function fewestServersMeeting(load: number, metricsAt: (servers: number) => QueueMetrics, target: ServiceTarget): number {
  if (load === 0) return 0;
  const ceiling = Math.ceil(load + 50 * Math.sqrt(load) + 100);
  let servers = Math.floor(load) + 1;
  while (servers < ceiling && !meetsTarget(metricsAt(servers), target)) servers += 1;
  return servers;
}
