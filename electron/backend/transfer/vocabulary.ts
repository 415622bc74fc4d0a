/**
 * The words the files use for coded values. Files are edited by people in Excel, so they carry the
 * Chinese the hall speaks, and the import reads those words back.
 */
import type { ContractType, Gender, SkillLevel, StaffStatus } from '../../contract/model.ts';

export const GENDER_LABELS: Readonly<Record<Gender, string>> = { F: '女', M: '男' };

export const STATUS_LABELS: Readonly<Record<StaffStatus, string>> = { probation: '试用', active: '在岗', departed: '离职' };

export const CONTRACT_LABELS: Readonly<Record<ContractType, string>> = { standard: '标准工时', comprehensive: '综合工时' };

/** The full legal name also appears on approvals (综合计算工时工作制), so people may type it. */
const CONTRACT_ALIASES: Readonly<Record<string, ContractType>> = { 综合计算工时: 'comprehensive' };

export const LEVEL_MEANINGS: Readonly<Record<SkillLevel, string>> = {
  0: '未掌握',
  1: '学习中',
  2: '独立上岗',
  3: '可带教',
};

export const DATE_FORMAT_HINT = 'YYYY-MM-DD';

/** The code a label stands for, or undefined for a word the file should not contain. */
export function codeOf<K extends string>(labels: Readonly<Record<K, string>>, text: string): K | undefined {
  const entry = Object.entries(labels).find(([, label]) => label === text);
  return entry?.[0] as K | undefined;
}

export function contractTypeOf(text: string): ContractType | undefined {
  return codeOf(CONTRACT_LABELS, text) ?? CONTRACT_ALIASES[text];
}

export function levelOf(text: string): SkillLevel | undefined {
  return /^[0-3]$/.test(text) ? (Number(text) as SkillLevel) : undefined;
}
