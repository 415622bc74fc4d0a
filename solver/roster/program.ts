/**
 * A small builder for the engine-neutral IntegerProgram: named variables, rows, costs added as the
 * rules are read, and a constant for the penalties no decision can avoid.
 */
import type { IntegerProgram, ProgramConstraint, ProgramTerm, ProgramVariable, VariableKind } from '../lp/types.ts';

export type Terms = ProgramTerm[];

export class ProgramBuilder {
  private readonly variables: ProgramVariable[] = [];
  private readonly byName = new Map<string, ProgramVariable>();
  private readonly constraints: ProgramConstraint[] = [];
  private offset = 0;
  private readonly blocks: string[][] = [];
  private currentBlock: string[] | null = null;

  /** Variables declared inside `build` belong to block `index` (see IntegerProgram.blocks). */
  inBlock<T>(index: number, build: () => T): T {
    const outer = this.currentBlock;
    this.blocks[index] ??= [];
    this.currentBlock = this.blocks[index];
    try {
      return build();
    } finally {
      this.currentBlock = outer;
    }
  }

  variable(name: string, kind: VariableKind, cost = 0, bounds: { lower?: number; upper?: number } = {}): string {
    if (this.byName.has(name)) throw new Error(`variable ${name} declared twice`);
    const variable: ProgramVariable = { name, kind, cost, ...bounds };
    this.variables.push(variable);
    this.byName.set(name, variable);
    this.currentBlock?.push(name);
    return name;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  addCost(name: string, amount: number): void {
    const variable = this.byName.get(name);
    if (!variable) throw new Error(`unknown variable ${name}`);
    variable.cost += amount;
  }

  /** Every variable of the terms gets `amount × coefficient` added to its cost. */
  addCostToTerms(terms: Terms, amount: number): void {
    for (const term of terms) this.addCost(term.variable, amount * term.coefficient);
  }

  fix(name: string, value: number): void {
    const variable = this.byName.get(name);
    if (!variable) throw new Error(`unknown variable ${name}`);
    variable.lower = value;
    variable.upper = value;
  }

  addConstant(amount: number): void {
    this.offset += amount;
  }

  /** min ≤ Σ terms ≤ max; a row without terms is dropped (its feasibility is the caller's to know). */
  row(name: string, terms: Terms, min?: number, max?: number): void {
    if (terms.length === 0) return;
    this.constraints.push({ name, terms, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });
  }

  build(): IntegerProgram {
    const blocks = this.blocks.filter((block) => block.length > 0);
    return { sense: 'min', variables: this.variables, constraints: this.constraints, offset: this.offset, ...(blocks.length > 0 ? { blocks } : {}) };
  }
}

export function sumOf(...groups: Terms[]): Terms {
  return groups.flat();
}

export function scaled(terms: Terms, factor: number): Terms {
  return terms.map((term) => ({ variable: term.variable, coefficient: term.coefficient * factor }));
}

export function single(variable: string, coefficient = 1): Terms {
  return [{ variable, coefficient }];
}
