/**
 * What a zone's headcount buys in waiting time: the window-half-hours its staff can cover over a
 * period, spread over the period's half-hours as a good roster would, and the arrival-weighted
 * mean wait that results by Erlang C. The reports' what-if (one person more or fewer) reads it.
 */
import { erlangC, offeredLoad, UNSTABLE_WAIT_SECONDS } from './erlang.ts';

export interface CapacitySlot {
  /** Forecast arrivals per hour in this open half-hour. */
  arrivalsPerHour: number;
}

export interface CapacityInput {
  /** Every open half-hour of the period (e.g. 4 weeks), forecast arrivals. */
  slots: CapacitySlot[];
  meanHandleSeconds: number;
  /** Physical windows: at most this many staffed in one half-hour. */
  windows: number;
  /** Window-half-hours the zone's staff can cover over the period; a fraction covers nothing. */
  windowHalfHours: number;
}

export interface CapacityOutcome {
  /** Arrival-weighted mean wait in seconds over the period; UNSTABLE_WAIT_SECONDS when some half-hour with arrivals cannot keep up. */
  averageWaitSeconds: number;
  /** Share of arrivals in half-hours that cannot keep up (0 when all are stable). */
  unstableShare: number;
  /**
   * Of those, the share of arrivals in half-hours that need more than the physical windows: no
   * headcount helps them, so a what-if shows them apart from what staff can change.
   */
  beyondWindowsShare: number;
  /** Arrival-weighted mean wait over the half-hours that keep up; 0 when none has arrivals. */
  stableWaitSeconds: number;
  /** Windows staffed in each slot, in the input's order. */
  staffed: number[];
  usedWindowHalfHours: number;
}

/**
 * Window-half-hours a headcount covers: people × contracted weekly hours × 2 half-hours × weeks ×
 * availability. Negative people or weeks count as none; availability is clamped to 0–1.
 */
export function windowHalfHoursOf(people: number, weeklyHours: number, weeks: number, availability: number): number {
  const share = Math.min(Math.max(availability, 0), 1);
  return Math.max(people, 0) * Math.max(weeklyHours, 0) * 2 * Math.max(weeks, 0) * share;
}

/**
 * The outcome of the planned staffing moved by whole people: `planned` window-half-hours (what the
 * demand area asks the roster for) plus `delta` × `perPerson` for each delta, in the deltas' order,
 * never below none. Starting from the plan rather than from the head count keeps the question the
 * dispatcher asks — what does one person more or fewer do to the queue — apart from how many of the
 * zone's people the roster happens to need at windows.
 */
export function whatIfAroundPlan(
  planned: number,
  perPerson: number,
  input: Omit<CapacityInput, 'windowHalfHours'>,
  deltas: number[],
): { delta: number; windowHalfHours: number; outcome: CapacityOutcome }[] {
  return deltas.map((delta) => {
    const windowHalfHours = Math.max(0, planned + delta * perPerson);
    return { delta, windowHalfHours, outcome: predictWait({ ...input, windowHalfHours }) };
  });
}

/**
 * Staffs the period's half-hours and reports the wait. The allocation, in three passes:
 *
 * 1. Stabilise, busiest half-hour first (ties by slot index): each half-hour with arrivals gets the
 *    fewest windows that keep up (load < windows). One that would need more than the physical
 *    windows can never keep up and is skipped. When capacity runs short, a half-hour whose need
 *    exceeds what is left stays short and the next, smaller one is tried ("first fit"): the short
 *    ones are the least loaded, except that a smaller half-hour that still fits is made stable
 *    rather than spend those window-half-hours on waits that are already finite. Short half-hours
 *    wait "forever" in the M/M/c model, so their arrivals make up unstableShare and the mean wait
 *    is the sentinel. Stabilising is worth more than any finite cut in waiting, hence first.
 * 2. Cut waiting: each further window-half-hour goes to the stable half-hour where it cuts total
 *    waiting (arrivals × mean wait) the most, never above the physical windows; ties by slot index.
 *    The mean wait of an M/M/c queue is convex and decreasing in the number of servers (Dyer and
 *    Proll, 1977), so each half-hour's marginal cuts only shrink: handing out units one at a time
 *    to the largest cut is optimal for a separable convex allocation under one budget (Fox, 1966).
 *    Given the stable set from pass 1, no other allocation of the same capacity waits less.
 * 3. Leftovers: when every stable half-hour is at the physical windows, what remains goes, busiest
 *    first, to half-hours that still cannot keep up. A steady-state model cannot value these windows
 *    (the wait stays unbounded), but a roster would open them rather than leave staff idle.
 *
 * Half-hours with no arrivals (or no handling time) get nothing.
 */
