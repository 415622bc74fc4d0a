/**
 * The demo service centre as plain data: same seed and day, same centre. It is written by
 * `seedDemoCentre`; keeping generation apart from SQL lets tests check the mix without a database.
 */
import { addDays, differenceInCalendarDays, format, parseISO, subYears } from 'date-fns';
import type { StaffFields } from '../repositories/staff.ts';
import {
  BACK_OFFICE_POST,
  DEMO_CENTRE,
  SATURDAY_WINDOWS,
  DESK_POSTS,
  LEAD_POST,
  WINDOW_ZONE_POSTS,
  ZONE_LAYOUTS,
  windowPostSuffix,
  type PostLayout,
  type ZoneLayout,
} from './layout.ts';
import { chineseName, mobileNumber, residentId } from './people.ts';
import { SeededRandom } from './random.ts';

export const DEMO_SEED = 20260101;
/** Staff hired less than this many days ago are still on probation (试用期). */
export const PROBATION_DAYS = 90;

export interface DemoPost extends PostLayout {
  code: string;
  zoneCode: string | null;
}

export interface DemoWindow {
  code: string;
  zoneCode: string;
  nameZh: string;
  nameEn: string;
  kind: 'window' | 'desk';
  postCode: string;
  saturdayService: boolean;
}

export interface DemoStaff extends Omit<StaffFields, 'homeZoneId' | 'primaryPostId'> {
  homeZoneCode: string;
  primaryPostCode: string;
  departed: { leftOn: string; reason: string } | null;
}

export interface DemoCentre {
  centre: { nameZh: string; nameEn: string };
  zones: readonly ZoneLayout[];
  posts: DemoPost[];
  windows: DemoWindow[];
  staff: DemoStaff[];
}

const DEPARTURE_REASONS = ['个人原因辞职', '合同期满不续签', '试用期考核不合格', '家庭原因离职', '调往其他项目'];

export function generateDemoCentre(options: { seed?: number; today: string }): DemoCentre {
  const random = new SeededRandom(options.seed ?? DEMO_SEED);
  const today = parseISO(options.today);
  const posts = demoPosts();
  const windows = ZONE_LAYOUTS.flatMap(demoWindows);
  const people = new PeopleFactory(random, today);
  const staff = ZONE_LAYOUTS.flatMap((zone) => zoneStaff(zone, people, random));
  assignEmployeeNumbers(staff);
  return { centre: DEMO_CENTRE, zones: ZONE_LAYOUTS, posts, windows, staff };
}

function demoPosts(): DemoPost[] {
  const zonePosts = ZONE_LAYOUTS.flatMap((zone) => {
    const layouts = zone.kind === 'desk' ? DESK_POSTS : WINDOW_ZONE_POSTS;
    return layouts.map((post) => ({
      ...post,
      code: `${zone.code}-${post.suffix}`,
      zoneCode: zone.code,
      nameZh: zone.kind === 'desk' ? post.nameZh : zone.nameZh + post.nameZh,
      nameEn: zone.kind === 'desk' ? post.nameEn : `${zone.nameEn} ${post.nameEn}`,
    }));
  });
  const backOffice = ZONE_LAYOUTS.filter((zone) => zone.kind === 'windows').map((zone) => ({
    ...BACK_OFFICE_POST,
    code: `${zone.code}-${BACK_OFFICE_POST.suffix}`,
    zoneCode: zone.code,
    nameZh: zone.nameZh + BACK_OFFICE_POST.nameZh,
    nameEn: `${zone.nameEn} ${BACK_OFFICE_POST.nameEn}`,
  }));
  return [...zonePosts, { ...LEAD_POST, code: LEAD_POST.suffix, zoneCode: null }, ...backOffice];
}

function demoWindows(zone: ZoneLayout): DemoWindow[] {
  return Array.from({ length: zone.windowCount }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    const isDesk = zone.kind === 'desk';
    const postSuffix = isDesk ? (index === zone.windowCount - 1 ? 'ASSIST' : 'CONSULT') : windowPostSuffix(index, zone.windowCount);
    return {
      code: `${zone.letter}${number}`,
      zoneCode: zone.code,
      nameZh: isDesk ? `${postSuffix === 'ASSIST' ? '帮办代办台' : '咨询台'} ${index + 1}` : `${zone.letter}${number} 号窗口`,
      nameEn: isDesk ? `${postSuffix === 'ASSIST' ? 'Assisted filing desk' : 'Consultation desk'} ${index + 1}` : `Window ${zone.letter}${number}`,
      kind: isDesk ? 'desk' : 'window',
      postCode: `${zone.code}-${postSuffix}`,
      saturdayService: SATURDAY_WINDOWS.includes(`${zone.letter}${number}`),
    };
  });
}

