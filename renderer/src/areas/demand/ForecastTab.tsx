import { useCallback, useMemo, useState } from 'react';
import { ProvisionalLabel } from '../../components/ProvisionalLabel.tsx';
import type { DemandDay, DemandForecast } from '../../../../electron/contract/areas/demand.ts';
import { ApiError, call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ForecastChart, type ForecastPoint } from './ForecastChart.tsx';
import { addDays, count, dateLabel, errorText, fieldProblem, isClosed, kindLabel, percent, shortDate, slotRange, slotStart } from './format.ts';
import { DemandToolbar } from './Pickers.tsx';
import { useLatestLoad } from '../../components/use-latest-load.ts';
import type { DemandTabProps } from './tab-props.ts';

/** About six weeks of actual arrivals are drawn before the forecast. */
const HISTORY_DAYS = 42;

interface Editing {
  date: string;
  slot: number;
  value: number;
  overridden: boolean;
}

/** 预测: actual against forecast, the forecast's accuracy against a naive baseline, and every value open to a hand adjustment. */
export function ForecastTab(props: DemandTabProps) {
  const { t } = useI18n();
  const { onNotice, weeks, zoneId, info } = props;
  const [editing, setEditing] = useState<Editing | null>(null);
  const fetchBoth = useCallback(
    () =>
      Promise.all([
        call('demand/forecast', { weeks }),
        call('demand/history', { from: addDays(info.today, -HISTORY_DAYS), to: addDays(info.today, -1) }),
      ]),
    [weeks, info.today],
  );
  const onError = useCallback((caught: unknown) => onNotice(errorText(caught, t), 'error'), [onNotice, t]);
  const { value: loaded, loading, reload: load } = useLatestLoad(fetchBoth, onError);
  const [forecast, history] = loaded ?? [null, null];

  const zone = forecast?.zones.find((candidate) => candidate.zoneId === zoneId) ?? null;
  const zoneHistory = history?.find((candidate) => candidate.zoneId === zoneId) ?? null;

  const points = useMemo(() => {
    const byDate = new Map<string, ForecastPoint>();
    const at = (date: string) => {
      let point = byDate.get(date);
      if (!point) byDate.set(date, (point = { date, label: shortDate(date, t) }));
      return point;
    };
    for (const day of zoneHistory?.days ?? []) at(day.date).actual = day.arrivals;
    // History holds open days only; closed days of the forecast are left out too, so both lines
    // run over the same kind of day instead of the forecast dropping to 0 every weekend.
    for (const day of zone?.days ?? []) if (!isClosed(day.kind) || day.arrivals > 0) at(day.date).forecast = Math.round(day.arrivals);
    // The boundary is drawn at today even when the forecast starts tomorrow.
    if (byDate.size > 0) at(info.today);
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  }, [zone, zoneHistory, info.today, t]);

  return (
    <div className="demand-tab">
      <DemandToolbar
        centre={props.centre}
        zoneId={zoneId}
        weeks={weeks}
        onZone={props.onZone}
        onWeeks={props.onWeeks}
        onRefresh={() => void load()}
        loading={loading}
        loadingText={t('demand.forecast.loading')}
        status={forecast ? <span className="muted">{t('demand.forecast.range', { from: forecast.from, to: forecast.to })}</span> : null}
      />
      {forecast ? <ProvisionalLabel years={forecast.provisionalYears} /> : null}
      {forecast && !zone ? <p className="hint">{t('demand.forecast.noZone')}</p> : null}
      {zone ? (
        <>
          <Accuracy accuracy={zone.accuracy} />
          <section className="demand-section" aria-labelledby="forecast-chart-title">
            <h2 id="forecast-chart-title">{t('demand.forecast.chartTitle')}</h2>
            <ForecastChart
              points={points}
              today={info.today}
              labels={{ actual: t('demand.forecast.actual'), forecast: t('demand.forecast.predicted'), today: t('demand.forecast.today'), title: t('demand.forecast.chartTitle') }}
            />
          </section>
          <section className="demand-section" aria-labelledby="forecast-table-title">
            <h2 id="forecast-table-title">{t('demand.forecast.tableTitle')}</h2>
            <p className="hint muted">{t('demand.forecast.legend')}</p>
            <ForecastTable days={zone.days} openSlots={forecast?.openSlots ?? []} onEdit={setEditing} />
          </section>
        </>
      ) : null}
      {editing ? (
        <OverrideDialog
          zoneId={zoneId}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            onNotice(text, 'ok');
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

/** The zone's accuracy in a sentence, against "the same day last week". */
function Accuracy({ accuracy }: { accuracy: DemandForecast['zones'][number]['accuracy'] }) {
  const { t } = useI18n();
  if (!accuracy) return <p className="demand-accuracy" data-testid="forecast-accuracy">{t('demand.forecast.noAccuracy')}</p>;
  const better = accuracy.wape <= accuracy.naiveWape;
  return (
    <p className={better ? 'demand-accuracy better' : 'demand-accuracy worse'} data-testid="forecast-accuracy">
      {t('demand.forecast.accuracy', {
        wape: percent(accuracy.wape, 1),
        naive: percent(accuracy.naiveWape, 1),
        verdict: t(better ? 'demand.forecast.better' : 'demand.forecast.worse'),
      })}{' '}
      <span className="muted">{t('demand.forecast.accuracyDays', { n: accuracy.holdoutDays })}</span>
    </p>
  );
}

function ForecastTable(props: { days: DemandDay[]; openSlots: number[]; onEdit: (editing: Editing) => void }) {
  const { t } = useI18n();
  return (
    <div className="demand-scroll">
      <table className="demand-table forecast-table" aria-labelledby="forecast-table-title">
        <thead>
          <tr>
            <th scope="col" className="col-date">{t('demand.forecast.date')}</th>
            <th scope="col">{t('demand.forecast.kind')}</th>
            <th scope="col" className="num">{t('demand.forecast.total')}</th>
            {props.openSlots.map((slot) => (
              <th key={slot} scope="col" className="num slot-head" title={slotRange(slot, t)}>
                {slotStart(slot)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.days.map((day, rowIndex) => {
            const bySlot = new Map(day.slots.map((slot) => [slot.slot, slot]));
            const label = dateLabel(day.date, t);
            return (
              <tr key={day.date} data-row-index={rowIndex} data-date={day.date} className={`kind-${day.kind}`}>
                <th scope="row" className="col-date">{label}</th>
                <td className="day-kind">{day.kind === 'workday' ? '' : t(kindLabel(day.kind))}</td>
                <ValueCell
                  col="total"
                  className="day-total"
                  value={day.arrivals}
                  overridden={day.overridden}
                  label={t('demand.forecast.cellLabel', { date: label, time: t('demand.allDay'), value: count(day.arrivals) })}
                  onEdit={() => props.onEdit({ date: day.date, slot: -1, value: day.arrivals, overridden: day.overridden })}
                />
                {props.openSlots.map((slot) => {
                  const found = bySlot.get(slot);
                  const value = found?.arrivals ?? 0;
                  return (
                    <ValueCell
                      key={slot}
                      col={String(slot)}
                      value={value}
                      overridden={found?.overridden ?? false}
                      dim={isClosed(day.kind) && value === 0}
                      label={t('demand.forecast.cellLabel', { date: label, time: slotRange(slot, t), value: count(value) })}
                      onEdit={() => props.onEdit({ date: day.date, slot, value, overridden: found?.overridden ?? false })}
                    />
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ValueCell(props: { col: string; value: number; overridden: boolean; label: string; onEdit: () => void; className?: string; dim?: boolean }) {
  const { t } = useI18n();
  const classes = ['num', props.className, props.overridden ? 'overridden' : '', props.dim ? 'dim' : ''].filter(Boolean).join(' ');
  return (
    <td className={classes} data-col={props.col} data-overridden={props.overridden ? 'true' : undefined}>
      <button
        type="button"
        className="value-button"
        title={props.overridden ? t('demand.forecast.overridden') : undefined}
        aria-label={props.overridden ? `${props.label}（${t('demand.forecast.overridden')}）` : props.label}
        onClick={props.onEdit}
      >
        {props.overridden ? <span className="override-dot" aria-hidden="true">●</span> : null}
        {count(props.value)}
      </button>
    </td>
  );
}

/** Asks for the new number and the reason; an adjusted value can also be given back to the forecast. */
function OverrideDialog(props: { zoneId: number; editing: Editing; onClose: () => void; onSaved: (text: string) => void }) {
  const { t, problem } = useI18n();
  const { editing } = props;
  const [value, setValue] = useState(count(editing.value));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = dateLabel(editing.date, t);
  const time = slotRange(editing.slot, t);

  async function save(arrivals: number | null) {
    if (reason.trim() === '') {
      setErrors({ reason: fieldProblem('reason', 'required', t, problem) });
      return;
    }
    setBusy(true);
    try {
      await call('demand/override', { zoneId: props.zoneId, date: editing.date, slot: editing.slot, arrivals, reason });
      props.onSaved(arrivals === null ? t('demand.override.removed', { date, time }) : t('demand.override.saved', { date, time, value: count(arrivals) }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.error.fields) {
        setErrors(Object.fromEntries(Object.entries(caught.error.fields).map(([field, kind]) => [field, fieldProblem(field, kind, t, problem)])));
        setFailure(null);
      } else setFailure(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('demand.override.title', { date, time })} onClose={props.onClose}>
      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          // An empty box would travel as null, which the contract reads as "remove": refuse it here.
          const arrivals = value.trim() === '' ? Number.NaN : Number(value);
          if (!Number.isFinite(arrivals)) setErrors({ arrivals: fieldProblem('arrivals', 'required', t, problem) });
          else void save(arrivals);
        }}
      >
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        <p className="muted">
          {t('demand.override.current', { value: count(editing.value) })}
          {editing.overridden ? ` · ${t('demand.forecast.overridden')}` : ''}
        </p>
        <Field label={t('demand.override.value')} required error={errors.arrivals}>
          <input type="number" min={0} max={100000} step={1} value={value} onChange={(event) => setValue(event.target.value)} autoFocus />
        </Field>
        <Field label={t('demand.override.reason')} required error={errors.reason}>
          <input value={reason} maxLength={200} placeholder={t('demand.override.reasonHint')} onChange={(event) => setReason(event.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('form.cancel')}</button>
          {editing.overridden ? (
            <button type="button" onClick={() => void save(null)} disabled={busy}>
              {t('demand.override.remove')}
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {t('demand.override.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
