import { describe, expect, it } from 'vitest';
import { predictWait, whatIfAroundPlan, windowHalfHoursOf, type CapacityInput, type CapacitySlot } from '../../../solver/demand/capacity.ts';
import { offeredLoad, queueMetrics, UNSTABLE_WAIT_SECONDS } from '../../../solver/demand/erlang.ts';

const AVG_WAIT = { kind: 'avg_wait', maxWaitSeconds: 600 } as const;

/** Arrivals per hour over 20 half-hours (08:00–18:00): a mid-morning peak and an early-afternoon one. */
const DAY_PROFILE = [20, 45, 80, 115, 130, 120, 95, 70, 40, 25, 35, 70, 105, 120, 100, 75, 55, 40, 30, 15];

/** Four working weeks of that day, Mondays busiest and Fridays quietest. */
function fourWeeks(): CapacitySlot[] {
  const weekday = [1.15, 1.0, 0.95, 1.0, 0.85];
  return Array.from({ length: 4 }, () => weekday)
    .flat()
    .flatMap((factor) => DAY_PROFILE.map((perHour) => ({ arrivalsPerHour: perHour * factor })));
}

function waitingOf(input: CapacityInput, staffed: number[]): number {
  return input.slots.reduce((sum, slot, i) => sum + slot.arrivalsPerHour * queueMetrics(slot.arrivalsPerHour, input.meanHandleSeconds, staffed[i] ?? 0, AVG_WAIT).averageWaitSeconds, 0);
}

