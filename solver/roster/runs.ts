/**
 * Rules 7, 8 and 10 for one person at once: the person's days as a path through a small network.
 * A node (day, weekends) means "free to start a run of work on this day, with so many weekends
 * worked so far". From it, an arc rests the day (to the next day), or works a whole block of days
 * the rules allow and then the minimum rest after it (to the day after that rest, with the weekends
 * the block touched added).
 *
 * Rows such as "a block that starts must last" are weak in the LP relaxation: a fraction of a block
 * satisfies them. A network is not: its flows are convex combinations of whole paths, so the
 * relaxation only mixes patterns that keep every run rule and the weekend limit together. The arcs
 * are continuous: once the duties make works(day) whole, the only path left is the pattern those
 * days spell, and it exists only if that pattern keeps the rules.
 */
import { scaled, sumOf, type ProgramBuilder, type Terms } from './program.ts';

export interface RunSpec {
  /** A unique prefix for the variables and rows. */
  name: string;
  /** works(day) as terms per day; empty where the day cannot be worked. */
  work: Terms[];
  maxRun: number;
  /** Runs that start on day 0 (they may have begun before) or end on the last day are exempt. */
  minRun: number;
  minRest: number;
  /** Counted into a run that starts on day 0. */
  daysWorkedBefore: number;
  /** Weekend index of each day, −1 on a weekday. */
  weekendOf: number[];
  /** Null = no limit. */
  maxWeekends: number | null;
}

interface Block {
  first: number;
  last: number;
  weekends: number;
}

export function addRunNetwork(builder: ProgramBuilder, spec: RunSpec): void {
  const days = spec.work.length;
  const network = new Network(builder, spec.name);
  const blocksFrom = groupByFirstDay(allowedBlocks(spec), days);
  const maxWeekends = spec.maxWeekends ?? 0;
  const reached = new Set(['0|0']);
  for (let day = 0; day < days; day += 1) {
    for (let weekends = 0; weekends <= maxWeekends; weekends += 1) {
      if (!reached.has(`${day}|${weekends}`)) continue;
      const from = { day, weekends };
      network.arc(from, { day: day + 1, weekends }, null);
      reached.add(`${day + 1}|${weekends}`);
      for (const block of blocksFrom[day] ?? []) {
        const after = spec.maxWeekends === null ? 0 : weekends + block.weekends;
        if (after > maxWeekends) continue;
        const to = { day: Math.min(days, block.last + 1 + spec.minRest), weekends: after };
        network.arc(from, to, block);
        reached.add(`${to.day}|${after}`);
      }
      if (day > 0) network.conserve(from);
    }
  }
  builder.row(`${spec.name}|start`, network.leaving({ day: 0, weekends: 0 }), 1, 1);
  for (let day = 0; day < days; day += 1) {
    builder.row(`${spec.name}|works|${day}`, sumOf(network.workingOn(day), scaled(spec.work[day] ?? [], -1)), 0, 0);
  }
}

/** Every (first, last) the run rules allow over days that can be worked, with the weekends it touches. */
function allowedBlocks(spec: RunSpec): Block[] {
  const days = spec.work.length;
  const canWork = (day: number) => (spec.work[day]?.length ?? 0) > 0;
  const blocks: Block[] = [];
  for (let first = 0; first < days; first += 1) {
    const longest = first === 0 ? spec.maxRun - spec.daysWorkedBefore : spec.maxRun;
    const weekends = new Set<number>();
    for (let last = first; last < days && last - first + 1 <= longest && canWork(last); last += 1) {
      if ((spec.weekendOf[last] ?? -1) >= 0) weekends.add(spec.weekendOf[last] as number);
      const exempt = first === 0 || last === days - 1;
      if (last - first + 1 >= spec.minRun || exempt) blocks.push({ first, last, weekends: weekends.size });
    }
  }
  return blocks;
}

function groupByFirstDay(blocks: Block[], days: number): Block[][] {
  const grouped: Block[][] = Array.from({ length: days }, () => []);
  for (const block of blocks) grouped[block.first]?.push(block);
  return grouped;
}

interface Node {
  day: number;
  weekends: number;
}

/** Continuous arcs with flow conservation; nodes past the last day are the sink. */
class Network {
  private readonly inflow = new Map<string, Terms>();
  private readonly outflow = new Map<string, Terms>();
  private readonly working = new Map<number, Terms>();

  constructor(
    private readonly builder: ProgramBuilder,
    private readonly name: string,
  ) {}

  arc(from: Node, to: Node, block: Block | null): void {
    const label = block ? `work ${block.first}-${block.last}` : 'rest';
    const variable = this.builder.variable(`${this.name}|${from.day}|${from.weekends}|${label}|${to.weekends}`, 'continuous', 0, { upper: 1 });
    const term = { variable, coefficient: 1 };
    append(this.outflow, key(from), term);
    append(this.inflow, key(to), term);
    if (block) for (let day = block.first; day <= block.last; day += 1) append(this.working, day, term);
  }

  conserve(node: Node): void {
    this.builder.row(`${this.name}|flow|${key(node)}`, sumOf(this.inflow.get(key(node)) ?? [], scaled(this.leaving(node), -1)), 0, 0);
  }

  leaving(node: Node): Terms {
    return this.outflow.get(key(node)) ?? [];
  }

  workingOn(day: number): Terms {
    return this.working.get(day) ?? [];
  }
}

function key(node: Node): string {
  return `${node.day}|${node.weekends}`;
}

function append<K>(map: Map<K, Terms>, at: K, term: Terms[number]): void {
  const list = map.get(at);
  if (list) list.push(term);
  else map.set(at, [term]);
}
