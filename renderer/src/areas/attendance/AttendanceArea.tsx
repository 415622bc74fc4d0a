import { useCallback, useState } from 'react';
import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';
import { Notice } from '../../components/Notice.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useAccess } from '../../components/access.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { AttendanceSheetTab } from './AttendanceSheetTab.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { DutyRateTab } from './DutyRateTab.tsx';
import { LeaveTab } from './LeaveTab.tsx';
import { OvertimeTab } from './OvertimeTab.tsx';
import { PunchesTab } from './PunchesTab.tsx';
import { ShiftsTab } from './ShiftsTab.tsx';
import type { AttendanceTabProps } from './tab-props.ts';

const TABS = [
  ['leave', LeaveTab],
  ['punches', PunchesTab],
  ['sheet', AttendanceSheetTab],
  ['overtime', OvertimeTab],
  ['duty', DutyRateTab],
  ['calendar', CalendarTab],
  ['shifts', ShiftsTab],
] as const satisfies readonly (readonly [string, (props: AttendanceTabProps) => unknown])[];
type Tab = (typeof TABS)[number][0];

/** 请假考勤: leave, punches, the monthly sheet, the on-duty rate, and the calendar and shifts they rest on. */
export function AttendanceArea({ centre, info, leaveFocus }: { centre: Centre; info: AppInfo; leaveFocus?: AttendanceTabProps['leaveFocus'] }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('leave');
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const onNotice = useCallback((text: string, tone: 'ok' | 'error') => setNotice({ text, tone }), []);
  const access = useAccess();
  // Overtime is the hall's and pay's business: a viewer has no overtime tab to be refused on.
  const names = TABS.map(([name]) => name).filter((name) => name !== 'overtime' || access.can('overtime/month'));

  const select = (next: Tab) => {
    setTab(next);
    setNotice(null);
  };

  const Current = TABS.find(([name]) => name === tab)?.[1] ?? LeaveTab;
  return (
    <section className="area attendance-area" aria-labelledby="attendance-title">
      <header className="area-header">
        <h1 id="attendance-title">{t('nav.attendance')}</h1>
      </header>
      <Tabs
        label={t('nav.attendance')}
        idPrefix="attendance"
        tabs={names.map((name) => ({ id: name, label: t(`attendance.tab.${name}` as MessageKey) }))}
        current={tab}
        onChange={select}
      />
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      <div role="tabpanel" id={`attendance-panel-${tab}`} aria-labelledby={`attendance-tab-${tab}`} className="tab-panel">
        <Current centre={centre} info={info} onNotice={onNotice} leaveFocus={leaveFocus} />
      </div>
    </section>
  );
}
