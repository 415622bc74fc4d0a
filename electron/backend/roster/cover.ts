import { listPublishedCover, type CoverRecord } from '../../../data/repositories/roster.ts';
import type { Queryable } from '../../../data/connection.ts';

/** Which published roster the hall follows for a zone on a day, if any. */
export interface PublishedCover {
  rosterOf(zoneId: number, date: string): number | undefined;
  covers(zoneId: number, date: string): boolean;
  readonly size: number;
}

export function coverOf(rows: readonly CoverRecord[]): PublishedCover {
  const byKey = new Map(rows.map((row) => [`${row.zoneId}|${row.date}`, row.rosterId]));
  return {
    rosterOf: (zoneId, date) => byKey.get(`${zoneId}|${date}`),
    covers: (zoneId, date) => byKey.has(`${zoneId}|${date}`),
    size: byKey.size,
  };
}

export async function loadPublishedCover(db: Queryable, from: string, to: string): Promise<PublishedCover> {
  return coverOf(await listPublishedCover(db, from, to));
}
