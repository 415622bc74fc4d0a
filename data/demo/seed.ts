import type { Database } from '../connection.ts';
import { getCentre, insertPost, insertWindow, insertZone, putCentre } from '../repositories/centre.ts';
import { insertDepartedStaff, insertStaff, type StaffFields } from '../repositories/staff.ts';
import { generateDemoCentre, type DemoCentre, type DemoStaff } from './generate.ts';

/**
 * Fills an empty database with the demo centre, all in one transaction. Returns false, changing
 * nothing, when a centre is already there: the demo never overwrites a user's data.
 */
export async function seedDemoCentre(db: Database, options: { seed?: number; today: string; now: string }): Promise<boolean> {
  if (await getCentre(db)) return false;
  const demo = generateDemoCentre(options);
  await db.transaction(async (tx) => {
    await putCentre(tx, demo.centre);
    const zoneIds = new Map<string, number>();
    for (const zone of demo.zones) {
      zoneIds.set(zone.code, await insertZone(tx, { ...zone, sortOrder: demo.zones.indexOf(zone) + 1 }));
    }
    const postIds = new Map<string, number>();
    for (const post of demo.posts) {
      const zoneId = post.zoneCode === null ? null : requireId(zoneIds, post.zoneCode);
      postIds.set(post.code, await insertPost(tx, { ...post, zoneId }));
    }
    for (const window of demo.windows) {
      await insertWindow(tx, { ...window, zoneId: requireId(zoneIds, window.zoneCode), postId: requireId(postIds, window.postCode) });
    }
    for (const person of demo.staff) {
      const fields = staffFields(person, zoneIds, postIds);
      if (person.departed) await insertDepartedStaff(tx, fields, person.departed.leftOn, person.departed.reason, options.now);
      else await insertStaff(tx, fields, options.now);
    }
  });
  return true;
}

function staffFields(person: DemoStaff, zoneIds: Map<string, number>, postIds: Map<string, number>): StaffFields {
  const { homeZoneCode, primaryPostCode, departed, ...rest } = person;
  void departed;
  return { ...rest, homeZoneId: requireId(zoneIds, homeZoneCode), primaryPostId: requireId(postIds, primaryPostCode) };
}

function requireId(ids: Map<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`demo centre refers to unknown code ${code}`);
  return id;
}

export type { DemoCentre };
