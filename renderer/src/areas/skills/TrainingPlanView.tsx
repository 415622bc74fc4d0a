import { useMemo, useState } from 'react';
import { addDays, format, parseISO } from 'date-fns';
import type { Centre, SkillMatrix, TrainingLine, TrainingPlan } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { skillName } from './skill-labels.ts';

/** "Who should learn what", with the reason for every line; accepting records the trainings. */
export function TrainingPlanView(props: {
  centre: Centre;
  matrix: SkillMatrix;
  today: string;
  onAccepted: () => void;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}) {
  const { t, language } = useI18n();
  const [targets, setTargets] = useState({ skillTarget: 2, postTarget: 2, maxPerPerson: 2 });
  const [plan, setPlan] = useState<TrainingPlan | null>(null);
  const [running, setRunning] = useState(false);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [targetDate, setTargetDate] = useState(() => format(addDays(parseISO(props.today), 56), 'yyyy-MM-dd'));
  const people = useMemo(() => new Map(props.matrix.rows.map((row) => [row.staffId, row])), [props.matrix.rows]);
  const posts = useMemo(() => new Map(props.centre.posts.map((post) => [post.id, post])), [props.centre.posts]);
  const zoneName = (zoneId: number | undefined) => {
    const zone = props.centre.zones.find((z) => z.id === zoneId);
    return zone ? (language === 'zh-CN' ? zone.nameZh : zone.nameEn) : '';
  };

  async function run() {
    setRunning(true);
    setPlan(null);
    try {
      setPlan(await call('training/plan', targets));
      setExcluded(new Set());
    } catch (caught) {
      props.onNotice(t('app.error', { message: String(caught) }), 'error');
    } finally {
      setRunning(false);
    }
  }

  async function accept() {
    if (!plan) return;
    const lines = plan.lines.filter((_, index) => !excluded.has(index)).map(({ staffId, postId, mentorId }) => ({ staffId, postId, mentorId }));
    try {
      const { recorded } = await call('training/accept', { targetDate, lines });
      props.onNotice(t('plan.accepted', { count: recorded }), 'ok');
      setPlan(null);
      props.onAccepted();
    } catch (caught) {
      props.onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
    }
  }

  const number = (key: keyof typeof targets, label: string, max: number) => (
    <label className="toolbar-field">
      <span>{label}</span>
      <input type="number" min={1} max={max} value={targets[key]} onChange={(event) => setTargets({ ...targets, [key]: Number(event.target.value) || 1 })} />
    </label>
  );
  const chosen = plan ? plan.lines.length - excluded.size : 0;
  return (
    <div className="plan-view">
      <div className="toolbar" role="toolbar" aria-label={t('skills.tab.plan')}>
        {number('skillTarget', t('plan.skillTarget'), 10)}
        {number('postTarget', t('plan.postTarget'), 10)}
        {number('maxPerPerson', t('plan.maxPerPerson'), 5)}
        <button type="button" className="primary" onClick={() => void run()} disabled={running}>{t('plan.run')}</button>
      </div>
      {running ? <p role="status" className="progress">{t('plan.running')}</p> : null}
      {plan ? (
        <>
          <p data-testid="plan-summary">{plan.lines.length === 0 ? t('plan.empty') : t('plan.summary', { count: plan.lines.length, ms: plan.solveMs })}</p>
          {plan.lines.length > 0 ? (
            <div className="report-scroll">
              <table className="plain-table" aria-label={t('skills.tab.plan')}>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.include')}</th>
                    <th scope="col">{t('plan.person')}</th>
                    <th scope="col">{t('plan.zone')}</th>
                    <th scope="col">{t('plan.skill')}</th>
                    <th scope="col">{t('plan.mentor')}</th>
                    <th scope="col">{t('plan.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.lines.map((line, index) => {
                    const person = people.get(line.staffId);
                    const post = posts.get(line.postId);
                    return (
                      <tr key={`${line.staffId}-${line.postId}`}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`${t('plan.include')} ${person?.name ?? ''} ${skillName(post, language)}`}
                            checked={!excluded.has(index)}
                            onChange={(event) => {
                              const next = new Set(excluded);
                              if (event.target.checked) next.delete(index);
                              else next.add(index);
                              setExcluded(next);
                            }}
                          />
                        </td>
                        <td>{person ? `${person.name} ${person.employeeNo}` : line.staffId}</td>
                        <td>{zoneName(person?.homeZoneId)}</td>
                        <td>{skillName(post, language)}</td>
                        <td>{line.mentorId ? (people.get(line.mentorId)?.name ?? line.mentorId) : t('plan.noMentor')}</td>
                        <td>{reasonText(line, skillName(post, language), t)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
          <Shortfalls plan={plan} posts={posts} people={people} />
          {plan.lines.length > 0 ? (
            <div className="toolbar">
              <label className="toolbar-field">
                <span>{t('plan.targetDate')}</span>
                <input type="date" value={targetDate} min={props.today} onChange={(event) => setTargetDate(event.target.value)} />
              </label>
              <button type="button" className="primary" disabled={chosen === 0} onClick={() => void accept()}>
                {t('plan.accept', { count: chosen })}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function reasonText(line: TrainingLine, skill: string, t: Translate): string {
  const parts: string[] = [];
  if (line.skillShort) parts.push(t('plan.reason.skillShort', { skill, ...line.skillShort }));
  if (line.personShort) parts.push(t('plan.reason.personShort', line.personShort));
  if (line.alreadyLearning) parts.push(t('plan.reason.continue'));
  parts.push(t(line.sameZone ? 'plan.reason.sameZone' : 'plan.reason.crossZone'));
  return parts.join('；');
}

function Shortfalls(props: { plan: TrainingPlan; posts: Map<number, Centre['posts'][number]>; people: Map<number, SkillMatrix['rows'][number]> }) {
  const { t, language } = useI18n();
  const { skillShortfalls, personShortfalls } = props.plan;
  if (skillShortfalls.length === 0 && personShortfalls.length === 0) return null;
  return (
    <section className="shortfalls" aria-labelledby="shortfalls-title">
      <h3 id="shortfalls-title">{t('plan.shortfalls')}</h3>
      <ul>
        {skillShortfalls.map((gap) => (
          <li key={`s${gap.postId}`}>
            {t('plan.shortfall.skill', { skill: skillName(props.posts.get(gap.postId), language), after: gap.qualifiedAfter, short: gap.shortBy, reason: t(`plan.shortfall.${gap.reason}`) })}
          </li>
        ))}
        {personShortfalls.map((gap) => (
          <li key={`p${gap.staffId}`}>
            {t('plan.shortfall.person', { name: props.people.get(gap.staffId)?.name ?? String(gap.staffId), after: gap.masteredAfter, short: gap.shortBy })}
          </li>
        ))}
      </ul>
    </section>
  );
}