export function predictWait(input: CapacityInput): CapacityOutcome {
  const count = input.slots.length;
  const cap = Math.max(0, Math.floor(finite(input.windows)));
  let capacity = Math.max(0, Math.floor(finite(input.windowHalfHours)));
  const handle = Math.max(0, finite(input.meanHandleSeconds));
  const arrivals = input.slots.map((slot) => Math.max(0, finite(slot.arrivalsPerHour)));
  const loads = arrivals.map((perHour) => offeredLoad(perHour, handle));
  const staffed = new Array<number>(count).fill(0);
  const stable = loads.map((load) => load === 0);

  const busiestFirst = Array.from({ length: count }, (_, i) => i)
    .filter((i) => (loads[i] ?? 0) > 0)
    .sort((a, b) => (arrivals[b] ?? 0) - (arrivals[a] ?? 0) || a - b);

  for (const i of busiestFirst) {
    const need = Math.floor(loads[i] ?? 0) + 1;
    if (need > cap || need > capacity) continue;
    staffed[i] = need;
    stable[i] = true;
    capacity -= need;
  }

  // Pass 2: a max-heap of each stable half-hour's cut from one more window.
  const waits = loads.map((load, i) => (stable[i] && load > 0 ? meanWait(staffed[i] ?? 0, load, handle) : 0));
  const cuts = new Float64Array(count);
  const heap = new CutHeap(cuts);
  const pushNext = (i: number) => {
    const servers = staffed[i] ?? 0;
    if (servers >= cap) return;
    cuts[i] = (arrivals[i] ?? 0) * ((waits[i] ?? 0) - meanWait(servers + 1, loads[i] ?? 0, handle));
    heap.push(i);
  };
  for (const i of busiestFirst) if (stable[i]) pushNext(i);
  while (capacity > 0 && heap.size > 0) {
    const i = heap.pop();
    const servers = (staffed[i] ?? 0) + 1;
    staffed[i] = servers;
    waits[i] = meanWait(servers, loads[i] ?? 0, handle);
    capacity -= 1;
    pushNext(i);
  }

  for (const i of busiestFirst) {
    if (stable[i] || capacity === 0) continue;
    const more = Math.min(cap - (staffed[i] ?? 0), capacity);
    staffed[i] = (staffed[i] ?? 0) + more;
    capacity -= more;
  }

  let total = 0;
  let short = 0;
  let beyond = 0;
  let waiting = 0;
  for (let i = 0; i < count; i += 1) {
    const perHour = arrivals[i] ?? 0;
    total += perHour;
    if (stable[i]) waiting += perHour * (waits[i] ?? 0);
    else short += perHour;
    if (Math.floor(loads[i] ?? 0) + 1 > cap && perHour > 0) beyond += perHour;
  }
  const kept = total - short;
  return {
    averageWaitSeconds: short > 0 ? UNSTABLE_WAIT_SECONDS : total > 0 ? waiting / total : 0,
    unstableShare: total > 0 ? short / total : 0,
    beyondWindowsShare: total > 0 ? beyond / total : 0,
    stableWaitSeconds: kept > 0 ? waiting / kept : 0,
    staffed,
    usedWindowHalfHours: staffed.reduce((sum, servers) => sum + servers, 0),
  };
}

/** The M/M/c mean wait, as queueMetrics computes it, for a queue known to be stable (load < servers). */
function meanWait(servers: number, load: number, handle: number): number {
  return (erlangC(servers, load) * handle) / (servers - load);
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/**
 * A binary max-heap of slot indices keyed by `cuts[index]`, equal cuts going to the lower index so
 * the allocation is deterministic. A slot is in the heap at most once: its key is set before push
 * and not touched again until it is popped.
 */
class CutHeap {
  private readonly items: number[] = [];

  constructor(private readonly cuts: Float64Array) {}

  get size(): number {
    return this.items.length;
  }

  push(index: number): void {
    const items = this.items;
    items.push(index);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(index, items[parent]!)) break;
      items[at] = items[parent]!;
      at = parent;
    }
    items[at] = index;
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length === 0) return top;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && this.before(items[right]!, items[left]!) ? right : left;
      if (!this.before(items[child]!, last)) break;
      items[at] = items[child]!;
      at = child;
    }
    items[at] = last;
    return top;
  }

  private before(a: number, b: number): boolean {
    const cutA = this.cuts[a]!;
    const cutB = this.cuts[b]!;
    return cutA > cutB || (cutA === cutB && a < b);
  }
}
