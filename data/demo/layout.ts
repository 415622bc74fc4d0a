/**
 * The demo hall, modelled on the centres in shared/seeds: six comprehensive window zones and a
 * consultation and guidance desk. Window counts add up to 40, as in the seed's mid-sized city.
 */
import type { PostRecord } from '../repositories/centre.ts';

export interface ZoneLayout {
  code: string;
  letter: string;
  nameZh: string;
  nameEn: string;
  kind: 'windows' | 'desk';
  windowCount: number;
  /** Current (not departed) staff whose home is this zone. */
  staffCount: number;
}

export const DEMO_CENTRE = { nameZh: '示范市政务服务中心', nameEn: 'Demo City Government Service Centre' };

export const ZONE_LAYOUTS: readonly ZoneLayout[] = [
  { code: 'PJ', letter: 'A', nameZh: '公安司法', nameEn: 'Police & Justice', kind: 'windows', windowCount: 6, staffCount: 15 },
  { code: 'BR', letter: 'B', nameZh: '商事登记', nameEn: 'Business Registration', kind: 'windows', windowCount: 8, staffCount: 20 },
  { code: 'AF', letter: 'C', nameZh: '农林水务', nameEn: 'Agriculture, Forestry & Water', kind: 'windows', windowCount: 4, staffCount: 10 },
  { code: 'SA', letter: 'D', nameZh: '社会事务', nameEn: 'Social Affairs', kind: 'windows', windowCount: 7, staffCount: 17 },
  { code: 'IV', letter: 'E', nameZh: '投资事务', nameEn: 'Investment & Construction', kind: 'windows', windowCount: 7, staffCount: 17 },
  { code: 'TX', letter: 'F', nameZh: '税务', nameEn: 'Tax', kind: 'windows', windowCount: 8, staffCount: 20 },
  { code: 'CG', letter: 'Z', nameZh: '咨询引导台', nameEn: 'Consultation & Guidance Desk', kind: 'desk', windowCount: 4, staffCount: 17 },
];

export type PostFunction = PostRecord['function'];

export interface PostLayout {
  suffix: string;
  function: PostFunction;
  nameZh: string;
  nameEn: string;
}

/** Each window zone runs the service chain's intake, pre-review and hand-out at its windows. */
export const WINDOW_ZONE_POSTS: readonly PostLayout[] = [
  { suffix: 'INTAKE', function: 'intake', nameZh: '收件', nameEn: 'intake' },
  { suffix: 'REVIEW', function: 'prereview', nameZh: '初审', nameEn: 'pre-review' },
  { suffix: 'HANDOUT', function: 'handout', nameZh: '出件', nameEn: 'hand-out' },
];

/**
 * Each window zone's flexible post, without a window: back-office pre-review and data entry, where
 * present people beyond the open windows work (docs/roster-rules.md, rule 13). Listed after every
 * other post, so the posts the demo had before keep their ids.
 */
export const BACK_OFFICE_POST: PostLayout = { suffix: 'BACK', function: 'entry', nameZh: '后台录入', nameEn: 'back-office entry' };

/** Windows serving the Saturday appointment service (周六预约服务): a few, in the busiest zones and at the desk. */
export const SATURDAY_WINDOWS: readonly string[] = ['B01', 'D01', 'F01', 'Z01'];

/** Windows open through the lunch cover (午间不间断服务): one intake window per zone and a consultation desk. */
export const LUNCH_WINDOWS: readonly string[] = ['A01', 'B01', 'C01', 'D01', 'E01', 'F01', 'Z01'];

/** Saturday opening for the appointment service: 09:00–12:00. */
export const SATURDAY_HOURS = { opensAt: 9 * 60, closesAt: 12 * 60 };

export const DESK_POSTS: readonly PostLayout[] = [
  { suffix: 'CONSULT', function: 'consult', nameZh: '咨询引导', nameEn: 'Consultation & guidance' },
  { suffix: 'ASSIST', function: 'assist', nameZh: '帮办代办', nameEn: 'Assisted filing' },
  { suffix: 'ORDER', function: 'order', nameZh: '大厅秩序', nameEn: 'Hall order' },
];

/** Shift leads belong to the whole hall, not to one zone. */
export const LEAD_POST: PostLayout = { suffix: 'LEAD', function: 'lead', nameZh: '值班长', nameEn: 'Shift lead' };

/** Which post each window of a window zone requires: most take intake; one reviews, the last hands out. */
export function windowPostSuffix(index: number, count: number): string {
  if (index === count - 1) return 'HANDOUT';
  if (index % 3 === 2) return 'REVIEW';
  return 'INTAKE';
}
