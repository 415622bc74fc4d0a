import { useCallback, useEffect, useState } from 'react';
import type { BenchStrength, Centre, SkillMatrix, WindowAb } from '../../../../electron/contract/model.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useLatest } from '../../components/use-latest.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainMessage } from '../roster/errors.ts';
import { AbTable } from './AbTable.tsx';
import { SkillMatrixView } from './SkillMatrixView.tsx';
import { TrainingPlanView } from './TrainingPlanView.tsx';
import { skillName } from './skill-labels.ts';

const TABS = ['matrix', 'ab', 'plan'] as const;
type Tab = (typeof TABS)[number];

export function SkillsArea({ centre, today }: { centre: Centre; today: string }) {
  const { t, language } = useI18n();
  const [tab, setTab] = useState<Tab>('matrix');
  const [matrix, setMatrix] = useState<SkillMatrix | null>(null);
  const [bench, setBench] = useState<BenchStrength | null>(null);
  const [ab, setAb] = useState<WindowAb[]>([]);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const onNotice = useCallback((text: string, tone: 'ok' | 'error') => setNotice({ text, tone }), []);

  // A failed read is said where the user looks, not left as an unhandled rejection and a blank area.
  // Worded in the language of the moment: a language switch must not load the matrix again.
  const words = useLatest({ t, language });
  const failed = useCallback(
    (caught: unknown) => onNotice(words.current.t('app.error', { message: plainMessage(caught, words.current.language) }), 'error'),
    [onNotice, words],
  );
  const reloadBench = useCallback(async () => {
    try {
      const [nextBench, nextAb] = await Promise.all([call('bench/summary', {}), call('ab/list', {})]);
      setBench(nextBench);
      setAb(nextAb);
    } catch (caught) {
      failed(caught);
    }
  }, [failed]);
  const reload = useCallback(async () => {
    try {
      setMatrix(await call('skills/matrix', {}));
    } catch (caught) {
      return failed(caught);
    }
    await reloadBench();
  }, [reloadBench, failed]);
  useEffect(() => void reload(), [reload]);

  return (
    <section className="area skills-area" aria-labelledby="skills-title">
      <header className="area-header">
        <h1 id="skills-title">{t('skills.title')}</h1>
      </header>
      {bench ? <BenchSummary bench={bench} centre={centre} /> : null}
      <Tabs label={t('skills.tabs')} idPrefix="skills" tabs={TABS.map((name) => ({ id: name, label: t(`skills.tab.${name}`) }))} current={tab} onChange={setTab} />
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      <div role="tabpanel" id={`skills-panel-${tab}`} aria-labelledby={`skills-tab-${tab}`} className="tab-panel">
        {matrix && tab === 'matrix' ? (
          <SkillMatrixView
            centre={centre}
            matrix={matrix}
            today={today}
            postTarget={bench?.postTarget ?? 2}
            onChanged={(next) => {
              setMatrix(next);
              void reloadBench();
            }}
            onReload={() => void reload()}
            onNotice={onNotice}
          />
        ) : null}
        {matrix && tab === 'ab' ? <AbTable centre={centre} matrix={matrix} ab={ab} bench={bench} onChanged={() => void reloadBench()} onNotice={onNotice} /> : null}
        {matrix && tab === 'plan' ? <TrainingPlanView centre={centre} matrix={matrix} today={today} onAccepted={() => void reload()} onNotice={onNotice} /> : null}
      </div>
    </section>
  );
}

/** What the dispatcher sees first: how many single points of failure, and who is below target. */
function BenchSummary({ bench, centre }: { bench: BenchStrength; centre: Centre }) {
  const { t, language } = useI18n();
  const gaps = bench.skills.filter((skill) => skill.singlePointOfFailure);
  const cards = [
    ['skillGaps', t('skills.summary.skillGaps'), bench.summary.skillGaps],
    ['windowGaps', t('skills.summary.windowGaps'), bench.summary.windowGaps],
    ['abProblems', t('skills.summary.abProblems'), bench.summary.abProblems],
    ['belowTarget', t('skills.summary.belowTarget', { target: bench.postTarget }), bench.summary.peopleBelowTarget],
  ] as const;
  return (
    <section className="bench-summary" aria-label={t('skills.summary')}>
      <div className="cards">
        {cards.map(([key, label, value]) => (
          <div key={key} className={value > 0 ? 'card card-alert' : 'card'} data-testid={`bench-${key}`}>
            <div className="card-value">{value}</div>
            <div className="card-label">{label}</div>
          </div>
        ))}
      </div>
      <p className={gaps.length > 0 ? 'warn-text' : 'muted'}>
        {gaps.length > 0
          ? t('skills.summary.gapList', {
              target: bench.skillTarget,
              list: gaps.map((gap) => `${skillName(centre.posts.find((p) => p.id === gap.postId), language)}（${gap.qualified}）`).join('、'),
            })
          : t('skills.summary.noGaps', { target: bench.skillTarget })}
      </p>
    </section>
  );
}
