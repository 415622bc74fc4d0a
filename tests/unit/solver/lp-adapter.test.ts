import { describe, expect, it } from 'vitest';
import { solveIntegerProgram } from '../../../solver/lp/js-lp-solver.ts';
import type { IntegerProgram } from '../../../solver/lp/types.ts';

describe('solveIntegerProgram over javascript-lp-solver', () => {
  it('keeps binaries at most 1 and integers whole', () => {
    const program: IntegerProgram = {
      sense: 'max',
      variables: [
        { name: 'pick', cost: 5, kind: 'binary' },
        { name: 'crates', cost: 1, kind: 'integer' },
      ],
      constraints: [{ name: 'room', terms: [{ variable: 'pick', coefficient: 1 }, { variable: 'crates', coefficient: 2 }], max: 8 }],
    };
    expect(solveIntegerProgram(program)).toEqual({ status: 'optimal', objective: 8, bound: 8, gap: 0, values: { pick: 1, crates: 3 } });
  });

  it('reports every variable, including those at zero', () => {
    const program: IntegerProgram = {
      sense: 'min',
      variables: [
        { name: 'cheap', cost: 1, kind: 'integer' },
        { name: 'dear', cost: 3, kind: 'integer' },
      ],
      constraints: [{ name: 'need', terms: [{ variable: 'cheap', coefficient: 1 }, { variable: 'dear', coefficient: 1 }], min: 2 }],
    };
    expect(solveIntegerProgram(program).values).toEqual({ cheap: 2, dear: 0 });
  });

  it('accepts names that collide with the library\'s own keys', () => {
    const program: IntegerProgram = {
      sense: 'min',
      variables: [
        { name: 'objective', cost: 1, kind: 'binary' },
        { name: 'c0', cost: 2, kind: 'binary' },
      ],
      constraints: [{ name: 'v0', terms: [{ variable: 'objective', coefficient: 1 }, { variable: 'c0', coefficient: 1 }], min: 2 }],
    };
    expect(solveIntegerProgram(program)).toEqual({ status: 'optimal', objective: 3, bound: 3, gap: 0, values: { objective: 1, c0: 1 } });
  });

  it('says infeasible rather than returning a solution', () => {
    const program: IntegerProgram = {
      sense: 'min',
      variables: [{ name: 'x', cost: 1, kind: 'binary' }],
      constraints: [{ name: 'too much', terms: [{ variable: 'x', coefficient: 1 }], min: 2 }],
    };
    expect(solveIntegerProgram(program).status).toBe('infeasible');
  });

  it('refuses a constraint on a variable the program does not declare', () => {
    const program: IntegerProgram = {
      sense: 'min',
      variables: [{ name: 'x', cost: 1, kind: 'binary' }],
      constraints: [{ name: 'typo', terms: [{ variable: 'y', coefficient: 1 }], min: 1 }],
    };
    expect(() => solveIntegerProgram(program)).toThrow(/unknown variable y/);
  });

  it('refuses two variables with the same name', () => {
    const program: IntegerProgram = {
      sense: 'min',
      variables: [{ name: 'x', cost: 1, kind: 'binary' }, { name: 'x', cost: 2, kind: 'binary' }],
      constraints: [],
    };
    expect(() => solveIntegerProgram(program)).toThrow(/unique/);
  });
});