describe('predicted wait for a capacity', () => {
  it('matches queueMetrics for one half-hour: 200 an hour at 180 s on 14 windows waits P(wait) 0.174 × 180 / 4 s', () => {
    const outcome = predictWait({ slots: [{ arrivalsPerHour: 200 }], meanHandleSeconds: 180, windows: 14, windowHalfHours: 14 });
    expect(outcome.staffed).toEqual([14]);
    expect(outcome.usedWindowHalfHours).toBe(14);
    expect(outcome.unstableShare).toBe(0);
    expect(outcome.averageWaitSeconds).toBeCloseTo(queueMetrics(200, 180, 14, AVG_WAIT).averageWaitSeconds, 12);
    expect(outcome.averageWaitSeconds).toBeCloseTo((0.17413 * 180) / 4, 1);
  });

  it('matches queueMetrics when capacity, not the windows, limits one half-hour', () => {
    const outcome = predictWait({ slots: [{ arrivalsPerHour: 200 }], meanHandleSeconds: 180, windows: 20, windowHalfHours: 12.9 });
    expect(outcome.staffed).toEqual([12]);
    expect(outcome.averageWaitSeconds).toBeCloseTo(queueMetrics(200, 180, 12, AVG_WAIT).averageWaitSeconds, 12);
  });

  it('never lengthens the wait or the unstable share as people are added, over a realistic four weeks', () => {
    const input = { slots: fourWeeks(), meanHandleSeconds: 180, windows: 8 };
    const perPerson = windowHalfHoursOf(1, 40, 4, 0.85);
    const outcomes = whatIfAroundPlan(0, perPerson, input, Array.from({ length: 17 }, (_, i) => i)).map((row) => row.outcome);
    for (let i = 1; i < outcomes.length; i += 1) {
      expect(outcomes[i]!.averageWaitSeconds).toBeLessThanOrEqual(outcomes[i - 1]!.averageWaitSeconds);
      expect(outcomes[i]!.unstableShare).toBeLessThanOrEqual(outcomes[i - 1]!.unstableShare);
      expect(outcomes[i]!.usedWindowHalfHours).toBeGreaterThanOrEqual(outcomes[i - 1]!.usedWindowHalfHours);
    }
    // The range crosses all three regimes: short, stable, and every window staffed.
    expect(outcomes[0]!.unstableShare).toBe(1);
    expect(outcomes.some((o) => o.unstableShare === 0 && o.usedWindowHalfHours < 8 * input.slots.length)).toBe(true);
    expect(outcomes.at(-1)!.usedWindowHalfHours).toBe(8 * input.slots.length);
  });

  it('changes nothing beyond windows × half-hours: the physical windows bind', () => {
    const slots = DAY_PROFILE.map((arrivalsPerHour) => ({ arrivalsPerHour }));
    const at = (windowHalfHours: number) => predictWait({ slots, meanHandleSeconds: 180, windows: 8, windowHalfHours });
    const full = at(8 * slots.length);
    expect(full.staffed).toEqual(slots.map(() => 8));
    expect(at(8 * slots.length + 1)).toEqual(full);
    expect(at(10_000)).toEqual(full);
    expect(full.averageWaitSeconds).toBeLessThan(at(8 * slots.length - 1).averageWaitSeconds);
  });

  it('is unstable with too few people, and staffs the busiest half-hours first', () => {
    const slots = DAY_PROFILE.map((arrivalsPerHour) => ({ arrivalsPerHour }));
    const need = (perHour: number) => Math.floor(offeredLoad(perHour, 180)) + 1;
    const busiest = DAY_PROFILE.map((perHour, i) => ({ perHour, i })).sort((a, b) => b.perHour - a.perHour || a.i - b.i).slice(0, 6);
    const capacity = busiest.reduce((sum, { perHour }) => sum + need(perHour), 0);
    const outcome = predictWait({ slots, meanHandleSeconds: 180, windows: 8, windowHalfHours: capacity });
    const total = DAY_PROFILE.reduce((a, b) => a + b, 0);
    const covered = busiest.reduce((sum, { perHour }) => sum + perHour, 0);
    expect(outcome.averageWaitSeconds).toBe(UNSTABLE_WAIT_SECONDS);
    expect(outcome.unstableShare).toBeCloseTo(1 - covered / total, 12);
    expect(outcome.staffed).toEqual(DAY_PROFILE.map((perHour, i) => (busiest.some((b) => b.i === i) ? need(perHour) : 0)));
  });

  it('makes a quiet half-hour stable with what is left when a busier one cannot be', () => {
    // Loads 5, 3 and 0.5 erlangs need 6, 4 and 1 windows; 8 cannot cover the second.
    const outcome = predictWait({ slots: [{ arrivalsPerHour: 100 }, { arrivalsPerHour: 60 }, { arrivalsPerHour: 10 }], meanHandleSeconds: 180, windows: 8, windowHalfHours: 8 });
    expect(outcome.staffed[1]).toBe(0);
    expect(outcome.staffed[2]).toBeGreaterThanOrEqual(1);
    expect(outcome.usedWindowHalfHours).toBe(8);
    expect(outcome.unstableShare).toBeCloseTo(60 / 170, 12);
  });

  it('gives a half-hour beyond the physical windows only what is left once the rest are full', () => {
    // 10 erlangs can never keep up at 8 windows: it waits for ever at any headcount.
    const slots = [{ arrivalsPerHour: 200 }, { arrivalsPerHour: 60 }];
    const some = predictWait({ slots, meanHandleSeconds: 180, windows: 8, windowHalfHours: 10 });
    expect(some.staffed).toEqual([2, 8]);
    expect(some.unstableShare).toBeCloseTo(200 / 260, 12);
    expect(predictWait({ slots, meanHandleSeconds: 180, windows: 8, windowHalfHours: 16 }).staffed).toEqual([8, 8]);
  });

  it('gives half-hours with no arrivals nothing, and waits 0 when nobody comes', () => {
    const outcome = predictWait({ slots: [{ arrivalsPerHour: 0 }, { arrivalsPerHour: 40 }, { arrivalsPerHour: 0 }], meanHandleSeconds: 180, windows: 8, windowHalfHours: 100 });
    expect(outcome.staffed).toEqual([0, 8, 0]);
    expect(predictWait({ slots: [{ arrivalsPerHour: 0 }], meanHandleSeconds: 180, windows: 8, windowHalfHours: 100 })).toEqual({
      averageWaitSeconds: 0,
      unstableShare: 0,
      beyondWindowsShare: 0,
      stableWaitSeconds: 0,
      staffed: [0],
      usedWindowHalfHours: 0,
    });
  });

  it('tells arrivals beyond the physical windows apart, and waits over the half-hours that keep up', () => {
    // 200 an hour at 180 s is a load of 10: 8 windows can never keep up, whatever the staff.
    const slots = [{ arrivalsPerHour: 200 }, { arrivalsPerHour: 60 }];
    const outcome = predictWait({ slots, meanHandleSeconds: 180, windows: 8, windowHalfHours: 100 });
    expect(outcome.averageWaitSeconds).toBe(UNSTABLE_WAIT_SECONDS);
    expect(outcome.unstableShare).toBeCloseTo(200 / 260, 12);
    expect(outcome.beyondWindowsShare).toBeCloseTo(200 / 260, 12);
    expect(outcome.stableWaitSeconds).toBeCloseTo(queueMetrics(60, 180, 8, AVG_WAIT).averageWaitSeconds, 12);
    // Short of staff rather than of windows: unstable, but nothing is beyond the windows.
    const short = predictWait({ slots: [{ arrivalsPerHour: 60 }], meanHandleSeconds: 180, windows: 8, windowHalfHours: 2 });
    expect(short.unstableShare).toBe(1);
    expect(short.beyondWindowsShare).toBe(0);
    expect(short.stableWaitSeconds).toBe(0);
  });

  it('breaks ties by slot index', () => {
    const outcome = predictWait({ slots: [{ arrivalsPerHour: 100 }, { arrivalsPerHour: 100 }], meanHandleSeconds: 180, windows: 8, windowHalfHours: 13 });
    expect(outcome.staffed).toEqual([7, 6]);
    // Room to stabilise one of the two: the first is, and the rest tops it up before the second.
    const short = predictWait({ slots: [{ arrivalsPerHour: 100 }, { arrivalsPerHour: 100 }], meanHandleSeconds: 180, windows: 8, windowHalfHours: 11 });
    expect(short.staffed).toEqual([8, 3]);
  });

  it('waits exactly as little as the best of all allocations, by brute force on three half-hours', () => {
    const input = { slots: [{ arrivalsPerHour: 90 }, { arrivalsPerHour: 50 }, { arrivalsPerHour: 20 }], meanHandleSeconds: 240, windows: 9 };
    // Loads 6, 3.3 and 1.3 erlangs: 7 + 4 + 2 = 13 windows keep all three up; 27 fill every window.
    for (let capacity = 13; capacity <= 28; capacity += 1) {
      const outcome = predictWait({ ...input, windowHalfHours: capacity });
      let best = Infinity;
      for (let a = 0; a <= 9; a += 1) {
        for (let b = 0; a + b <= capacity && b <= 9; b += 1) {
          for (let c = 0; a + b + c <= capacity && c <= 9; c += 1) best = Math.min(best, waitingOf({ ...input, windowHalfHours: capacity }, [a, b, c]));
        }
      }
      const greedy = outcome.averageWaitSeconds * 160;
      expect(Math.abs(greedy - best)).toBeLessThanOrEqual(1e-9 * best);
      expect(waitingOf({ ...input, windowHalfHours: capacity }, outcome.staffed)).toBeCloseTo(greedy, 9);
    }
  });
});

