/**
 * Why a slot is short, in plain words: for every qualified person not on the slot, the rule that
 * kept them off, found by trying them there and asking the checker what that would break. When
 * nothing would break, the optimiser chose to leave them off, and the reason says so honestly.
 */
import { addTallies, dutyKey, dutyTally, groupBy, penaltiesOf, personFindings, personTally, placeRoster, slotKey, softContext, type Finding, type Placed, type PlacedRoster, type SoftContext, type SoftTally } from './check.ts';
import { prepareScenario, type PreparedDay, type PreparedPerson, type PreparedScenario, type PreparedShift } from './prepare.ts';
import { QUALIFIED, type Assignment, type DemandLine, type ExclusionCause, type Exclusion, type Gap, type Scenario, type Weights } from './types.ts';

/** People named in a reason before "…and N more". */
const NAMED_IN_REASON = 5;

/**
 * Most telling first: a person the optimiser could have used but did not (the gap is a choice of
 * the weights), then absences, then people busy elsewhere, then the limits that ran out.
 */
const CAUSE_ORDER: ExclusionCause[] = [
  'cost',
  'unavailable',
  'fixed_day_off',
  'assigned_elsewhere',
  'overlap',
  'max_shifts_week',
  'max_hours_week',
  'max_shifts_day',
  'max_shifts_type',
  'max_minutes_total',
  'max_consecutive_days',
  'rest_day_in_seven',
  'min_rest',
  'forbidden_sequence',
  'max_weekends',
  'min_consecutive',
];

interface Slot {
  line: DemandLine;
  day: PreparedDay;
  shift: PreparedShift;
  postName: string;
  missing: number;
}

interface Context {
  prepared: PreparedScenario;
  roster: PlacedRoster;
  byDuty: Map<string, Placed[]>;
  soft: SoftContext;
  /** Per person, the findings their roster already has, so a trial counts only what it adds. */
  standing: Map<string, Set<string>>;
}

export function explainGaps(scenario: Scenario, assignments: Assignment[]): Gap[] {
  const prepared = prepareScenario(scenario);
  const roster = placeRoster(prepared, assignments);
  const context: Context = { prepared, roster, byDuty: groupBy(roster.placed, (item) => dutyKey(item.day.index, item.shift.id)), soft: softContext(prepared), standing: new Map() };
  return shortSlots(prepared, context.soft.lines, roster.placed).map((slot) => explainSlot(context, slot));
}

function shortSlots(prepared: PreparedScenario, lines: DemandLine[], placed: Placed[]): Slot[] {
  const filled = new Map<string, number>();
  for (const item of placed) {
    if (item.assignment.learner === true) continue;
    const key = slotKey(item.day.index, item.shift.id, item.assignment.post);
    filled.set(key, (filled.get(key) ?? 0) + 1);
  }
  return lines.flatMap((line): Slot[] => {
    const day = prepared.days[prepared.dayIndex.get(line.date) ?? -1];
    const shift = prepared.shifts[prepared.shiftIndex.get(line.shift) ?? -1];
    if (!day || !shift) return [];
    const missing = line.required - (filled.get(slotKey(day.index, shift.id, line.post)) ?? 0);
    const postName = prepared.posts.find((post) => post.id === line.post)?.name ?? line.post;
    return missing > 0 ? [{ line, day, shift, postName, missing }] : [];
  });
}

function explainSlot(context: Context, slot: Slot): Gap {
  const qualified = context.prepared.people.filter((person) => person.levelOf(slot.line.post) >= QUALIFIED);
  const onSlot = new Set(
    (context.byDuty.get(dutyKey(slot.day.index, slot.shift.id)) ?? [])
      .filter((item) => item.assignment.post === slot.line.post && item.assignment.learner !== true)
      .map((item) => item.person.id),
  );
  const causes = qualified
    .filter((person) => !onSlot.has(person.id))
    .map((person) => exclusionOf(context, slot, person))
    .sort((a, b) => CAUSE_ORDER.indexOf(a.cause) - CAUSE_ORDER.indexOf(b.cause));
  const { date, shift, post } = slot.line;
  const texts = reasonTexts(context.prepared, slot, qualified.length, onSlot.size, causes);
  return { date, shift, post, missing: slot.missing, reason: texts.zh, reasonEn: texts.en, qualified: qualified.length, causes };
}

// ---- Finding the cause -----------------------------------------------------------------------------

