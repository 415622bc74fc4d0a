import type { Centre } from '../../../../electron/contract/model.ts';
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/** The zone every tab of 需求预测 looks at. */
export function ZonePicker(props: { centre: Centre; zoneId: number; onZone: (zoneId: number) => void }) {
  const { t, language } = useI18n();
  // Labelled by id, not by wrapping: a wrapping label would fold the chosen option into the name.
  const id = useId();
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>{t('demand.zone')}</label>
      <select id={id} value={props.zoneId} onChange={(event) => props.onZone(Number(event.target.value))}>
        {props.centre.zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {language === 'zh-CN' ? zone.nameZh : zone.nameEn}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The horizon, 1 to 8 weeks, as the contract allows. */
export function WeeksPicker(props: { weeks: number; onWeeks: (weeks: number) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>{t('demand.weeks')}</label>
      <select id={id} value={props.weeks} onChange={(event) => props.onWeeks(Number(event.target.value))}>
        {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
          <option key={n} value={n}>
            {t('demand.weeksOption', { n })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The zone, the horizon, a refresh and the progress line every demand tab starts with. */
export function DemandToolbar(props: {
  centre: Centre;
  zoneId: number;
  weeks: number;
  onZone: (zoneId: number) => void;
  onWeeks: (weeks: number) => void;
  onRefresh: () => void;
  loading: boolean;
  loadingText: string;
  /** Shown beside the controls once loaded, e.g. the forecast's date range. */
  status?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="toolbar">
      <ZonePicker centre={props.centre} zoneId={props.zoneId} onZone={props.onZone} />
      <WeeksPicker weeks={props.weeks} onWeeks={props.onWeeks} />
      <button type="button" onClick={props.onRefresh} disabled={props.loading}>
        {t('demand.refresh')}
      </button>
      {props.loading ? (
        <span role="status" className="progress">
          {props.loadingText}
        </span>
      ) : (
        (props.status ?? null)
      )}
    </div>
  );
}
