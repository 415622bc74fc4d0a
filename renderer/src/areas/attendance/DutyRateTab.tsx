import { useCallback, useEffect, useState } from 'react';
import type { DutyLine, DutyMonth, DutySettings } from '../../../../electron/contract/areas/attendance.ts';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MonthPicker, monthOf, type YearMonth } from './sheet/month-picker.tsx';
import type { AttendanceTabProps } from './tab-props.ts';
import './attendance.css';

/** 在岗率: staffed ÷ contracted post-days per zone and for the centre, and the days that fell short. */
export function DutyRateTab({ centre, info, onNotice }: AttendanceTabProps) {
  const { t, language } = useI18n();
  const [chosen, setChosen] = useState<YearMonth>(() => monthOf(info.today));
  const [settings, setSettings] = useState<DutySettings | null>(null);
  const [result, setResult] = useState<DutyMonth | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setResult(await call('duty/month', chosen));
    } catch (caught) {
      setResult(null);
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    }
  }, [chosen]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    void call('duty/settings', {}).then(setSettings, (caught: unknown) => onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error'));
  }, [onNotice]);

  async function save() {
    if (!settings) return;
    try {
      setSettings(await call('duty/settings', { set: settings }));
      onNotice(t('duty.saved'), 'ok');
      await load();
    } catch (caught) {
      onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
    }
  }

  const zoneName = (zoneId: number) => {
    const zone = centre.zones.find((candidate) => candidate.id === zoneId);
    return zone ? (language === 'zh-CN' ? zone.nameZh : zone.nameEn) : String(zoneId);
  };
  const rate = (line: DutyLine) => (line.ratePercent === null ? '—' : `${line.ratePercent}%`);

  return (
    <div className="attendance-tab">
      <div className="toolbar">
        <MonthPicker value={chosen} onChange={setChosen} />
        {settings ? (
          <>
            <label className="month-picker">
              <span>{t('duty.definition')}</span>
              <select value={settings.definition} onChange={(event) => setSettings({ ...settings, definition: event.target.value as DutySettings['definition'] })}>
                <option value="attendance">{t('duty.definition.attendance')}</option>
                <option value="headcount">{t('duty.definition.headcount')}</option>
              </select>
            </label>
            <label className="month-picker">
              <span>{t('duty.target')}</span>
              <input type="number" min={0} max={100} step={0.1} value={settings.targetPercent} onChange={(event) => setSettings({ ...settings, targetPercent: Number(event.target.value) })} />
            </label>
            <button type="button" onClick={() => void save()}>{t('duty.save')}</button>
          </>
        ) : null}
      </div>
      {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
      {result ? (
        <>
          <p className="hint">{t('duty.days', { days: result.workingDays.length })}</p>
          <div className="report-scroll">
            <table className="plain-table duty-table" aria-label={t('attendance.tab.duty')}>
              <thead>
                <tr>
                  <th scope="col">{t('duty.zone')}</th>
                  <th scope="col">{t('duty.posts')}</th>
                  <th scope="col">{t('duty.contracted')}</th>
                  <th scope="col">{t('duty.staffed')}</th>
                  <th scope="col">{t('duty.rate')}</th>
                  <th scope="col">{t('duty.met')}</th>
                  <th scope="col">{t('duty.shortDays')}</th>
                </tr>
              </thead>
              <tbody>
                {result.zones.map((zone) => (
                  <tr key={zone.zoneId} data-zone-id={zone.zoneId}>
                    <th scope="row">{zoneName(zone.zoneId)}</th>
                    <td>
                      {settings ? (
                        <input
                          type="number"
                          min={0}
                          max={500}
                          aria-label={`${t('duty.posts')} ${zoneName(zone.zoneId)}`}
                          value={settings.contractedPosts[String(zone.zoneId)] ?? zone.contractedPosts}
                          onChange={(event) => setSettings({ ...settings, contractedPosts: { ...settings.contractedPosts, [String(zone.zoneId)]: Number(event.target.value) } })}
                        />
                      ) : zone.contractedPosts}
                    </td>
                    <td>{zone.contractedPostDays}</td>
                    <td>{zone.staffedPostDays}</td>
                    <td className={zone.met ? 'met' : 'not-met'}>{rate(zone)}</td>
                    <td className={zone.met ? 'met' : 'not-met'}>{zone.met ? t('duty.met') : t('duty.notMet')}</td>
                    <td>
                      {zone.shortDays.length === 0 ? (
                        t('duty.noShort')
                      ) : (
                        <details>
                          <summary>{zone.shortDays.length}</summary>
                          <ul className="short-days">
                            {zone.shortDays.map((day) => (
                              <li key={day.date}>
                                {t('duty.shortLine', { date: day.date, staffed: day.staffed, contracted: day.contracted, leave: day.onLeave, absent: day.absent, rest: day.rest, vacancy: day.vacancy })}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
                <tr data-testid="duty-centre">
                  <th scope="row">{t('duty.centre')}</th>
                  <td />
                  <td>{result.centre.contractedPostDays}</td>
                  <td>{result.centre.staffedPostDays}</td>
                  <td className={result.centre.met ? 'met' : 'not-met'}>{rate(result.centre)}</td>
                  <td className={result.centre.met ? 'met' : 'not-met'}>{result.centre.met ? t('duty.met') : t('duty.notMet')}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
