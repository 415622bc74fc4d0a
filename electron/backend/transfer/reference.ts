/**
 * Zones and posts as files name them: by code (TX, TX-INTAKE) or by Chinese name (税务, 税务收件).
 * Export writes the Chinese name, or the code where two records share a name, so that every file
 * it writes reads back to the same record.
 */
import type { Queryable } from '../../../data/connection.ts';
import { listPosts, listZones, type PostRecord, type ZoneRecord } from '../../../data/repositories/centre.ts';

interface Named {
  id: number;
  code: string;
  nameZh: string;
}

export type Lookup<T> = { found: T } | { found: null; reason: 'unknown' | 'ambiguous' };

export class NameBook<T extends Named> {
  private readonly byCode = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();
  private readonly byId = new Map<number, T>();

  constructor(readonly records: readonly T[]) {
    for (const record of records) {
      this.byCode.set(record.code.toUpperCase(), record);
      this.byName.set(record.nameZh, [...(this.byName.get(record.nameZh) ?? []), record]);
      this.byId.set(record.id, record);
    }
  }

  find(text: string): Lookup<T> {
    const byCode = this.byCode.get(text.toUpperCase());
    if (byCode) return { found: byCode };
    const named = this.byName.get(text) ?? [];
    if (named.length === 1) return { found: named[0]! };
    return { found: null, reason: named.length > 1 ? 'ambiguous' : 'unknown' };
  }

  get(id: number): T | undefined {
    return this.byId.get(id);
  }

  /** What a file shows for a record: its name when that name is its own, else its code. */
  label(id: number | null): string {
    const record = id === null ? undefined : this.byId.get(id);
    if (!record) return '';
    return (this.byName.get(record.nameZh) ?? []).length === 1 ? record.nameZh : record.code;
  }
}

export interface CentreBook {
  zones: NameBook<ZoneRecord>;
  posts: NameBook<PostRecord>;
}

export async function loadCentreBook(db: Queryable): Promise<CentreBook> {
  return { zones: new NameBook(await listZones(db)), posts: new NameBook(await listPosts(db)) };
}
