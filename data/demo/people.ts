/** Plausible Chinese names, phone numbers and resident IDs for demo staff. */
import type { SeededRandom } from './random.ts';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何',
  '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田',
  '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '魏', '苏', '吕', '丁', '沈', '姚', '卢',
];
const FEMALE_CHARS = '静丽敏婷雪芳娜秀英慧颖琳洁欣怡佳悦晓燕倩萍玲霞丹妍瑶雯璐蕾薇婧'.split('');
const MALE_CHARS = '伟强磊军杰涛斌鹏浩宇俊峰建明亮超勇刚毅辉昊博文志鑫晨阳凯'.split('');
const SHARED_CHARS = '一思嘉子晓雨乐安宁海天永春华'.split('');

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '155', '156', '158', '159', '177', '180', '181', '182', '183', '186', '187', '188', '189', '199',
];

/** Mostly the centre's own city, a few from neighbouring provinces. */
const REGION_CODES = ['330102', '330105', '330106', '330108', '330109', '330110', '330110', '330182', '341122', '362201'];

export function chineseName(random: SeededRandom, gender: 'F' | 'M'): string {
  const pool = gender === 'F' ? FEMALE_CHARS : MALE_CHARS;
  const first = random.chance(0.3) ? random.pick(SHARED_CHARS) : random.pick(pool);
  const given = random.chance(0.7) ? first + random.pick(pool) : random.pick(pool);
  return random.pick(SURNAMES) + given;
}

export function mobileNumber(random: SeededRandom): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(8);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-character resident ID whose birth date, gender digit and check character agree. */
export function residentId(random: SeededRandom, birthDate: string, gender: 'F' | 'M'): string {
  const genderDigit = random.int(0, 4) * 2 + (gender === 'M' ? 1 : 0);
  const first17 = random.pick(REGION_CODES) + birthDate.replaceAll('-', '') + random.digits(2) + String(genderDigit);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return first17 + ('10X98765432'[sum % 11] ?? '');
}
