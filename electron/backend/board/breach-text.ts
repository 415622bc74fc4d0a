/**
 * A breach in the shift lead's words, in Chinese and English, with people, posts and shifts named.
 * The checker's own messages are English with ids, for engineers; the numbers in them (counts and
 * limits) are read back here so each rule gets one sentence of its own.
 */
import type { Breach, Scenario } from '../../../solver/roster/types.ts';

export interface BreachText {
  zh: string;
  en: string;
}

/** Names of the scenario's people, posts and shifts, looked up by their string ids. */
export interface ScenarioNames {
  person(id: string | undefined): string;
  post(id: string | undefined): string;
  shift(id: string | undefined): string;
  /** A window's code ("A03") when known, else "#id". */
  window(id: string | undefined): string;
}

/** Windows are named by the scenario's `name` (the hall's code, "A03"), else "#id". */
export function namesOf(scenario: Scenario): ScenarioNames {
  const windowCodes = new Map((scenario.windows ?? []).flatMap((w) => (w.name === undefined ? [] : [[w.id, w.name] as const])));
  const people = new Map(scenario.staff.map((p) => [p.id, p.name]));
  const posts = new Map(scenario.posts.map((p) => [p.id, p.name]));
  const shifts = new Map(scenario.shifts.map((s) => [s.id, s.name ?? s.id]));
  return {
    person: (id) => (id === undefined ? '' : (people.get(id) ?? id)),
    post: (id) => (id === undefined ? '' : (posts.get(id) ?? id)),
    shift: (id) => (id === undefined ? '' : (shifts.get(id) ?? id)),
    window: (id) => (id === undefined || id === '' ? '' : (windowCodes.get(id) ?? `#${id}`)),
  };
}

/**
 * The checker's figures for a rule: its message's pattern for that rule, matched. Ids in messages
 * are numeric strings too, so each rule's figures are picked by the words around them.
 */
const FIGURES: Readonly<Record<string, RegExp>> = {
  max_shifts_day: /works (\d+) shifts on .*limit is (\d+)/,
  max_shifts_week: /works (\d+) shifts in the week.*limit is (\d+)/,
  max_hours_week: /works ([\d.]+) h in the week.*limit is ([\d.]+) h/,
  max_shifts_type: /works (\d+) \S+ shifts; the limit is (\d+)/,
  max_minutes_total: /works (\d+) minutes.*most is (\d+)/,
  min_minutes_total: /works (\d+) minutes.*least is (\d+)/,
  max_consecutive_days: /more than (\d+) days/,
  rest_day_in_seven: /more than (\d+) days/,
  min_consecutive_days: /block of (\d+) .*least is (\d+)/,
  min_consecutive_days_off: /block of (\d+) .*least is (\d+)/,
  min_rest: /rests (-?\d+) minutes.*least is (\d+)/,
  max_weekends: /works (\d+) weekends; the limit is (\d+)/,
  learner_mentor: /^(\d+) learner\(s\).*only (\d+) mentor/,
};

function figuresOf(breach: Breach): [string, string] {
  const match = FIGURES[breach.rule]?.exec(breach.message);
  return [match?.[1] ?? '?', match?.[2] ?? '?'];
}

function hours(minutes: string): string {
  const value = Number(minutes) / 60;
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '?';
}

