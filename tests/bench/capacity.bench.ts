/**
 * Figures for the README: the headcount what-if of one zone over 4 weeks (28 open days × 20
 * half-hours × 8 windows, the brief's worst case; the goal: well under 50 ms). A script that prints
 * numbers, never a timed assertion (machines differ).
 */
import { performance } from 'node:perf_hooks';
import { predictWait, whatIfAroundPlan, windowHalfHoursOf, type CapacitySlot } from '../../solver/demand/capacity.ts';

const DAY_PROFILE = [20, 45, 80, 115, 130, 120, 95, 70, 40, 25, 35, 70, 105, 120, 100, 75, 55, 40, 30, 15];
const SLOTS: CapacitySlot[] = Array.from({ length: 28 }, (_, day) => 1.15 - 0.05 * (day % 7)).flatMap((factor) =>
  DAY_PROFILE.map((perHour) => ({ arrivalsPerHour: perHour * factor })),
);
const INPUT = { slots: SLOTS, meanHandleSeconds: 180, windows: 8 };

function median(run: () => void, rounds = 21): number {
  run(); // warm-up: JIT and module load stay out of the figures
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

const rows: [string, number][] = [
  ['predictWait, every window staffed (4,480 window-half-hours)', median(() => predictWait({ ...INPUT, windowHalfHours: 8 * SLOTS.length }))],
  ['predictWait, 14 people (stable, windows to spare)', median(() => predictWait({ ...INPUT, windowHalfHours: 14 * 40 * 2 * 4 * 0.85 }))],
  ['whatIfAroundPlan, 14 people, deltas -1 / 0 / +1', median(() => whatIfAroundPlan(windowHalfHoursOf(14, 40, 4, 0.85), windowHalfHoursOf(1, 40, 4, 0.85), INPUT, [-1, 0, 1]))],
];
for (const [label, ms] of rows) console.log(`${label.padEnd(64)} ${`${ms.toFixed(2)} ms`.padStart(10)}   (goal < 50 ms)`);
