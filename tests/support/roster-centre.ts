/**
 * A generated government service hall as a roster scenario, for the benchmark and for tuning the
 * optimiser: realistic in shape (zones of posts, people qualified at 1–3 posts mostly within their
 * zone, mentors and learners, A/B home posts, leave, requests, 3 months of duty history) and sized
 * freely. Deterministic by seed: the same options give the same scenario on every machine.
 *
 * The calendar: Monday–Friday open (上午 08:30–12:00, 下午 13:30–17:30, and with three shifts a day
 * 延时 17:30–20:00 at some posts), Saturday open in the morning at some posts with lower demand,
 * Sunday closed (no demand). Demand per (date, shift, post) follows a weekday profile and totals
 * about 82–95% of what the people qualified at that post can give (their weekly shifts shared
 * evenly between their posts, before leave); about one post in seven is a specialist service whose
 * people hold no other post, asked for 92–100%; and no duty asks for more than 92% of the people
 * who can work it. So a good roster has few gaps but some (one or two a week at 100 staff).
 */
import { SeededRandom } from '../../data/demo/random.ts';
import { chineseName } from '../../data/demo/people.ts';
import type { DemandLine, Level, PostDef, Scenario, ShiftDef, ShiftRequest, StaffDef, Unavailability } from '../../solver/roster/types.ts';

export interface CentreOptions {
  staff: number;
  days: number;
  shiftsPerDay: 2 | 3;
  seed: number;
  /** ISO date, a Monday; default 2026-03-02. */
  start?: string;
}

interface ZoneCatalogue {
  code: string;
  name: string;
  posts: string[];
}

/** Seven zones of a mid-sized city's hall; a zone's first post offers 延时服务 when there are three shifts. */
const ZONES: readonly ZoneCatalogue[] = [
  { code: 'TX', name: '税务', posts: ['税务收件', '发票办理', '税务初审', '社保费缴纳', '税务出件', '个税汇算', '税务登记'] },
  { code: 'BR', name: '商事登记', posts: ['商事登记', '执照审核', '执照发放', '企业注销', '印章刻制', '经营许可', '食品许可'] },
  { code: 'PJ', name: '公安司法', posts: ['户籍办理', '出入境', '车驾管', '公证', '法律援助', '身份证办理', '居住证'] },
  { code: 'SA', name: '社会事务', posts: ['社保办理', '医保办理', '公积金', '婚姻登记', '残联事务', '退役军人', '人才服务'] },
  { code: 'IV', name: '投资事务', posts: ['工程建设审批', '不动产登记', '不动产出件', '项目备案', '消防验收', '施工许可', '规划许可'] },
  { code: 'AF', name: '农林水务', posts: ['农业审批', '林业审批', '水务报装', '供电报装', '燃气报装', '交通运输', '文旅审批'] },
  { code: 'CG', name: '咨询引导', posts: ['咨询引导', '帮办代办', '综合出件', '大厅秩序', '好差评回访', '自助区辅导', '邮政寄递'] },
];

const GROUP_SUFFIX = ['', '二组', '三组', '四组', '五组'];

const SHIFTS: readonly ShiftDef[] = [
  { id: 'AM', name: '上午', start: '08:30', end: '12:00' },
  { id: 'PM', name: '下午', start: '13:30', end: '17:30' },
  { id: 'EV', name: '延时', start: '17:30', end: '20:00', late: true },
];

/** Relative demand by ISO weekday (1 Monday … 7 Sunday): Monday peaks, Saturday half, Sunday closed. */
const WEEKDAY_PROFILE = [0, 1.1, 1.0, 1.0, 1.0, 0.95, 0.5, 0];
/** Relative demand by shift: mornings busier than afternoons, the late service a trickle. */
const SHIFT_PROFILE: Record<string, number> = { AM: 1.05, PM: 0.95, EV: 0.35 };
/** No duty asks for more than this share of the people who can work it: a hall never plans to use everyone at once. */
const DUTY_CEILING = 0.92;

const DAY_MS = 86_400_000;

interface Post {
  def: PostDef;
  zone: number;
  /** Offers 延时服务 (three-shift halls). */
  late: boolean;
  /** Open on Saturday mornings. */
  saturday: boolean;
  /** This post's own swing around the weekday profile. */
  jitter: number;
  /** A specialist service (公证, 出入境 …): its people hold no other post and nobody else learns it, so it runs tight. */
  specialist: boolean;
}

interface Person {
  def: StaffDef;
  zone: number;
  /** Staff-shifts a week this person can give, before leave. */
  weeklyShifts: number;
  qualified: string[];
}

