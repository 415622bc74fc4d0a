/**
 * A refused argument in the user's words, "中文。 / English.", for wherever the message itself is
 * shown (an import dialog's banner, a notice). Field paths and problem keys are the program's, not
 * the user's: a path is named by what it holds (a file, a date, a person), or not named at all.
 */
import type { FieldErrors, FieldProblem } from './errors.ts';

interface Words {
  zh: string;
  en: string;
}

/** The fields a user can leave out or get wrong from a screen, by the last part of their path. */
const FIELD_WORDS: Readonly<Record<string, Words>> = {
  base64: { zh: '文件', en: 'the file' },
  fileName: { zh: '文件名', en: 'the file name' },
  name: { zh: '姓名', en: 'the name' },
  employeeNo: { zh: '工号', en: 'the employee number' },
  phone: { zh: '电话', en: 'the phone number' },
  idNumber: { zh: '身份证号', en: 'the resident ID number' },
  gender: { zh: '性别', en: 'the gender' },
  hireDate: { zh: '入职日期', en: 'the hire date' },
  leftOn: { zh: '离职日期', en: 'the departure date' },
  reason: { zh: '原因', en: 'the reason' },
  note: { zh: '备注', en: 'the note' },
  date: { zh: '日期', en: 'the date' },
  from: { zh: '开始日期', en: 'the start date' },
  to: { zh: '结束日期', en: 'the end date' },
  year: { zh: '年份', en: 'the year' },
  month: { zh: '月份', en: 'the month' },
  username: { zh: '用户名', en: 'the user name' },
  password: { zh: '密码', en: 'the password' },
  staffId: { zh: '人员', en: 'the person' },
  postId: { zh: '岗位', en: 'the post' },
  zoneId: { zh: '区域', en: 'the zone' },
  zoneIds: { zh: '区域', en: 'the zones' },
  homeZoneId: { zh: '所属区域', en: 'the home zone' },
  primaryPostId: { zh: '主岗位', en: 'the primary post' },
  shiftCode: { zh: '班次', en: 'the shift' },
  timeLimitSeconds: { zh: '计算时限', en: 'the time limit' },
  weeklyHourCap: { zh: '周工时上限', en: 'the weekly hour cap' },
  wageGrade: { zh: '薪级', en: 'the pay grade' },
  level: { zh: '等级', en: 'the level' },
  startsAt: { zh: '开始时间', en: 'the start time' },
  endsAt: { zh: '结束时间', en: 'the end time' },
  minutes: { zh: '加班分钟数', en: 'the overtime minutes' },
};

const PROBLEM_WORDS: Readonly<Record<FieldProblem, Words>> = {
  required: { zh: '未填写', en: 'is missing' },
  too_short: { zh: '过短', en: 'is too short' },
  too_long: { zh: '过长', en: 'is too long' },
  format: { zh: '格式不正确', en: 'is not in the right format' },
  invalid_type: { zh: '类型不正确', en: 'is of the wrong kind' },
  invalid_value: { zh: '不是可选的值', en: 'is not one of the choices' },
  out_of_range: { zh: '超出允许范围', en: 'is out of range' },
  unknown_field: { zh: '不应出现', en: 'is not expected here' },
  checksum: { zh: '校验位不正确', en: 'has a wrong check digit' },
  taken: { zh: '已被占用', en: 'is already taken' },
  future_date: { zh: '不能晚于今天', en: 'cannot be later than today' },
  before_hire: { zh: '不能早于入职日期', en: 'cannot be before the hire date' },
  too_young: { zh: '不符合年龄要求', en: 'does not meet the age requirement' },
  gender_mismatch: { zh: '与身份证号码不一致', en: 'does not match the resident ID' },
  wrong_zone: { zh: '不属于所选区域', en: 'is not in the chosen zone' },
  same_person: { zh: '不能是同一人', en: 'cannot be the same person' },
  unqualified: { zh: '未达独立上岗', en: 'is not qualified to work alone' },
  departed: { zh: '已离职', en: 'has left' },
  already_a: { zh: '已是另一窗口的 A 岗', en: 'is already A of another window' },
  not_mentor: { zh: '不是可带教人员', en: 'is not a mentor' },
  already_qualified: { zh: '已掌握此技能', en: 'already has this skill' },
};

/** A missing file is what a user did, not a field: said as such. */
const NO_FILE: Words = { zh: '未选择文件', en: 'No file chosen' };

/** How many fields a message names; the rest are counted, so a flood of keys stays one short line. */
const NAMED_FIELDS = 3;

export function fieldFailureMessage(fields: FieldErrors): string {
  const entries = Object.entries(fields);
  const parts = entries.slice(0, NAMED_FIELDS).map(([path, problem]) => partOf(path, problem));
  const more = entries.length - NAMED_FIELDS;
  const zh = parts.map((part) => part.zh).join('；') + (more > 0 ? `；另有 ${more} 项` : '');
  const en = parts.map((part) => part.en).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return `${zh}。 / ${en}.`;
}

function partOf(path: string, problem: FieldProblem): Words {
  const key = path.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? '';
  if (key === 'base64' && problem === 'required') return NO_FILE;
  const field = FIELD_WORDS[key];
  const words = PROBLEM_WORDS[problem] ?? PROBLEM_WORDS.format;
  if (!field) return { zh: `有一项内容${words.zh}`, en: `A value ${words.en}` };
  return { zh: `${field.zh}${words.zh}`, en: `${capital(field.en)} ${words.en}` };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
