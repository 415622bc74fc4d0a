/**
 * The demo centre's skill matrix and A/B posts: most people master their own post, about half a
 * second post of their zone, a few one across zones; some small zones are left thin on purpose,
 * so the bench-strength view and the training planner have real gaps to show.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { DemoCentre, DemoStaff } from './generate.ts';
import { SeededRandom } from './random.ts';

export interface DemoSkill {
  employeeNo: string;
  postCode: string;
  level: 0 | 1 | 2 | 3;
  certifiedOn: string | null;
  mentorEmployeeNo: string | null;
  targetDate: string | null;
}

export interface DemoAb {
  windowCode: string;
  aEmployeeNo: string | null;
  bEmployeeNo: string | null;
}

export function generateDemoSkills(demo: DemoCentre, options: { seed: number; today: string }): { skills: DemoSkill[]; ab: DemoAb[] } {
  const random = new SeededRandom(options.seed + 1);
  const skills = demo.staff.flatMap((person) => personSkills(person, demo, random, options.today));
  ensureMentors(skills, demo);
  assignMentors(skills, options.today);
  const ab = assignAb(demo, skills);
  return { skills: [...skills, ...flexibleSkills(demo, options.today)], ab };
}

/**
 * Everyone can work their zone's flexible post (those who left did, while they were there) (back-office entry; hall order at the desk):
 * under the presence rule that is where people beyond the open windows sit. Added after every
 * random draw, so the rest of the matrix is what it was.
 */
function flexibleSkills(demo: DemoCentre, today: string): DemoSkill[] {
  const flexible = new Map(demo.posts.filter((post) => post.zoneCode !== null && (post.function === 'entry' || post.function === 'order')).map((post) => [post.zoneCode, post.code]));
  return demo.staff.flatMap((person): DemoSkill[] => {
    const postCode = flexible.get(person.homeZoneCode);
    if (postCode === undefined || postCode === person.primaryPostCode) return [];
    const certifiedOn = format(addDays(parseISO(person.hireDate), 14), 'yyyy-MM-dd');
    return [{ employeeNo: person.employeeNo, postCode, level: 2, certifiedOn: certifiedOn > today ? today : certifiedOn, mentorEmployeeNo: null, targetDate: null }];
  });
}

function personSkills(person: DemoStaff, demo: DemoCentre, random: SeededRandom, today: string): DemoSkill[] {
  const certified = (level: 2 | 3): DemoSkill => ({
    employeeNo: person.employeeNo, postCode: '', level, certifiedOn: certifiedDate(person, random, today), mentorEmployeeNo: null, targetDate: null,
  });
  const tenureYears = (Date.parse(today) - Date.parse(person.hireDate)) / (365 * 86_400_000);
  const own: DemoSkill = person.status === 'probation' && random.chance(0.6)
    ? { employeeNo: person.employeeNo, postCode: person.primaryPostCode, level: 1, certifiedOn: null, mentorEmployeeNo: null, targetDate: null }
    : { ...certified(tenureYears >= 3 && random.chance(0.5) ? 3 : 2), postCode: person.primaryPostCode };
  if (person.status === 'probation') return [own];
  const extras = extraPosts(person, demo, random).map((postCode) => ({ ...certified(2), postCode }));
  return [own, ...extras];
}

/** A second post of the home zone for about half, a third for a few, one across zones for some. */
function extraPosts(person: DemoStaff, demo: DemoCentre, random: SeededRandom): string[] {
  // The back-office post is everyone's (flexibleSkills), not a second post to draw.
  const zonePosts = demo.posts.filter((post) => post.zoneCode === person.homeZoneCode && post.code !== person.primaryPostCode && post.function !== 'entry');
  const otherZonePosts = demo.posts.filter((post) => post.zoneCode !== null && post.zoneCode !== person.homeZoneCode && post.function === 'intake');
  const chosen: string[] = [];
  if (zonePosts.length > 0 && random.chance(0.45)) chosen.push(pickWeighted(zonePosts, random).code);
  if (zonePosts.length > 1 && random.chance(0.12)) chosen.push(...zonePosts.map((p) => p.code).filter((code) => !chosen.includes(code)).slice(0, 1));
  if (otherZonePosts.length > 0 && random.chance(0.1)) chosen.push(random.pick(otherZonePosts).code);
  if (person.primaryPostCode === 'LEAD') chosen.push(random.pick(demo.posts.filter((post) => post.function === 'consult')).code);
  return [...new Set(chosen)];
}