describe('what if one person more or fewer', () => {
  it('moves the planned window-half-hours by whole people, in the deltas\' order, never below none', () => {
    const input = { slots: DAY_PROFILE.map((arrivalsPerHour) => ({ arrivalsPerHour })), meanHandleSeconds: 180, windows: 8 };
    const rows = whatIfAroundPlan(60, 40, input, [1, -2, 0, -1]);
    expect(rows.map((row) => row.windowHalfHours)).toEqual([100, 0, 60, 20]);
    for (const row of rows) expect(row.outcome).toEqual(predictWait({ ...input, windowHalfHours: row.windowHalfHours }));
    expect(rows[1]!.outcome.usedWindowHalfHours).toBe(0);
    // One person more never waits longer than the plan, one fewer never shorter.
    expect(rows[0]!.outcome.unstableShare).toBeLessThanOrEqual(rows[2]!.outcome.unstableShare);
    expect(rows[3]!.outcome.unstableShare).toBeGreaterThanOrEqual(rows[2]!.outcome.unstableShare);
  });

  it('turns people into window-half-hours: people × weekly hours × 2 × weeks × availability', () => {
    expect(windowHalfHoursOf(10, 40, 4, 0.85)).toBeCloseTo(2720, 9);
    expect(windowHalfHoursOf(1, 40, 1, 1)).toBe(80);
    expect(windowHalfHoursOf(0, 40, 4, 0.85)).toBe(0);
    expect(windowHalfHoursOf(-1, 40, 4, 0.85)).toBe(0);
    expect(windowHalfHoursOf(1, 40, 1, 1.5)).toBe(80);
    expect(windowHalfHoursOf(1, 40, 1, -0.2)).toBe(0);
  });
});