export function breachText(breach: Breach, names: ScenarioNames): BreachText {
  const who = names.person(breach.staff);
  const date = breach.date ?? '';
  const shift = names.shift(breach.shift);
  const post = names.post(breach.post);
  const at = `${date} ${shift}`.trim();
  const [first, second] = figuresOf(breach);
  // A window as the checker names it (its id); the hall's code when the scenario knows it.
  const win = (index: number) => {
    const id = [...breach.message.matchAll(/window (\S+?)(?=[ ,.]|$)/g)][index]?.[1] ?? '';
    return names.window(id);
  };
  switch (breach.rule) {
    case 'assigned_elsewhere':
      return { zh: `${who} 在 ${at} 同时排了两个岗位`, en: `${who} holds two posts on ${at}` };
    case 'overlap':
      return { zh: `${who} 在 ${date} 的班次时间重叠`, en: `${who} works overlapping shifts on ${date}` };
    case 'max_shifts_day':
      return { zh: `${who} 在 ${date} 排了 ${first} 班，每天最多 ${second} 班`, en: `${who} works ${first} shifts on ${date}; the most is ${second}` };
    case 'unavailable': {
      const reason = /\(([^)]*)\)\s*$/.exec(breach.message)?.[1];
      return { zh: `${who} 在 ${at} 不可排班${reason ? `（${reason}）` : ''}`, en: `${who} is not available on ${at}${reason ? ` (${reason})` : ''}` };
    }
    case 'fixed_day_off':
      return { zh: `${who} 固定在该星期几休息（${date}）`, en: `${who} never works this weekday (${date})` };
    case 'max_shifts_week':
      return { zh: `${who} 自 ${date} 起的一周已排 ${first} 班，上限 ${second} 班`, en: `${who} works ${first} shifts in the week from ${date}; the limit is ${second}` };
    case 'max_hours_week':
      return { zh: `${who} 自 ${date} 起的一周工作 ${first} 小时，上限 ${second} 小时`, en: `${who} works ${first} h in the week from ${date}; the limit is ${second} h` };
    case 'max_shifts_type':
      return { zh: `${who} 的 ${shift} 班共 ${first} 次，上限 ${second} 次`, en: `${who} works ${first} ${shift} shifts; the limit is ${second}` };
    case 'max_minutes_total':
      return { zh: `${who} 本期工作 ${first} 分钟，超过上限 ${second} 分钟`, en: `${who} works ${first} minutes this period; the most is ${second}` };
    case 'min_minutes_total':
      return { zh: `${who} 本期工作 ${first} 分钟，少于下限 ${second} 分钟`, en: `${who} works ${first} minutes this period; the least is ${second}` };
    case 'max_consecutive_days':
    case 'rest_day_in_seven':
      return { zh: `${who} 到 ${date} 已连续上班超过 ${first} 天`, en: `${who} works more than ${first} days in a row by ${date}` };
    case 'min_consecutive_days':
      return { zh: `${who} 自 ${date} 连续上班仅 ${first} 天，至少 ${second} 天`, en: `${who} works a block of only ${first} days from ${date}; the least is ${second}` };
    case 'min_consecutive_days_off':
      return { zh: `${who} 自 ${date} 连续休息仅 ${first} 天，至少 ${second} 天`, en: `${who} rests a block of only ${first} days from ${date}; the least is ${second}` };
    case 'min_rest':
      return { zh: `${who} 在 ${at} 前休息仅 ${hours(first)} 小时，至少 ${hours(second)} 小时`, en: `${who} rests only ${hours(first)} h before ${at}; the least is ${hours(second)} h` };
    case 'forbidden_sequence':
      return { zh: `${who} 前一天的班次之后不得接 ${at}`, en: `${who} may not work ${at} after the previous day's shift` };
    case 'max_weekends':
      return { zh: `${who} 本期上了 ${first} 个周末，上限 ${second} 个`, en: `${who} works ${first} weekends; the limit is ${second}` };
    case 'qualification':
      return breach.message.includes('learner')
        ? { zh: `${who} 不是 ${post} 的学员（需技能等级 1）`, en: `${who} is not a learner at ${post} (level 1 needed)` }
        : { zh: `${who} 未达到 ${post} 的独立上岗等级（需 ≥ 2 级）`, en: `${who} is not qualified at ${post} (level ≥ 2 needed)` };
    case 'learner_mentor':
      return { zh: `${at} ${post} 有 ${first} 名学员，但只有 ${second} 名带教`, en: `${first} learner(s) at ${post} on ${at} beside only ${second} mentor(s)` };
    case 'pinned':
      return { zh: `${who} 在 ${at} 的 ${post} 已锁定，不在排班中`, en: `${who}'s pinned duty at ${post} on ${at} is missing` };
    // The hall's rules (docs/roster-rules.md 11–13): presence, seats at windows, nobody idle beside an empty window.
    case 'presence':
      return { zh: `${who} 在 ${at} 没有排班：工作日的默认班次人人在岗（请假除外）`, en: `${who} holds no duty on ${at}: everyone present works the day's default shifts unless on leave` };
    case 'window_missing':
      return { zh: `${who} 在 ${at} 的 ${post} 没有指定窗口`, en: `${who} is at ${post} on ${at} without a window` };
    case 'window_mismatch':
      return { zh: `${who} 所坐的窗口 ${win(0)} 不属于 ${post}`, en: `${who} sits at window ${win(0)}, which is not a window of ${post}` };
    case 'window_closed':
      return { zh: `${who} 在 ${at} 坐在窗口 ${win(0)}，但该窗口此时不开`, en: `${who} sits at window ${win(0)} on ${at}, when it is not open` };
    case 'window_shared':
      return { zh: `${at} 窗口 ${win(0)} 同时坐了两人（${who} 与 ${names.person(/and (\S+) both/.exec(breach.message)?.[1])}）`, en: `Two people sit at window ${win(0)} on ${at} (${who} and ${names.person(/and (\S+) both/.exec(breach.message)?.[1])})` };
    case 'window_not_a_seat':
      return breach.message.includes('learner')
        ? { zh: `${who} 是跟岗学员，在 ${at} 不应占用窗口`, en: `${who} is shadowing on ${at} and takes no window of their own` }
        : { zh: `${post} 没有窗口，${who} 在 ${at} 不应指定窗口`, en: `${post} has no windows; ${who} names one on ${at}` };
    case 'seats': {
      const seats = /people sit at post .* but it opens (\d+) window/.exec(breach.message)?.[1] ?? '?';
      const seated = /^(\d+) people/.exec(breach.message)?.[1] ?? '?';
      return { zh: `${at} ${post} 坐了 ${seated} 人，但只开 ${seats} 个窗口`, en: `${seated} people sit at ${post} on ${at}, but it opens only ${seats} window(s)` };
    }
    case 'idle_beside_empty_window':
      return { zh: `${who} 在 ${at} 排在无窗口的 ${post}，而其可胜任的窗口空着没人坐`, en: `${who} is at ${post} (no window) on ${at} while a window they are qualified for stands empty` };
    case 'reference':
      return { zh: `排班引用了场景中不存在的人员、日期、班次或岗位`, en: `The roster names a person, date, shift or post the scenario does not know` };
    default:
      return { zh: `违反规则 ${breach.rule}：${breach.message}`, en: breach.message };
  }
}
