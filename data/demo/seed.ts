import type { Database, Queryable } from '../connection.ts';
import { getCentre, insertPost, insertWindow, insertZone, putCentre } from '../repositories/centre.ts';
import { insertDepartedStaff, insertStaff, type StaffFields } from '../repositories/staff.ts';
import { DEMO_SEED, generateDemoCentre, type DemoCentre, type DemoStaff } from './generate.ts';
import { generateDemoSkills } from './skills.ts';
import { putSkillCell, putWindowAb } from '../repositories/skills.ts';
import { listShiftTemplates, putOpeningHours, setShiftTemplateWindows } from '../repositories/calendar.ts';
import { LUNCH_WINDOWS, SATURDAY_HOURS } from './layout.ts';

/**
 * Fills an empty database with the demo centre, all in one transaction. Returns false, changing
 * nothing, when a centre is already there: the demo never overwrites a user's data.
 */
export async function seedDemoCentre(db: Database, options: DemoCentreOptions): Promise<boolean> {
  return db.transaction((tx) => fillDemoCentre(tx, options));
}

export interface DemoCentreOptions {
  seed?: number;
  today: string;
  now: string;
}

/**
 * The same inside the caller's transaction, so the start-up can write the whole demo (centre,
 * punches, demand, cost) in one: a crash mid-seed leaves an empty file or a whole demo.
 */
export async function fillDemoCentre(tx: Queryable, options: DemoCentreOptions): Promise<boolean> {
  if (await getCentre(tx)) return false;
  const demo = generateDemoCentre(options);
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
  const windowIds = new Map<string, number>();
  for (const window of demo.windows) {
    const id = await insertWindow(tx, { ...window, zoneId: requireId(zoneIds, window.zoneCode), postId: requireId(postIds, window.postCode) });
    windowIds.set(window.code, id);
  }
  // The Saturday appointment service opens a few windows on Saturday mornings.
  await putOpeningHours(tx, { dayKind: 'saturday', isOpen: true, ...SATURDAY_HOURS });
  const lunch = (await listShiftTemplates(tx)).find((template) => template.code === 'NOON');
  if (lunch) await setShiftTemplateWindows(tx, lunch.id, LUNCH_WINDOWS.map((code) => requireId(windowIds, code)));
  const staffIds = new Map<string, number>();
  for (const person of demo.staff) {
    const fields = staffFields(person, zoneIds, postIds);
    const id = person.departed
      ? await insertDepartedStaff(tx, fields, person.departed.leftOn, person.departed.reason, options.now)
      : await insertStaff(tx, fields, options.now);
    staffIds.set(person.employeeNo, id);
  }
  const { skills, ab } = generateDemoSkills(demo, { seed: options.seed ?? DEMO_SEED, today: options.today });
  for (const skill of skills) {
    await putSkillCell(tx, {
      staffId: requireId(staffIds, skill.employeeNo),
      postId: requireId(postIds, skill.postCode),
      level: skill.level,
      certifiedOn: skill.certifiedOn,
      mentorId: skill.mentorEmployeeNo === null ? null : requireId(staffIds, skill.mentorEmployeeNo),
      targetDate: skill.targetDate,
      updatedAt: options.now,
    });
  }
  for (const seats of ab) {
    await putWindowAb(tx, {
      windowId: requireId(windowIds, seats.windowCode),
      aStaffId: seats.aEmployeeNo === null ? null : requireId(staffIds, seats.aEmployeeNo),
      bStaffId: seats.bEmployeeNo === null ? null : requireId(staffIds, seats.bEmployeeNo),
      updatedAt: options.now,
    });
  }
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
