import { useCallback, useState } from 'react';
import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';
import { Notice } from '../../components/Notice.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { Channel } from '../../../../electron/contract/channels.ts';
import { useAccess } from '../../components/access.tsx';
import { ClientReportTab } from './ClientReportTab.tsx';
import { CostSettingsTab } from './CostSettingsTab.tsx';
import { CostTab } from './CostTab.tsx';
import { HoursTab } from './HoursTab.tsx';
import { WhatIfTab } from './WhatIfTab.tsx';
import type { ReportsTabProps } from './tab-props.ts';
import './reports.css';

const TABS = [
  ['client', ClientReportTab],
  ['hours', HoursTab],
  ['cost', CostTab],
  ['whatIf', WhatIfTab],
  ['costSettings', CostSettingsTab],
] as const satisfies readonly (readonly [string, (props: ReportsTabProps) => unknown])[];
type Tab = (typeof TABS)[number][0];

/** What each tab reads: pay and cost are the dispatcher's, the client's report everyone's. */
const TAB_NEEDS: Readonly<Record<Tab, Channel>> = {
  client: 'reports/client',
  hours: 'reports/hours',
  cost: 'cost/month',
  whatIf: 'cost/whatIf',
  costSettings: 'cost/settings',
};

/** 报表: the client's monthly report, hours and overtime, the cost of the contract and its settings. */
export function ReportsArea({ centre, info }: { centre: Centre; info: AppInfo }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('client');
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const onNotice = useCallback((text: string, tone: 'ok' | 'error') => setNotice({ text, tone }), []);
  const select = (next: Tab) => {
    setTab(next);
    setNotice(null);
  };
  const { can } = useAccess();
  const shown = TABS.filter(([name]) => can(TAB_NEEDS[name]));
  const Current = shown.find(([name]) => name === tab)?.[1] ?? ClientReportTab;
  return (
    <section className="area reports-area" aria-labelledby="reports-title">
      <header className="area-header">
        <h1 id="reports-title">{t('nav.reports')}</h1>
        <span className="muted">{t('reports.subtitle')}</span>
      </header>
      <Tabs
        label={t('nav.reports')}
        idPrefix="reports"
        tabs={shown.map(([name]) => ({ id: name, label: t(`reports.tab.${name}` as MessageKey) }))}
        current={tab}
        onChange={select}
      />
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      <div role="tabpanel" id={`reports-panel-${tab}`} aria-labelledby={`reports-tab-${tab}`} className="tab-panel">
        <Current centre={centre} info={info} onNotice={onNotice} />
      </div>
    </section>
  );
}
