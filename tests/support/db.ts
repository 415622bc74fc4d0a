import { join } from 'node:path';
import { openDatabase, type Database } from '../../data/connection.ts';
import { migrate } from '../../data/migrations/index.ts';
import { withTempDir } from './temp.ts';

/** A database file of its own, migrated to `upTo` (the latest by default), closed after `work`. */
export async function withMigratedDb(work: (db: Database) => Promise<void>, upTo?: number): Promise<void> {
  await withTempDir(async (dir) => {
    const db = await openDatabase(join(dir, 'centre.sqlite3'));
    try {
      await migrate(db, upTo);
      await work(db);
    } finally {
      await db.close();
    }
  });
}
