/**
 * The 说明 sheet of an xlsx file: every value a cell may hold, so that a person filling the
 * template in Excel does not have to guess codes or names.
 */
import { LAYOUTS } from './layouts.ts';
import type { CentreBook } from './reference.ts';
import type { SheetData } from './table.ts';
import { CONTRACT_LABELS, DATE_FORMAT_HINT, GENDER_LABELS, LEVEL_MEANINGS, STATUS_LABELS } from './vocabulary.ts';
import type { TransferKind } from '../../contract/model.ts';

export const GUIDE_SHEET_NAME = '说明';

const RULES: Readonly<Record<TransferKind, readonly string[][]>> = {
  staff: [
    ['规则', '工号已存在的行更新该人员（内容有变化时），工号不存在的行新建人员'],
    ['规则', '状态为「离职」时必须填写离职日期和离职原因；已离职人员的档案不能再修改'],
    ['规则', '所属区域、主岗位可填写代码或中文名称；主岗位可以为空'],
  ],
  skills: [
    ['规则', '每行一个人员的一项技能；工号与姓名必须对应'],
    ['规则', '等级 2、3 必须填写认证日期；文件中未列出的技能保持不变'],
    ['规则', '岗位可填写代码或中文名称'],
  ],
};

export function guideSheet(kind: TransferKind, book: CentreBook): SheetData {
  const zoneName = (zoneId: number | null) => (zoneId === null ? '全厅' : (book.zones.get(zoneId)?.nameZh ?? ''));
  const rows: string[][] = [
    ['项目', '可填写的值', '含义'],
    ['必填列', LAYOUTS[kind].required.join('、'), ''],
    ...RULES[kind].map(([item, text]) => [item ?? '', text ?? '', '']),
    ['日期格式', DATE_FORMAT_HINT, '例如 2026-03-01'],
    ...Object.values(GENDER_LABELS).map((label) => ['性别', label, '']),
    ...Object.values(STATUS_LABELS).map((label) => ['状态', label, '']),
    ...Object.values(CONTRACT_LABELS).map((label) => ['工时制', label, '']),
    ...book.zones.records.map((zone) => ['所属区域', zone.code, zone.nameZh]),
    ...book.posts.records.map((post) => ['岗位', post.code, `${post.nameZh}（${zoneName(post.zoneId)}）`]),
    ...Object.entries(LEVEL_MEANINGS).map(([level, meaning]) => ['等级', level, meaning]),
  ];
  return { name: GUIDE_SHEET_NAME, rows, widths: [12, 40, 30] };
}