/** What placing this person on the slot would break, or 'cost' when it would break nothing. */
function exclusionOf(context: Context, slot: Slot, person: PreparedPerson): Exclusion {
  const { prepared, roster } = context;
  const items = roster.byPerson.get(person.id) ?? [];
  const trial: Placed = { assignment: { staff: person.id, date: slot.day.date, shift: slot.shift.id, post: slot.line.post }, person, day: slot.day, shift: slot.shift };
  const withTrial = [...items, trial].sort((a, b) => a.day.index - b.day.index || a.shift.index - b.shift.index);
  const before = standingFindings(context, person, items);
  const added = personFindings(prepared, person, withTrial).filter((finding) => !before.has(findingKey(finding)));
  const blocking = added
    .map((finding) => ({ finding, rank: CAUSE_ORDER.indexOf(finding.cause as ExclusionCause) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank)[0];
  if (blocking) return { staff: person.id, cause: blocking.finding.cause as ExclusionCause, detail: detailOf(blocking.finding, trial) };
  return { staff: person.id, cause: 'cost', detail: costDetail(context, trial) };
}

function standingFindings(context: Context, person: PreparedPerson, items: Placed[]): Set<string> {
  let keys = context.standing.get(person.id);
  if (!keys) {
    keys = new Set(personFindings(context.prepared, person, items).map(findingKey));
    context.standing.set(person.id, keys);
  }
  return keys;
}

function findingKey(finding: Finding): string {
  return `${finding.rule}|${finding.date ?? ''}|${finding.shift ?? ''}|${finding.post ?? ''}`;
}

/**
 * The fact behind a finding. A finding between two assignments sits on the later one, which may be
 * the trial or the person's own: either way the detail named is the other one, the one in the way.
 */
function detailOf(finding: Finding, trial: Placed): string {
  const onTrial = finding.date === trial.day.date && finding.shift === trial.shift.id;
  switch (finding.cause) {
    case 'assigned_elsewhere':
      return onTrial && finding.post === trial.assignment.post ? (finding.detail ?? '') : (finding.post ?? '');
    case 'overlap':
      return onTrial ? (finding.detail ?? '') : (finding.shift ?? '');
    case 'min_rest':
    case 'forbidden_sequence': {
      const [firstDate, firstShift] = (finding.detail ?? '').split('|');
      return onTrial ? `${firstDate} ${firstShift}` : `${finding.date} ${finding.shift}`;
    }
    default:
      return finding.detail ?? '';
  }
}

/**
 * The soft goals whose penalty would rise with this person on the slot ("cost,requests"), or
 * LOWERS_TOTAL when the total would fall: then the weights did not keep them off, and only an
 * early stop (or a roster not made by the optimiser) explains the gap.
 */
function costDetail(context: Context, trial: Placed): string {
  // Only the person's part and the duty's part of the penalties change with one more assignment.
  const mine = context.roster.byPerson.get(trial.person.id) ?? [];
  const duty = dutyKey(trial.day.index, trial.shift.id);
  const colleagues = context.byDuty.get(duty) ?? [];
  const tally = (person: Placed[], onDuty: Placed[]): SoftTally => addTallies([personTally(context.soft, trial.person, person), dutyTally(context.soft, duty, onDuty)]);
  const before = penaltiesOf(tally(mine, colleagues), context.prepared.weights);
  const after = penaltiesOf(tally([...mine, trial], [...colleagues, trial]), context.prepared.weights);
  const keys = Object.keys(before) as (keyof Weights)[];
  const change = keys.reduce((total, key) => total + after[key] - before[key], 0);
  if (change < -1e-9) return LOWERS_TOTAL;
  return keys.filter((key) => after[key] > before[key] + 1e-9).join(',');
}

const LOWERS_TOTAL = 'lowers-total';

// ---- Words ---------------------------------------------------------------------------------------

const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_EN_PLURAL = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Common leave reasons as the app writes them, for the English text. */
const LEAVE_EN: Record<string, string> = {
  年假: 'is on annual leave',
  年休假: 'is on annual leave',
  病假: 'is on sick leave',
  事假: 'is on personal leave',
  婚假: 'is on marriage leave',
  产假: 'is on maternity leave',
  陪产假: 'is on paternity leave',
  育儿假: 'is on parental leave',
  丧假: 'is on bereavement leave',
  调休: 'is on time off in lieu',
  培训: 'is in training',
  出差: 'is away on business',
  三八妇女节: "has the Women's Day afternoon off",
  五四青年节: 'has the Youth Day afternoon off',
};

const PENALTY_NAMES: Record<keyof Weights, { zh: string; en: string }> = {
  unmet: { zh: '缺员', en: 'unmet demand' },
  over: { zh: '超员', en: 'overstaffing' },
  backup: { zh: '备岗', en: 'backup' },
  cost: { zh: '人工成本', en: 'labour cost' },
  fairness: { zh: '公平', en: 'fairness' },
  continuity: { zh: '固定窗口', en: 'continuity' },
  requests: { zh: '个人请求', en: 'personal requests' },
  changes: { zh: '改动', en: 'changes to the roster' },
  seat: { zh: 'A 岗不在本窗口', en: 'A person away from their window' },
  crossZone: { zh: '跨区借调', en: 'cross-zone moves' },
};

interface Texts {
  zh: string;
  en: string;
}

function reasonTexts(prepared: PreparedScenario, slot: Slot, qualified: number, onSlot: number, causes: Exclusion[]): Texts {
  const label = slotLabel(prepared, slot);
  const head = { zh: `${label.zh} 缺 ${slot.missing} 人：`, en: `${label.en} short ${slot.missing}: ` };
  if (qualified === 0) return { zh: `${head.zh}没有任何合格人员（该岗位等级 ≥ 2）。`, en: `${head.en}no qualified people at all (level ≥ 2 at this post).` };
  if (causes.length === 0 && qualified === 1) return { zh: `${head.zh}唯一的合格人员已在此岗。`, en: `${head.en}the only qualified person is already on this post.` };
  if (causes.length === 0) return { zh: `${head.zh}全部 ${qualified} 名合格人员都已在此岗。`, en: `${head.en}all ${qualified} qualified people are already on this post.` };
  const parts = causes.slice(0, NAMED_IN_REASON).map((exclusion) => causeText(prepared, slot, exclusion));
  const more = causes.length - parts.length;
  const zhParts = [...parts.map((part) => part.zh), ...(more > 0 ? [`另有 ${more} 人`] : [])];
  const enParts = [...parts.map((part) => part.en), ...(more > 0 ? [`…and ${more} more`] : [])];
  const zhOn = onSlot > 0 ? `；另 ${onSlot} 人已在此岗` : '';
  const enOn = onSlot > 0 ? `; ${onSlot} already on this post` : '';
  return {
    zh: `${head.zh}${qualified} 名合格人员中，${zhParts.join('，')}${zhOn}。`,
    en: `${head.en}of the ${qualified} qualified ${people(qualified)}, ${enParts.join(', ')}${enOn}.`,
  };
}

function counted(count: string, noun: string): string {
  return `${count} ${Number(count) === 1 ? noun : `${noun}s`}`;
}

function people(count: number): string {
  return count === 1 ? 'person' : 'people';
}

/** "周二上午 税务收件" / "Tue AM 税务收件"; the date is added when the horizon is longer than a week. */
function slotLabel(prepared: PreparedScenario, slot: Slot): Texts {
  const day = dayLabel(prepared, slot.day);
  const shift = shiftName(slot.shift);
  return { zh: `${day.zh}${shift} ${slot.postName}`, en: `${day.en} ${shift} ${slot.postName}` };
}

function dayLabel(prepared: PreparedScenario, day: PreparedDay): Texts {
  const zhWeekday = WEEKDAYS_ZH[day.weekday - 1]!;
  const enWeekday = WEEKDAYS_EN[day.weekday - 1]!;
  if (prepared.days.length <= 7) return { zh: zhWeekday, en: enWeekday };
  const [, month, date] = day.date.split('-').map(Number) as [number, number, number];
  return { zh: `${month}月${date}日${zhWeekday}`, en: `${enWeekday} ${date} ${MONTHS_EN[month - 1]}` };
}

function shiftName(shift: PreparedShift): string {
  return shift.def.name ?? shift.id;
}

/** "date shift" → "周一晚班" / "Mon 晚班". */
function neighbourLabel(prepared: PreparedScenario, detail: string): Texts {
  const [date = '', shiftId = ''] = detail.split(' ');
  const day = prepared.days[prepared.dayIndex.get(date) ?? -1];
  const shift = prepared.shifts[prepared.shiftIndex.get(shiftId) ?? -1];
  const name = shift ? shiftName(shift) : shiftId;
  if (!day) return { zh: name, en: name };
  const label = dayLabel(prepared, day);
  return { zh: `${label.zh}${name}`, en: `${label.en} ${name}` };
}

function causeText(prepared: PreparedScenario, slot: Slot, exclusion: Exclusion): Texts {
  const person = prepared.people[prepared.personIndex.get(exclusion.staff) ?? -1];
  const name = person?.def.name ?? exclusion.staff;
  const phrase = CAUSE_PHRASES[exclusion.cause](exclusion.detail ?? '', { prepared, slot });
  return { zh: `${name} ${phrase.zh}`, en: `${name} ${phrase.en}` };
}

type Phrase = (detail: string, where: { prepared: PreparedScenario; slot: Slot }) => Texts;

const CAUSE_PHRASES: Record<ExclusionCause, Phrase> = {
  unavailable: (reason) => ({ zh: reason || '不可排班', en: LEAVE_EN[reason] ?? (reason ? `is unavailable (${reason})` : 'is unavailable') }),
  fixed_day_off: (weekday) => ({ zh: `固定${WEEKDAYS_ZH[Number(weekday) - 1] ?? ''}休息`, en: `has ${WEEKDAYS_EN_PLURAL[Number(weekday) - 1] ?? 'that day'} off` }),
  assigned_elsewhere: (post, { prepared }) => {
    const name = prepared.posts.find((entry) => entry.id === post)?.name ?? post;
    return { zh: `已在 ${name} 上岗`, en: `is working at ${name}` };
  },
  overlap: (shift, { prepared }) => {
    const def = prepared.shifts[prepared.shiftIndex.get(shift) ?? -1];
    const name = def ? shiftName(def) : shift;
    return { zh: `已上 ${name}，时间重叠`, en: `works ${name}, which overlaps` };
  },
  max_shifts_week: (limit) => ({ zh: `本周已排满 ${limit} 班`, en: `has reached ${counted(limit, 'shift')} this week` }),
  max_hours_week: (limit) => ({ zh: `本周工时已到 ${limit} 小时上限`, en: `has reached the ${limit} h limit this week` }),
  max_shifts_day: (limit) => ({ zh: `当天已排满 ${limit} 班`, en: `has reached ${counted(limit, 'shift')} that day` }),
  max_shifts_type: (limit, { slot }) => {
    const name = shiftName(slot.shift);
    if (Number(limit) === 0) return { zh: `不上${name}`, en: `never works ${name}` };
    return { zh: `本期${name}已满 ${limit} 次`, en: `has reached ${limit} ${name} shifts in the period` };
  },
  max_minutes_total: (minutes) => {
    const hours = Number(minutes) / 60;
    return { zh: `本期工时已到 ${hours} 小时上限`, en: `has reached the period's limit of ${hours} h` };
  },
  max_consecutive_days: (limit) => ({ zh: `将连续上班超过 ${limit} 天`, en: `would work more than ${limit} days in a row` }),
  rest_day_in_seven: () => ({ zh: '每 7 天须休息 1 天', en: 'needs a rest day in every 7' }),
  min_rest: (neighbour, { prepared }) => {
    const hours = prepared.rules.minRestMinutes / 60;
    const other = neighbourLabel(prepared, neighbour);
    return { zh: `与${other.zh}之间休息不足 ${hours} 小时`, en: `would rest less than ${hours} h next to ${other.en}` };
  },
  forbidden_sequence: (neighbour, { prepared }) => {
    const other = neighbourLabel(prepared, neighbour);
    return { zh: `与${other.zh}构成禁止的班次衔接`, en: `would make a forbidden sequence with ${other.en}` };
  },
  max_weekends: (limit) => ({ zh: `已上满 ${limit} 个周末`, en: `has reached ${counted(limit, 'weekend')}` }),
  min_consecutive: () => ({ zh: '会打破最短连续上班或休息天数', en: 'would break a minimum run of working days or days off' }),
  cost: (raised) => costPhrase(raised),
};

/** The honest one: nothing forbade it; the weights (or an early stop) left this person off. */
function costPhrase(raised: string): Texts {
  if (raised === LOWERS_TOTAL) {
    return { zh: '可以上班且排上总罚分更低（求解可能提前停止）', en: 'could work, and placing them would lower the total penalty (the solve may have stopped early)' };
  }
  const keys = raised.split(',').filter((key): key is keyof Weights => key in PENALTY_NAMES);
  if (keys.length === 0) return { zh: '可以上班，排与不排罚分相同', en: 'could work; the penalties are the same either way' };
  const zh = keys.map((key) => PENALTY_NAMES[key].zh).join('、');
  const en = keys.map((key) => PENALTY_NAMES[key].en).join(', ');
  return { zh: `可以上班，但权重倾向于不排（会增加${zh}）`, en: `could work, but the weights favoured leaving them off (it would add to ${en})` };
}