export function generateCentre(options: CentreOptions): Scenario {
  const { staff: staffCount, days, shiftsPerDay, seed } = options;
  if (!Number.isInteger(staffCount) || staffCount < 1) throw new Error(`staff must be a positive integer, got ${staffCount}`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  const start = options.start ?? '2026-03-02';
  const random = new SeededRandom(seed);
  const shifts = SHIFTS.slice(0, shiftsPerDay).map((shift) => ({ ...shift }));
  const dates = Array.from({ length: days }, (_, index) => dateAfter(start, index));
  const weekdays = dates.map(isoWeekday);
  const weeks = Math.ceil(days / 7);

  const posts = makePosts(staffCount, shiftsPerDay, random);
  const zoneCount = Math.max(...posts.map((post) => post.zone)) + 1;
  const people = makePeople(staffCount, posts, zoneCount, shiftsPerDay, random);
  addLeave(people, dates, weekdays, shifts, random);
  const requests = makeRequests(people, dates, weekdays, shifts, weeks, random);
  const demand = trimToStaff(makeDemand(posts, people, dates, weekdays, shifts, random), people, weekdays, dates);

  return {
    name: `${staffCount}人政务大厅 ${start} 起 ${days} 天 每天${shiftsPerDay}班`,
    start,
    days,
    shifts,
    posts: posts.map((post) => post.def),
    staff: people.map((person) => person.def),
    demand,
    requests,
  };
}

/** About one post per seven people, spread over up to seven zones of three to seven posts. */
function makePosts(staffCount: number, shiftsPerDay: 2 | 3, random: SeededRandom): Post[] {
  const postCount = Math.max(2, Math.round(staffCount / 7));
  const zoneCount = Math.min(ZONES.length, Math.max(1, Math.round(postCount / 4)));
  const posts: Post[] = [];
  for (let index = 0; index < postCount; index += 1) {
    const zone = index % zoneCount;
    const within = Math.floor(index / zoneCount);
    const catalogue = ZONES[zone] as ZoneCatalogue;
    const name = (catalogue.posts[within % catalogue.posts.length] as string) + (GROUP_SUFFIX[Math.floor(within / catalogue.posts.length)] ?? `${Math.floor(within / catalogue.posts.length) + 1}组`);
    posts.push({
      def: { id: `${catalogue.code}${String(within + 1).padStart(2, '0')}`, name },
      zone,
      late: shiftsPerDay === 3 && (within === 0 || random.chance(0.15)),
      saturday: within === 0 || random.chance(0.5),
      jitter: 0.9 + random.next() * 0.2,
      specialist: within > 0 && random.chance(0.15),
    });
  }
  return posts;
}

function makePeople(staffCount: number, posts: Post[], zoneCount: number, shiftsPerDay: 2 | 3, random: SeededRandom): Person[] {
  const zonePosts = Array.from({ length: zoneCount }, (_, zone) => posts.filter((post) => post.zone === zone));
  const names = new Set<string>();
  const people: Person[] = [];
  for (let index = 0; index < staffCount; index += 1) {
    // Home zones in proportion to their posts; primary posts round-robin so every post has its people.
    const primary = posts[index % posts.length] as Post;
    const zone = primary.zone;
    const skills: Record<string, Level> = { [primary.def.id]: 2 };
    const extra = primary.specialist ? 0 : random.chance(0.6) ? (random.chance(0.35) ? 2 : 1) : 0;
    const open = posts.filter((post) => !post.specialist);
    const openInZone = (zonePosts[zone] ?? []).filter((post) => !post.specialist);
    for (let k = 0; k < extra; k += 1) {
      const post = random.pick(random.chance(0.85) && openInZone.length > 1 ? openInZone : open);
      skills[post.def.id] = 2;
    }
    const qualified = Object.keys(skills);
    if (random.chance(0.12)) skills[primary.def.id] = 3;
    if (random.chance(0.15)) {
      const pool = (zonePosts[zone] ?? []).filter((post) => skills[post.def.id] === undefined);
      const post = pool.length > 0 && random.chance(0.8) ? random.pick(pool) : random.pick(posts);
      if (skills[post.def.id] === undefined) skills[post.def.id] = 1;
    }
    const partTime = random.chance(0.08);
    const weeklyShifts = partTime ? 6 : shiftsPerDay === 2 ? 10 : 12;
    const def: StaffDef = {
      id: `S${String(index + 1).padStart(3, '0')}`,
      name: uniqueName(random, names),
      skills,
      maxShiftsPerWeek: weeklyShifts,
      maxHoursPerWeek: partTime ? 24 : 44,
      hourlyWage: random.int(22, 30),
    };
    if (partTime) def.fixedWeekdaysOff = [random.int(1, 5), 6].filter((day, i, all) => all.indexOf(day) === i);
    else if (random.chance(0.04)) def.fixedWeekdaysOff = [random.pick([1, 3, 5, 6, 6])];
    if (random.chance(0.85)) {
      const second = qualified.find((post) => post !== primary.def.id);
      def.homePosts = second !== undefined && random.chance(0.5) ? [primary.def.id, second] : [primary.def.id];
    }
    def.history = history(random, shiftsPerDay, partTime);
    people.push({ def, zone, weeklyShifts, qualified });
  }
  // Every post has a mentor: upgrade one of its qualified people where none is level 3.
  for (const post of posts) {
    const holders = people.filter((person) => (person.def.skills[post.def.id] ?? 0) >= 2);
    if (holders.length > 0 && !holders.some((person) => person.def.skills[post.def.id] === 3)) random.pick(holders).def.skills[post.def.id] = 3;
  }
  return people;
}

/** The last 3 months (13 weeks): worked hours, Saturday mornings, late duties, a rare holiday shift. */
function history(random: SeededRandom, shiftsPerDay: 2 | 3, partTime: boolean): NonNullable<StaffDef['history']> {
  const weeklyHours = partTime ? 21 : 37.5;
  const result: NonNullable<StaffDef['history']> = {
    hours: Math.round(13 * weeklyHours * (0.8 + random.next() * 0.2)),
    weekendShifts: random.int(0, partTime ? 2 : 8),
    holidayShifts: random.chance(0.2) ? random.int(1, 2) : 0,
  };
  if (shiftsPerDay === 3) result.lateShifts = random.int(0, partTime ? 3 : 12);
  return result;
}

function uniqueName(random: SeededRandom, taken: Set<string>): string {
  let name = chineseName(random, random.chance(0.6) ? 'F' : 'M');
  for (let attempt = 0; taken.has(name) && attempt < 5; attempt += 1) name = chineseName(random, random.chance(0.6) ? 'F' : 'M');
  if (taken.has(name)) name = `${name}${taken.size}`;
  taken.add(name);
  return name;
}

/** Per person and week a 5% chance of leave (one day, sometimes two or three), and now and then a training half-day. */
function addLeave(people: Person[], dates: string[], weekdays: number[], shifts: ShiftDef[], random: SeededRandom): void {
  const openDays = dates.map((_, index) => index).filter((index) => (weekdays[index] ?? 7) <= 6);
  for (const person of people) {
    const unavailable: Unavailability[] = [];
    for (let week = 0; week * 7 < dates.length; week += 1) {
      const inWeek = openDays.filter((index) => Math.floor(index / 7) === week && (weekdays[index] ?? 7) <= 5);
      if (inWeek.length === 0) continue;
      if (random.chance(0.05)) {
        const reason = random.chance(0.7) ? '年假' : '病假';
        const first = random.pick(inWeek);
        const length = random.chance(0.2) ? random.int(2, 3) : 1;
        for (let day = first; day < first + length && day < dates.length; day += 1) {
          if ((weekdays[day] ?? 7) <= 6) unavailable.push({ date: dates[day] as string, reason });
        }
      }
      if (random.chance(0.02)) {
        const day = random.pick(inWeek);
        if (!unavailable.some((entry) => entry.date === dates[day])) unavailable.push({ date: dates[day] as string, shift: random.pick(shifts.slice(0, 2)).id, reason: '培训' });
      }
    }
    if (unavailable.length > 0) person.def.unavailable = unavailable;
  }
}

/** About 10% of people ask for something each week: mostly a day or a shift off, sometimes a shift on. */
function makeRequests(people: Person[], dates: string[], weekdays: number[], shifts: ShiftDef[], weeks: number, random: SeededRandom): ShiftRequest[] {
  const requests: ShiftRequest[] = [];
  for (let week = 0; week < weeks; week += 1) {
    const open = dates.map((_, index) => index).filter((index) => Math.floor(index / 7) === week && (weekdays[index] ?? 7) <= 6);
    if (open.length === 0) continue;
    for (const person of people) {
      if (!random.chance(0.1)) continue;
      const day = random.pick(open);
      const date = dates[day] as string;
      if (person.def.unavailable?.some((entry) => entry.date === date)) continue;
      const shift = weekdays[day] === 6 ? 'AM' : random.pick(shifts).id;
      const roll = random.next();
      if (roll < 0.5) requests.push({ staff: person.def.id, date, kind: 'off' });
      else if (roll < 0.75) requests.push({ staff: person.def.id, date, shift, kind: 'off' });
      else requests.push({ staff: person.def.id, date, shift, kind: 'on' });
    }
  }
  return requests;
}

/**
 * Each post's weekly demand is 82–95% (a specialist post's 92–100%) of its share of its qualified people's weekly shifts, spread
 * over the week's open (day, shift) pairs by the profile, rounded by largest remainder so the week's
 * total holds; never more in one slot than the people qualified there.
 */
function makeDemand(posts: Post[], people: Person[], dates: string[], weekdays: number[], shifts: ShiftDef[], random: SeededRandom): DemandLine[] {
  const capacity = new Map<string, number>();
  const qualifiedCount = new Map<string, number>();
  for (const person of people) {
    for (const post of person.qualified) {
      capacity.set(post, (capacity.get(post) ?? 0) + person.weeklyShifts / person.qualified.length);
      qualifiedCount.set(post, (qualifiedCount.get(post) ?? 0) + 1);
    }
  }
  const lines: DemandLine[] = [];
  for (let week = 0; week * 7 < dates.length; week += 1) {
    const dayIndexes = dates.map((_, index) => index).filter((index) => Math.floor(index / 7) === week);
    const weekShare = dayIndexes.reduce((sum, index) => sum + (WEEKDAY_PROFILE[weekdays[index] ?? 7] ?? 0), 0) / WEEKDAY_PROFILE.reduce((a, b) => a + b, 0);
    for (const post of posts) {
      const slots: { day: number; shift: string; weight: number }[] = [];
      for (const day of dayIndexes) {
        const weekday = weekdays[day] ?? 7;
        for (const shift of shifts) {
          let weight = (WEEKDAY_PROFILE[weekday] ?? 0) * (SHIFT_PROFILE[shift.id] ?? 0) * post.jitter * (0.9 + random.next() * 0.2);
          if (weekday === 6 && (shift.id !== 'AM' || !post.saturday)) weight = 0;
          if (shift.id === 'EV' && (!post.late || weekday > 5)) weight = 0;
          if (weight > 0) slots.push({ day, shift: shift.id, weight });
        }
      }
      const utilisation = post.specialist ? 0.92 + random.next() * 0.08 : 0.82 + random.next() * 0.13;
      const total = Math.round((capacity.get(post.def.id) ?? 0) * utilisation * weekShare);
      const cap = qualifiedCount.get(post.def.id) ?? 0;
      for (const [slot, required] of apportion(slots, total, cap)) {
        if (required > 0) lines.push({ date: dates[slot.day] as string, shift: slot.shift, post: post.def.id, required });
      }
    }
  }
  lines.sort((a, b) => a.date.localeCompare(b.date) || shiftOrder(a.shift) - shiftOrder(b.shift) || a.post.localeCompare(b.post));
  return lines;
}

/**
 * Within one duty the demand can exceed the people there (a person fills one post per shift), so
 * each duty keeps to DUTY_CEILING of the people not on leave or a fixed day off: the slots asking
 * the most of their qualified people give up one staff-shift at a time.
 */
function trimToStaff(lines: DemandLine[], people: Person[], weekdays: number[], dates: string[]): DemandLine[] {
  const qualified = new Map<string, number>();
  for (const person of people) for (const post of person.qualified) qualified.set(post, (qualified.get(post) ?? 0) + 1);
  const duties = new Map<string, DemandLine[]>();
  for (const line of lines) {
    const key = `${line.date} ${line.shift}`;
    duties.set(key, [...(duties.get(key) ?? []), line]);
  }
  for (const dutyLines of duties.values()) {
    const { date, shift } = dutyLines[0] as DemandLine;
    const weekday = weekdays[dates.indexOf(date)] ?? 7;
    const available = people.filter((person) =>
      !person.def.fixedWeekdaysOff?.includes(weekday) &&
      !person.def.unavailable?.some((entry) => entry.date === date && (entry.shift === undefined || entry.shift === shift))).length;
    const ceiling = Math.floor(DUTY_CEILING * available);
    let total = dutyLines.reduce((sum, line) => sum + line.required, 0);
    while (total > ceiling) {
      let busiest = dutyLines[0] as DemandLine;
      for (const line of dutyLines) {
        if (line.required / (qualified.get(line.post) ?? 1) > busiest.required / (qualified.get(busiest.post) ?? 1)) busiest = line;
      }
      busiest.required -= 1;
      total -= 1;
    }
  }
  return lines.filter((line) => line.required > 0);
}

/** Largest-remainder rounding of `total` over the slots by weight, each at most `cap`. */
function apportion<T extends { weight: number }>(slots: T[], total: number, cap: number): [T, number][] {
  const sum = slots.reduce((acc, slot) => acc + slot.weight, 0);
  if (sum === 0 || total <= 0) return slots.map((slot) => [slot, 0]);
  const exact = slots.map((slot) => Math.min(cap, (total * slot.weight) / sum));
  const counts = exact.map(Math.floor);
  let left = Math.min(total, cap * slots.length) - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    if ((counts[index] ?? 0) < cap) {
      counts[index] = (counts[index] ?? 0) + 1;
      left -= 1;
    }
  }
  return slots.map((slot, index) => [slot, counts[index] ?? 0]);
}

function shiftOrder(id: string): number {
  return SHIFTS.findIndex((shift) => shift.id === id);
}

function dateAfter(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
