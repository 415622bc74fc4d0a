/**
 * A generated hall (tests/support/roster-centre.ts) turned into the hall's scenario, for the
 * benchmark of issue 15: its posts grouped into zones, `windows` seats shared among the posts by
 * their peak demand (hand-out and consultation posts fixed, the rest opened by demand), a
 * back-office post per zone everyone of the zone holds, the A and B of each window from the people
 * whose home post it is, everyone full-time and present Monday to Friday, Saturday mornings open at
 * the first window of each zone. Deterministic: the same options give the same scenario.
 */
import { generateCentre, type CentreOptions } from './roster-centre.ts';
import type { Scenario, StaffDef, WindowDef } from '../../solver/roster/types.ts';

export function generateHall(options: CentreOptions & { windows: number }): Scenario {
  const base = generateCentre(options);
  const zoneOf = (post: string) => post.replace(/\d+$/, '');
  const peak = new Map<string, number>();
  for (const line of base.demand) if (line.shift !== 'EV') peak.set(line.post, Math.max(peak.get(line.post) ?? 0, line.required));
  const total = [...peak.values()].reduce((sum, n) => sum + n, 0);
  const windowsOf = new Map<string, number>();
  for (const [post, need] of peak) windowsOf.set(post, Math.max(1, Math.round((need / total) * options.windows)));
  const homes = new Map<string, string[]>();
  for (const person of base.staff) for (const post of person.homePosts ?? []) homes.set(post, [...(homes.get(post) ?? []), person.id]);
  const zones = [...new Set(base.posts.map((post) => zoneOf(post.id)))];
  const takenAsA = new Set<string>();
  const windows: WindowDef[] = [];
  for (const post of base.posts) {
    const count = windowsOf.get(post.id) ?? 0;
    const fixed = /出件|咨询/.test(post.name);
    const candidates = homes.get(post.id) ?? [];
    for (let index = 0; index < count; index += 1) {
      const a = candidates.find((id) => !takenAsA.has(id));
      if (a !== undefined) takenAsA.add(a);
      const b = candidates.find((id) => id !== a);
      windows.push({
        id: `${post.id}-W${index + 1}`,
        post: post.id,
        zone: zoneOf(post.id),
        staffing: fixed ? 'fixed' : 'demand',
        shifts: ['AM', 'PM'],
        ...(index === 0 && windows.every((w) => w.zone !== zoneOf(post.id)) ? { restDayShifts: ['AM'] } : {}),
        ...(a === undefined ? {} : { a }),
        ...(b === undefined ? {} : { b }),
      });
    }
  }
  const dates = Array.from({ length: base.days }, (_, i) => new Date(Date.parse(`${base.start}T00:00:00Z`) + i * 86_400_000));
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const staff: StaffDef[] = base.staff.map((person) => {
    const zone = zoneOf(Object.keys(person.skills)[0] as string);
    const { fixedWeekdaysOff: _off, maxShiftsPerWeek: _shifts, ...rest } = person;
    return { ...rest, zone, maxHoursPerWeek: 44, skills: { ...person.skills, [`${zone}-BK`]: 2 } };
  });
  return {
    ...base,
    name: `${base.name} · ${windows.length} 个窗口`,
    shifts: base.shifts.filter((shift) => shift.id !== 'EV'),
    posts: [...base.posts.map((post) => ({ ...post, zone: zoneOf(post.id) })), ...zones.map((zone) => ({ id: `${zone}-BK`, name: `${zone} 后台录入`, zone }))],
    staff,
    demand: base.demand.filter((line) => line.shift !== 'EV'),
    windows,
    presence: {
      defaultShifts: ['AM', 'PM'],
      workingDays: dates.filter((date) => date.getUTCDay() >= 1 && date.getUTCDay() <= 5).map(iso),
      openRestDays: dates.filter((date) => date.getUTCDay() === 6).map(iso),
      contractedPosts: Object.fromEntries(zones.map((zone) => [zone, Math.floor(staff.filter((person) => person.zone === zone).length * 0.9)])),
    },
  };
}
