/**
 * What an import would do, row by row. `transfer/check` reports a plan; `transfer/apply` builds the
 * same plan inside its transaction and runs the writes of the good rows, so the two never disagree.
 */
import type { Queryable } from '../../../data/connection.ts';
import type { ImportReport, ImportRowError, ImportUpdate, TransferKind } from '../../contract/model.ts';

export type RowEffect = 'create' | 'update' | 'unchanged';

/** Who writes, when, and from which file: the same for every row of one import. */
export interface ImportStamp {
  at: string;
  actor: string;
  fileName: string;
}

export type RowWrite = (tx: Queryable, stamp: ImportStamp) => Promise<void>;

export interface RowPlan {
  line: number;
  errors: ImportRowError[];
  effect: RowEffect;
  /** Null when the row changes nothing or is bad. */
  write: RowWrite | null;
  /** An update's fields, old → new, for the check step to show before anything is written. */
  update?: ImportUpdate;
}

export interface ImportPlan {
  kind: TransferKind | null;
  /** Data rows in the file, planned or not. */
  totalRows: number;
  /** Problems of the file as a whole: its type, its header, its emptiness. */
  fileErrors: ImportRowError[];
  rows: RowPlan[];
}

export function isGood(row: RowPlan): boolean {
  return row.errors.length === 0;
}

export function fileProblem(kind: TransferKind | null, totalRows: number, errors: ImportRowError[]): ImportPlan {
  return { kind, totalRows, fileErrors: errors, rows: [] };
}

export function reportOf(plan: ImportPlan): ImportReport {
  const good = plan.rows.filter(isGood);
  const counted = (effect: RowEffect) => good.filter((row) => row.effect === effect).length;
  return {
    kind: plan.kind,
    totalRows: plan.totalRows,
    goodRows: good.length,
    errors: [...plan.fileErrors, ...plan.rows.flatMap((row) => row.errors)],
    toCreate: counted('create'),
    toUpdate: counted('update'),
    unchanged: counted('unchanged'),
    updates: good.flatMap((row) => (row.effect === 'update' && row.update ? [row.update] : [])),
  };
}

export function rowError(line: number, column: string | null, problem: ImportRowError['problem'], detail: string): ImportRowError {
  return { line, column, problem, detail };
}

/** The detail of a broken rule: its key first, for the UI to translate, then the value as typed. */
export function ruleDetail(rule: string, value: string): string {
  return value === '' ? rule : `${rule}: ${value}`;
}

/** Remembers where a key was first seen, to name it when the key comes again. */
export class FirstSeen {
  private readonly lines = new Map<string, number>();

  /** The line of an earlier occurrence, or null after recording this one as the first. */
  repeatOf(key: string, line: number): number | null {
    const first = this.lines.get(key);
    if (first !== undefined) return first;
    this.lines.set(key, line);
    return null;
  }
}
