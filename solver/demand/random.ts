/**
 * A seeded generator for synthetic demand. solver/ may not import data/demo/random.ts, so this is
 * solver's own mulberry32: the same seed gives the same hall on every machine.
 */

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Knuth's product method is exact but its e^−mean underflows for large means, so chunks stay small. */
const POISSON_CHUNK = 20;

/**
 * A Poisson draw. Large means are split into chunks of at most 20 and the draws summed, which is
 * exact (sums of independent Poissons are Poisson) and keeps Knuth's method away from underflow.
 */
export function poisson(random: () => number, mean: number): number {
  let total = 0;
  let left = mean;
  while (left > 0) {
    const part = Math.min(left, POISSON_CHUNK);
    total += knuthPoisson(random, part);
    left -= part;
  }
  return total;
}

function knuthPoisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count += 1;
    product *= random();
  }
  return count;
}

/** An exponential draw; 1 − u keeps the logarithm away from 0. */
export function exponential(random: () => number, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** A gamma draw with a whole-number shape: the sum of `shape` exponentials, mean `mean`. */
export function gammaWhole(random: () => number, shape: number, mean: number): number {
  let total = 0;
  for (let i = 0; i < shape; i += 1) total += exponential(random, mean / shape);
  return total;
}
