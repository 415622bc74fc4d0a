import type { Post, SkillLevel, Zone } from '../../../../electron/contract/model.ts';

/** A skill's column title under its zone's group: "税务收件" under 税务 reads as "收件". */
export function shortSkillName(post: Post, zones: Zone[], language: 'zh-CN' | 'en'): string {
  const zone = zones.find((candidate) => candidate.id === post.zoneId);
  const full = language === 'zh-CN' ? post.nameZh : post.nameEn;
  const prefix = zone ? (language === 'zh-CN' ? zone.nameZh : `${zone.nameEn} `) : '';
  return prefix && full.startsWith(prefix) && full.length > prefix.length ? full.slice(prefix.length) : full;
}

export function skillName(post: Post | undefined, language: 'zh-CN' | 'en'): string {
  if (!post) return '';
  return language === 'zh-CN' ? post.nameZh : post.nameEn;
}

export const LEVELS: readonly SkillLevel[] = [0, 1, 2, 3];

/**
 * The certification date a new level should carry: a level that was already certified keeps its
 * date, a new certification or training starts today, and "none" has no date.
 */
export function certifiedOnFor(level: SkillLevel, previous: { level: number; certifiedOn: string | null } | undefined, today: string): string | null {
  if (level === 0) return null;
  if (previous && previous.certifiedOn && previous.level >= level && level >= 2) return previous.certifiedOn;
  return today;
}
