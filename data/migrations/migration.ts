import type { Queryable } from '../connection.ts';

export interface Migration {
  /** 1, 2, 3, …: append-only; a released migration is never edited, only followed by another. */
  version: number;
  name: string;
  up(tx: Queryable): Promise<void>;
}