/** Which posts a zone's people hold, in proportion to the windows that need them. */
function postMix(zone: ZoneLayout): string[] {
  if (zone.kind === 'desk') {
    const mix = [['CONSULT', 8], ['ASSIST', 4], ['ORDER', 3]] as const;
    const zonePosts = mix.flatMap(([suffix, n]) => Array<string>(n).fill(`${zone.code}-${suffix}`));
    return [...zonePosts, LEAD_POST.suffix, LEAD_POST.suffix];
  }
  // Hand-out is one person's post in a small zone: the thin spot the bench view should reveal.
  const handout = zone.windowCount <= 7 ? 1 : 2;
  return Array.from({ length: zone.staffCount }, (_, i) => {
    const suffix = i >= zone.staffCount - handout ? 'HANDOUT' : i / zone.staffCount < 0.6 ? 'INTAKE' : 'REVIEW';
    return `${zone.code}-${suffix}`;
  });
}

function zoneStaff(zone: ZoneLayout, people: PeopleFactory, random: SeededRandom): DemoStaff[] {
  const current = postMix(zone).map((postCode) => people.current(zone, postCode));
  const departedCount = random.int(0, 2);
  const departed = Array.from({ length: departedCount }, () => people.departed(zone, random.pick(postMix(zone))));
  return [...current, ...departed];
}

/** Numbers follow hiring order, as an HR office hands them out. */
function assignEmployeeNumbers(staff: DemoStaff[]): void {
  const byHire = [...staff].sort((a, b) => a.hireDate.localeCompare(b.hireDate) || a.name.localeCompare(b.name));
  byHire.forEach((person, index) => {
    person.employeeNo = `ZW${String(index + 1).padStart(4, '0')}`;
  });
}

class PeopleFactory {
  private readonly usedNames = new Set<string>();
  private readonly usedPhones = new Set<string>();
  constructor(
    private readonly random: SeededRandom,
    private readonly today: Date,
  ) {}

  current(zone: ZoneLayout, postCode: string): DemoStaff {
    const onProbation = this.random.chance(0.08);
    const daysAgo = onProbation ? this.random.int(5, PROBATION_DAYS - 5) : this.random.int(PROBATION_DAYS + 10, 2900);
    return this.person(zone, postCode, this.isoDaysAgo(daysAgo), null);
  }

  departed(zone: ZoneLayout, postCode: string): DemoStaff {
    const hiredDaysAgo = this.random.int(400, 2600);
    const leftDaysAgo = this.random.int(10, Math.min(540, hiredDaysAgo - 150));
    const reason = this.random.pick(DEPARTURE_REASONS);
    return this.person(zone, postCode, this.isoDaysAgo(hiredDaysAgo), { leftOn: this.isoDaysAgo(leftDaysAgo), reason });
  }

  private person(zone: ZoneLayout, postCode: string, hireDate: string, departed: DemoStaff['departed']): DemoStaff {
    const gender = this.random.chance(0.68) ? 'F' : 'M';
    const comprehensive = zone.kind === 'windows' && this.random.chance(0.15);
    const tenureYears = differenceInCalendarDays(this.today, parseISO(hireDate)) / 365;
    const isLead = postCode === LEAD_POST.suffix;
    return {
      employeeNo: '',
      name: this.uniqueName(gender),
      gender,
      phone: this.uniquePhone(),
      idNumber: residentId(this.random, this.birthDate(hireDate), gender),
      hireDate,
      status: differenceInCalendarDays(this.today, parseISO(hireDate)) < PROBATION_DAYS ? 'probation' : 'active',
      homeZoneCode: zone.code,
      primaryPostCode: postCode,
      contractType: comprehensive ? 'comprehensive' : 'standard',
      weeklyHourCap: comprehensive ? 44 : 40,
      wageGrade: isLead ? this.random.int(7, 8) : Math.min(6, 1 + Math.floor(tenureYears / 1.5) + this.random.int(0, 1)),
      departed,
    };
  }

  /** Aged 22–50 today and at least 18 on the day they were hired. */
  private birthDate(hireDate: string): string {
    const age = this.random.int(22, 50);
    const birth = addDays(subYears(this.today, age), -this.random.int(0, 364));
    const latestAllowed = subYears(parseISO(hireDate), 18);
    return format(birth < latestAllowed ? birth : latestAllowed, 'yyyy-MM-dd');
  }

  private uniqueName(gender: 'F' | 'M'): string {
    let name = chineseName(this.random, gender);
    while (this.usedNames.has(name)) name = chineseName(this.random, gender);
    this.usedNames.add(name);
    return name;
  }

  private uniquePhone(): string {
    let phone = mobileNumber(this.random);
    while (this.usedPhones.has(phone)) phone = mobileNumber(this.random);
    this.usedPhones.add(phone);
    return phone;
  }

  private isoDaysAgo(days: number): string {
    return format(addDays(this.today, -days), 'yyyy-MM-dd');
  }
}
