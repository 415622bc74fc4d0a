import { useCallback, useState } from 'react';
import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';
import { Notice } from '../../components/Notice.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { ForecastTab } from './ForecastTab.tsx';
import { ImportTab } from './ImportTab.tsx';
import { StaffingTab } from './StaffingTab.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import type { DemandTabProps } from './tab-props.ts';
import './demand.css';

const TABS = [
  ['forecast', ForecastTab],
  ['staffing', StaffingTab],
  ['targets', TargetsTab],
  ['import', ImportTab],
] as const satisfies readonly (readonly [string, (props: DemandTabProps) => unknown])[];
type Tab = (typeof TABS)[number][0];

/** 需求预测: the forecast of arrivals, the windows it needs, the service targets and the ticket history behind them. */
export function DemandArea({ centre, info }: { centre: Centre; info: AppInfo }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('forecast');
  // Queue zones first: the desk zone has fixed posts rather than a queue of its own.
  const [zoneId, setZoneId] = useState<number>(() => (centre.zones.find((zone) => zone.kind === 'windows') ?? centre.zones[0])?.id ?? 0);
  const [weeks, setWeeks] = useState(2);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const onNotice = useCallback((text: string, tone: 'ok' | 'error') => setNotice({ text, tone }), []);

  const select = (next: Tab) => {
    setTab(next);
    setNotice(null);
  };

  const Current = TABS.find(([name]) => name === tab)?.[1] ?? ForecastTab;
  return (
    <section className="area demand-area" aria-labelledby="demand-title">
      <header className="area-header">
        <h1 id="demand-title">{t('nav.demand')}</h1>
      </header>
      <Tabs
        label={t('nav.demand')}
        idPrefix="demand"
        tabs={TABS.map(([name]) => ({ id: name, label: t(`demand.tab.${name}` as MessageKey) }))}
        current={tab}
        onChange={select}
      />
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      <div role="tabpanel" id={`demand-panel-${tab}`} aria-labelledby={`demand-tab-${tab}`} className="tab-panel">
        <Current centre={centre} info={info} zoneId={zoneId} onZone={setZoneId} weeks={weeks} onWeeks={setWeeks} onNotice={onNotice} />
      </div>
    </section>
  );
}