/** Intake is what most people learn second; hand-out is rarely learnt, so it stays thin. */
function pickWeighted<T extends { function: string }>(posts: T[], random: SeededRandom): T {
  const weight = (post: T) => (post.function === 'intake' ? 7 : post.function === 'prereview' ? 2 : 0.2);
  let roll = random.next() * posts.reduce((sum, post) => sum + weight(post), 0);
  for (const post of posts) {
    roll -= weight(post);
    if (roll < 0) return post;
  }
  return posts[posts.length - 1] as T;
}

function certifiedDate(person: DemoStaff, random: SeededRandom, today: string): string {
  const date = format(addDays(parseISO(person.hireDate), random.int(30, 240)), 'yyyy-MM-dd');
  return date > today ? today : date;
}

/** Every post has someone who can teach it: its longest-serving holder is raised to level 3. */
function ensureMentors(skills: DemoSkill[], demo: DemoCentre): void {
  const hired = new Map(demo.staff.filter((p) => !p.departed).map((p) => [p.employeeNo, p.hireDate]));
  for (const post of demo.posts) {
    const holders = skills
      .filter((skill) => skill.postCode === post.code && skill.level >= 2 && hired.has(skill.employeeNo))
      .sort((a, b) => (hired.get(a.employeeNo) ?? '').localeCompare(hired.get(b.employeeNo) ?? ''));
    if (holders.length > 0 && !holders.some((skill) => skill.level === 3)) (holders[0] as DemoSkill).level = 3;
  }
}

/** Every learner gets a mentor of that post when one exists, and a date to be certified by. */
function assignMentors(skills: DemoSkill[], today: string): void {
  for (const learner of skills.filter((skill) => skill.level === 1)) {
    const mentor = skills.find((skill) => skill.postCode === learner.postCode && skill.level === 3 && skill.employeeNo !== learner.employeeNo);
    learner.mentorEmployeeNo = mentor?.employeeNo ?? null;
    learner.targetDate = format(addDays(parseISO(today), 56), 'yyyy-MM-dd');
  }
}

/** A is someone whose own post the window needs; B anyone else qualified; A sits at one window only. */
function assignAb(demo: DemoCentre, skills: DemoSkill[]): DemoAb[] {
  const current = new Set(demo.staff.filter((person) => !person.departed).map((person) => person.employeeNo));
  const primary = new Map(demo.staff.map((person) => [person.employeeNo, person.primaryPostCode]));
  const takenAsA = new Set<string>();
  const bLoad = new Map<string, number>();
  return demo.windows.map((window) => {
    const qualified = skills
      .filter((skill) => skill.postCode === window.postCode && skill.level >= 2 && current.has(skill.employeeNo))
      .map((skill) => skill.employeeNo);
    const a = qualified.find((no) => !takenAsA.has(no) && primary.get(no) === window.postCode) ?? qualified.find((no) => !takenAsA.has(no)) ?? null;
    if (a) takenAsA.add(a);
    const b = qualified.filter((no) => no !== a).sort((x, y) => (bLoad.get(x) ?? 0) - (bLoad.get(y) ?? 0))[0] ?? null;
    if (b) bLoad.set(b, (bLoad.get(b) ?? 0) + 1);
    return { windowCode: window.code, aEmployeeNo: a, bEmployeeNo: b };
  });
}
