import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, queueMetrics, requiredServers, UNSTABLE_WAIT_SECONDS } from '../../../solver/demand/erlang.ts';
import type { ServiceTarget } from '../../../solver/demand/types.ts';

const EIGHTY_IN_TWENTY: ServiceTarget = { kind: 'service_level', percent: 80, withinSeconds: 20 };

describe('Erlang B and C', () => {
  it('gives the published Erlang B of 10 servers at 5 erlangs', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 4);
  });

  it('gives the published Erlang C of 14 servers at 10 erlangs', () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.174, 3);
  });

  it('blocks everything with no servers and waits for certain once load reaches the servers', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
    expect(erlangC(5, 0)).toBe(0);
  });

  it('stays finite and tiny for a large hall far from its load (no factorial overflow)', () => {
    const value = erlangB(500, 100);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1e-100);
  });

  it('falls as servers are added and rises as load grows', () => {
    for (let load = 1; load <= 30; load += 1.5) {
      for (let servers = Math.floor(load) + 1; servers < 40; servers += 1) {
        expect(erlangC(servers + 1, load)).toBeLessThan(erlangC(servers, load));
        expect(erlangB(servers + 1, load)).toBeLessThan(erlangB(servers, load));
        expect(erlangC(servers, load + 0.5)).toBeGreaterThanOrEqual(erlangC(servers, load));
      }
    }
  });

  it('never lets C fall below B (a queue waits at least as often as a loss system blocks)', () => {
    for (const [servers, load] of [[3, 2], [10, 5], [14, 10], [50, 45]] as const) {
      expect(erlangC(servers, load)).toBeGreaterThanOrEqual(erlangB(servers, load));
    }
  });
});

describe('queue metrics', () => {
  it('matches the published case: 200 an hour, 180 s handling, 14 windows', () => {
    const metrics = queueMetrics(200, 180, 14, EIGHTY_IN_TWENTY);
    expect(metrics.offeredLoad).toBeCloseTo(10, 9);
    expect(metrics.serviceLevel).toBeCloseTo(0.888, 3);
    expect(metrics.waitProbability).toBeCloseTo(0.174, 3);
    expect(metrics.occupancy).toBeCloseTo(0.714, 3);
    expect(metrics.averageWaitSeconds).toBeCloseTo((0.17413 * 180) / 4, 1);
  });

  it('reports an unstable queue with a JSON-safe sentinel instead of Infinity', () => {
    const metrics = queueMetrics(200, 180, 10, EIGHTY_IN_TWENTY);
    expect(metrics).toMatchObject({ waitProbability: 1, serviceLevel: 0, averageWaitSeconds: UNSTABLE_WAIT_SECONDS, occupancy: 1 });
    expect(JSON.parse(JSON.stringify(metrics))).toEqual(metrics);
  });

  it('measures an average-wait target as the share waiting no longer than it', () => {
    const metrics = queueMetrics(200, 180, 14, { kind: 'avg_wait', maxWaitSeconds: 20 });
    expect(metrics.serviceLevel).toBeCloseTo(queueMetrics(200, 180, 14, EIGHTY_IN_TWENTY).serviceLevel, 12);
  });

  it('has nobody waiting when nobody comes', () => {
    expect(queueMetrics(0, 180, 3, EIGHTY_IN_TWENTY)).toEqual({ servers: 3, offeredLoad: 0, waitProbability: 0, serviceLevel: 1, averageWaitSeconds: 0, occupancy: 0 });
  });
});

describe('required servers', () => {
  it('needs 14 windows for 80% within 20 s at 200 an hour and 180 s handling', () => {
    const answer = requiredServers(200, 180, EIGHTY_IN_TWENTY);
    expect(answer).toMatchObject({ servers: 14, capped: false, uncappedServers: 14 });
    expect(answer.atServers.serviceLevel).toBeCloseTo(0.888, 3);
    expect(answer.oneFewer!.servers).toBe(13);
    expect(answer.oneFewer!.serviceLevel).toBeLessThan(0.8);
  });

  it('meets an average-wait target with the fewest windows', () => {
    const target: ServiceTarget = { kind: 'avg_wait', maxWaitSeconds: 60 };
    const answer = requiredServers(200, 180, target);
    expect(answer.atServers.averageWaitSeconds).toBeLessThanOrEqual(60);
    expect(answer.oneFewer!.averageWaitSeconds).toBeGreaterThan(60);
  });

  it('needs no window when nobody comes', () => {
    expect(requiredServers(0, 300, EIGHTY_IN_TWENTY)).toMatchObject({ servers: 0, capped: false, uncappedServers: 0, oneFewer: null });
  });

  it('caps at maxServers and says how many the target really needs', () => {
    const answer = requiredServers(200, 180, EIGHTY_IN_TWENTY, 12);
    expect(answer).toMatchObject({ servers: 12, capped: true, uncappedServers: 14 });
    expect(answer.atServers.servers).toBe(12);
    expect(answer.oneFewer!.servers).toBe(11);
  });

  it('shows no "one fewer" for a single window', () => {
    const answer = requiredServers(5, 120, EIGHTY_IN_TWENTY);
    expect(answer.servers).toBe(1);
    expect(answer.oneFewer).toBeNull();
  });

  it('never needs fewer windows for more arrivals, longer handling or a stricter target', () => {
    const need = (perHour: number, handle: number, percent: number) =>
      requiredServers(perHour, handle, { kind: 'service_level', percent, withinSeconds: 30 }).servers;
    for (let perHour = 10; perHour <= 400; perHour += 30) {
      expect(need(perHour + 30, 240, 80)).toBeGreaterThanOrEqual(need(perHour, 240, 80));
      expect(need(perHour, 300, 80)).toBeGreaterThanOrEqual(need(perHour, 240, 80));
      expect(need(perHour, 240, 95)).toBeGreaterThanOrEqual(need(perHour, 240, 80));
    }
  });

  it('always has more windows than erlangs of load, and meets the target it reports', () => {
    for (let perHour = 20; perHour <= 600; perHour += 45) {
      const answer = requiredServers(perHour, 200, EIGHTY_IN_TWENTY);
      expect(answer.servers).toBeGreaterThan(answer.atServers.offeredLoad);
      expect(answer.atServers.serviceLevel).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('stops at a finite count for a target no hall can meet exactly', () => {
    const answer = requiredServers(100, 300, { kind: 'service_level', percent: 100, withinSeconds: 0 });
    expect(Number.isFinite(answer.servers)).toBe(true);
    expect(answer.servers).toBeGreaterThan(9);
  });
});
