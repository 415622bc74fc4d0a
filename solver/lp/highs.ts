/**
 * The one file that knows HiGHS (WebAssembly). The program is written in CPLEX LP format with
 * positional names, so any name of ours is safe, and read back by those names.
 */
import highsLoader from 'highs';
import type { Engine, IntegerProgram, IntegerSolution, ProgramConstraint, SolveOptions, SolveStatus } from './types.ts';

const variableKey = (index: number) => `x${index}`;

/** Loads HiGHS once; the engine it returns solves synchronously, as javascript-lp-solver does. */
export async function loadHighsEngine(): Promise<Engine> {
  const highs = await highsLoader();
  return {
    name: 'highs',
    solve: (program: IntegerProgram, options: SolveOptions = {}): IntegerSolution => {
      const raw = highs.solve(toLpFormat(program), {
        output_flag: false,
        ...(options.timeLimitSeconds ? { time_limit: options.timeLimitSeconds } : {}),
      });
      const status = statusOf(raw.Status);
      const columns = raw.Columns as Record<string, { Primal?: number } | undefined>;
      const values: Record<string, number> = {};
      program.variables.forEach((variable, index) => {
        const primal = columns[variableKey(index)]?.Primal ?? 0;
        values[variable.name] = variable.kind === 'continuous' ? primal : Math.round(primal);
      });
      return { status, objective: status === 'infeasible' ? Number.NaN : raw.ObjectiveValue, values };
    },
  };
}

/** The program in CPLEX LP format; a two-sided constraint becomes two rows. */
export function toLpFormat(program: IntegerProgram): string {
  const keys = new Map(program.variables.map((variable, index) => [variable.name, variableKey(index)]));
  const expression = (terms: { variable: string; coefficient: number }[]) =>
    terms.length === 0 ? `0 ${variableKey(0)}` : terms.map((term) => `${signed(term.coefficient)} ${keys.get(term.variable) ?? unknown(term.variable)}`).join(' ');
  const objective = expression(program.variables.map((variable) => ({ variable: variable.name, coefficient: variable.cost })));
  const rows = program.constraints.flatMap((constraint, index) => rowsOf(constraint, index, expression));
  const bounds = program.variables.map((variable, index) => `  0 <= ${variableKey(index)}${variable.kind === 'binary' ? ' <= 1' : ''}`);
  const integers = program.variables.flatMap((variable, index) => (variable.kind === 'continuous' ? [] : [variableKey(index)]));
  return [
    program.sense === 'min' ? 'Minimize' : 'Maximize',
    `  obj: ${objective}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    ...(integers.length > 0 ? ['General', `  ${integers.join(' ')}`] : []),
    'End',
  ].join('\n');
}

function rowsOf(constraint: ProgramConstraint, index: number, expression: (terms: ProgramConstraint['terms']) => string): string[] {
  const rows: string[] = [];
  if (constraint.min !== undefined) rows.push(`  r${index}lo: ${expression(constraint.terms)} >= ${constraint.min}`);
  if (constraint.max !== undefined) rows.push(`  r${index}hi: ${expression(constraint.terms)} <= ${constraint.max}`);
  return rows;
}

function signed(coefficient: number): string {
  return coefficient < 0 ? `- ${-coefficient}` : `+ ${coefficient}`;
}

function unknown(name: string): never {
  throw new Error(`constraint refers to an unknown variable: ${name}`);
}

function statusOf(status: string): SolveStatus {
  if (status === 'Optimal') return 'optimal';
  if (status === 'Infeasible') return 'infeasible';
  if (status === 'Unbounded' || status === 'Primal infeasible or unbounded') return 'unbounded';
  if (status === 'Time limit reached' || status === 'Iteration limit reached' || status.includes('objective reached')) return 'stopped';
  throw new Error(`HiGHS could not solve the program: ${status}`);
}
