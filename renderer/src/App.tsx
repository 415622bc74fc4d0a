import { useEffect, useState } from 'react';
import type { AppInfo, Centre } from '../../electron/contract/model.ts';
import { useI18n } from './i18n/i18n.tsx';
import { AccountMenu } from './areas/auth/AccountMenu.tsx';
import { useAccess } from './components/access.tsx';
import { visibleAreas } from './areas/areas.ts';
import type { MessageKey } from './i18n/zh-CN.ts';
import type { Area, AreaFocus } from './areas/areas.ts';
import { DashboardArea } from './areas/dashboard/DashboardArea.tsx';
import { ReportsArea } from './areas/reports/ReportsArea.tsx';
import { StaffArea } from './areas/staff/StaffArea.tsx';
import { SettingsArea } from './areas/settings/SettingsArea.tsx';
import { SkillsArea } from './areas/skills/SkillsArea.tsx';
import { AttendanceArea } from './areas/attendance/AttendanceArea.tsx';
import { DemandArea } from './areas/demand/DemandArea.tsx';
import { RosterArea } from './areas/roster/RosterArea.tsx';

export function App({ centre, info, onSignOut }: { centre: Centre; info: AppInfo; onSignOut: () => void }) {
  const { t, language, setLanguage } = useI18n();
  const { can } = useAccess();
  const areas = visibleAreas(can);
  const [area, setArea] = useState<Area>('dashboard');
  const [focus, setFocus] = useState<AreaFocus>({});
  const go = (next: Area, nextFocus: AreaFocus = {}) => {
    setFocus(nextFocus);
    setArea(next);
  };

  // The areas as one string: a new array each render, the same list while the account is signed in,
  // so the listener is replaced only when what the keys reach changes.
  const areaKeys = areas.join('|');
  useEffect(() => {
    // Alt+1 … Alt+8 jump between areas from anywhere, as the nav's titles say.
    const reachable = areaKeys.split('|') as Area[];
    const onKey = (event: KeyboardEvent) => {
      const index = Number(event.key) - 1;
      const target = reachable[index];
      if (event.altKey && Number.isInteger(index) && target) {
        event.preventDefault();
        setFocus({});
        setArea(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [areaKeys]);

  useEffect(() => {
    document.title = `${t('app.title')} · ${language === 'zh-CN' ? centre.nameZh : centre.nameEn}`;
  }, [t, language, centre]);

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">排</span>
          <span className="brand-name">{t('app.title')}</span>
          <span className="centre-name">{language === 'zh-CN' ? centre.nameZh : centre.nameEn}</span>
        </div>
        <AccountMenu onSignOut={onSignOut} />
        <div className="lang-switch" role="group" aria-label={t('lang.label')}>
          {(['zh-CN', 'en'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={language === option} onClick={() => void setLanguage(option)}>
              {t(`lang.${option}`)}
            </button>
          ))}
        </div>
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {areas.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                className="nav-item"
                aria-current={area === name ? 'page' : undefined}
                title={t('nav.shortcut', { n: index + 1 })}
                aria-keyshortcuts={`Alt+${index + 1}`}
                onClick={() => go(name)}
              >
                {t(`nav.${name}` as MessageKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {area === 'dashboard' ? <DashboardArea centre={centre} info={info} onNavigate={go} /> : null}
        {area === 'staff' ? <StaffArea centre={centre} today={info.today} /> : null}
        {area === 'skills' ? <SkillsArea centre={centre} today={info.today} /> : null}
        {area === 'attendance' ? <AttendanceArea centre={centre} info={info} leaveFocus={focus.leave} /> : null}
        {area === 'demand' ? <DemandArea centre={centre} info={info} /> : null}
        {area === 'roster' ? <RosterArea centre={centre} info={info} /> : null}
        {area === 'settings' ? <SettingsArea info={info} /> : null}
        {area === 'reports' ? <ReportsArea centre={centre} info={info} /> : null}
      </main>
    </div>
  );
}
