/**
 * Demo punches for the demo centre: the previous full month and the current month up to yesterday,
 * four punches a working day with the jitter of real people, a few late arrivals, missed punches
 * and absences. Deterministic for a seed, so every machine shows the same demo.
 */
import type { Queryable } from '../../../data/connection.ts';
import { SeededRandom } from '../../../data/demo/random.ts';
import { DEMO_SEED } from '../../../data/demo/generate.ts';
import { insertPunches, type NewPunch } from '../../../data/repositories/attendance.ts';
import { listStaff } from '../../../data/repositories/staff.ts';
import { putSetting } from '../../../data/repositories/settings.ts';
import { isWorkingKind } from '../../../solver/calendar/china-calendar.ts';
import { loadCalendar } from '../calendar-service.ts';
import { defaultSegments, SETTING_KEYS } from './service.ts';

export interface DemoPunchOptions {
  seed?: number;
  /** The clock's day, 'YYYY-MM-DD': punches stop the day before. */
  today: string;
  now: string;
}

export function generateDemoPunches(input: {
  seed: number;
  days: { date: string; working: boolean }[];
  people: { id: number; hireDate: string; leftOn: string | null }[];
  segments: { startsAt: number; endsAt: number }[];
}): NewPunch[] {
  const random = new SeededRandom(input.seed);
  const punches: NewPunch[] = [];
  for (const day of input.days) {
    if (!day.working) continue;
    for (const person of input.people) {
      if (person.hireDate > day.date || (person.leftOn !== null && day.date > person.leftOn)) continue;
      if (random.chance(0.01)) continue; // absent all day
      const device = random.pick(['大厅1号机', '大厅2号机', '侧门考勤机']);
      input.segments.forEach((segment, index) => {
        const late = index === 0 && random.chance(0.03);
        const clockIn = late ? segment.startsAt + random.int(16, 45) : segment.startsAt - random.int(1, 25);
        const clockOut = segment.endsAt + random.int(0, index === input.segments.length - 1 ? 20 : 8);
        if (!random.chance(0.012)) punches.push({ staffId: person.id, at: `${day.date}T${clock(clockIn)}`, device });
        if (!random.chance(0.012)) punches.push({ staffId: person.id, at: `${day.date}T${clock(clockOut)}`, device });
      });
    }
  }
  return punches;
}

/** Writes the demo punches (inside the caller's transaction); skips days of a year whose calendar nobody confirmed. */
export async function seedDemoPunches(db: Queryable, options: DemoPunchOptions): Promise<number> {
  const [year, month] = options.today.split('-').map(Number) as [number, number];
  const previous = new Date(Date.UTC(year, month - 2, 1));
  const from = previous.toISOString().slice(0, 10);
  const yesterday = new Date(Date.UTC(year, month - 1, Number(options.today.slice(8)) - 1)).toISOString().slice(0, 10);
  if (yesterday < from) return 0;
  const calendar = await loadCalendar(db, from, yesterday);
  const unconfirmed = new Set(calendar.unconfirmedYears);
  const days = [...calendar.days.values()]
    .filter((day) => !unconfirmed.has(Number(day.date.slice(0, 4))))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({ date: day.date, working: isWorkingKind(day.kind) }));
  const people = (await listStaff(db)).map((person) => ({ id: person.id, hireDate: person.hireDate, leftOn: person.status === 'departed' ? person.leftOn : null }));
  const punches = generateDemoPunches({ seed: (options.seed ?? DEMO_SEED) + 4, days, people, segments: await defaultSegments(db) });
  return insertPunches(db, punches, 'demo', options.now);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The demo contract, as a vendor staffs one: each zone's contracted posts (its windows and its
 * back-office posts) are the people it employs less a leave reserve of one in ten, so a day with no
 * more away than the reserve is fully staffed and a day with more shows what leave costs.
 */
export const DEMO_LEAVE_RESERVE_SHARE = 0.1;

export async function seedDemoDutyContract(db: Queryable): Promise<void> {
  const employed = (await listStaff(db)).filter((person) => person.status !== 'departed');
  const headcount: Record<string, number> = {};
  for (const person of employed) headcount[String(person.homeZoneId)] = (headcount[String(person.homeZoneId)] ?? 0) + 1;
  const posts = Object.fromEntries(Object.entries(headcount).map(([zone, count]) => [zone, count - Math.max(1, Math.ceil(count * DEMO_LEAVE_RESERVE_SHARE))]));
  await putSetting(db, SETTING_KEYS.dutyPosts, JSON.stringify(posts));
}
