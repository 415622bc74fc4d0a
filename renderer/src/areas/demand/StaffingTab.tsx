import { useCallback, useEffect, useMemo, useState } from 'react';
import { ProvisionalLabel } from '../../components/ProvisionalLabel.tsx';
import type { StaffingDay, StaffingSlot, ZoneStaffing } from '../../../../electron/contract/areas/demand.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StaffingChart } from './StaffingChart.tsx';
import { count, dateLabel, errorText, isClosed, kindLabel, overloaded, percent, slotRange, slotStart, targetText, waitText } from './format.ts';
import { DemandToolbar } from './Pickers.tsx';
import { useLatestLoad } from '../../components/use-latest-load.ts';
import type { DemandTabProps } from './tab-props.ts';

interface Selected {
  date: string;
  slot: number;
}

/**
 * Where a dispatcher would look first: the busiest half-hour of the first open day whose queue still
 * clears with one window fewer compared, so the worth of one person shows; else the plain peak.
 */
function firstChoice(zone: ZoneStaffing): Selected | null {
  const peakOf = (slots: StaffingSlot[]) => slots.reduce<StaffingSlot | null>((best, slot) => (best === null || slot.required > best.required ? slot : best), null);
  for (const telling of [true, false]) {
    for (const day of zone.days) {
      const peak = peakOf(telling ? day.slots.filter((slot) => !slot.capped && slot.oneFewer !== null) : day.slots);
      if (peak && peak.required > 0) return { date: day.date, slot: peak.slot };
    }
  }
  return null;
}

/** 人力需求: windows needed per day and half-hour, what one window fewer costs, and the need per shift. */
export function StaffingTab(props: DemandTabProps) {
  const { t } = useI18n();
  const { onNotice, weeks, zoneId } = props;
  const [selected, setSelected] = useState<Selected | null>(null);
  const fetchPlan = useCallback(() => call('demand/staffing', { weeks }), [weeks]);
  const onError = useCallback((caught: unknown) => onNotice(errorText(caught, t), 'error'), [onNotice, t]);
  const { value: plan, loading, reload: load } = useLatestLoad(fetchPlan, onError);

  const zone = plan?.zones.find((candidate) => candidate.zoneId === zoneId) ?? null;
  // A new zone or horizon: keep the chosen cell if it still exists, else start at the peak.
  useEffect(() => {
    if (!zone) return;
    setSelected((was) => (was && zone.days.some((day) => day.date === was.date && day.slots.some((slot) => slot.slot === was.slot)) ? was : firstChoice(zone)));
  }, [zone]);

  const slots = useMemo(() => [...new Set((zone?.days ?? []).flatMap((day) => day.slots.map((slot) => slot.slot)))].sort((a, b) => a - b), [zone]);
  const selectedDay = zone?.days.find((day) => day.date === selected?.date) ?? null;
  const selectedSlot = selectedDay?.slots.find((slot) => slot.slot === selected?.slot) ?? null;
  const cappedCount = (zone?.days ?? []).reduce((sum, day) => sum + day.slots.filter((slot) => slot.capped).length, 0);

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
        loadingText={t('demand.staffing.loading')}
      />
      {plan ? <ProvisionalLabel years={plan.provisionalYears} /> : null}
      {plan && !zone ? <p className="hint">{t('demand.staffing.noZone')}</p> : null}
      {zone ? (
        <>
          <p className="demand-facts" data-testid="staffing-facts">
            {t('demand.staffing.facts', {
              windows: zone.windows,
              fixed: zone.fixedPosts,
              handle: zone.meanHandleSeconds === null ? t('demand.staffing.noHandle') : waitText(zone.meanHandleSeconds, t),
              target: targetText(zone.target, t),
            })}
            {cappedCount > 0 ? <strong className="capped-text"> · {t('demand.staffing.cappedCount', { n: cappedCount })}</strong> : null}
          </p>
          <div className="staffing-layout">
            <section className="demand-section" aria-labelledby="staffing-grid-title">
              <h2 id="staffing-grid-title">{t('demand.staffing.gridTitle')}</h2>
              <p className="hint muted">{t('demand.staffing.gridHint', { fixed: zone.fixedPosts })}</p>
              <StaffingGrid zone={zone} slots={slots} selected={selected} onSelect={setSelected} />
            </section>
            <CellDetail zone={zone} day={selectedDay} slot={selectedSlot} />
          </div>
          <DayChart zone={zone} date={selected?.date ?? zone.days[0]?.date ?? ''} onDate={(date) => setSelected((was) => ({ date, slot: was?.slot ?? slots[0] ?? 0 }))} />
          <ShiftSummary zone={zone} />
        </>
      ) : null}
    </div>
  );
}

function StaffingGrid(props: { zone: ZoneStaffing; slots: number[]; selected: Selected | null; onSelect: (selected: Selected) => void }) {
  const { t } = useI18n();
  return (
    <div className="demand-scroll">
      <table className="demand-table staffing-table" aria-labelledby="staffing-grid-title">
        <thead>
          <tr>
            <th scope="col" className="col-date">{t('demand.forecast.date')}</th>
            {props.slots.map((slot) => (
              <th key={slot} scope="col" className="num slot-head" title={slotRange(slot, t)}>
                {slotStart(slot)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.zone.days.map((day, rowIndex) => {
            const bySlot = new Map(day.slots.map((slot) => [slot.slot, slot]));
            const label = dateLabel(day.date, t);
            return (
              <tr key={day.date} data-row-index={rowIndex} data-date={day.date} className={`kind-${day.kind}`}>
                <th scope="row" className="col-date">
                  {label}
                  {day.kind === 'workday' ? null : <small className="day-kind"> {t(kindLabel(day.kind))}</small>}
                </th>
                {day.slots.length === 0 && isClosed(day.kind) ? (
                  <td colSpan={Math.max(1, props.slots.length)} className="closed-row">{t('demand.staffing.closed')}</td>
                ) : (
                  props.slots.map((slotNumber) => {
                    const slot = bySlot.get(slotNumber);
                    if (!slot) return <td key={slotNumber} data-col={String(slotNumber)} className="num dim">–</td>;
                    const isSelected = props.selected?.date === day.date && props.selected.slot === slotNumber;
                    const capped = slot.capped ? t('demand.staffing.capped', { n: props.zone.windows }) : '';
                    return (
                      <td key={slotNumber} data-col={String(slotNumber)} className={['num', slot.capped ? 'capped' : '', isSelected ? 'selected' : ''].filter(Boolean).join(' ')}>
                        <button
                          type="button"
                          className="value-button"
                          aria-pressed={isSelected}
                          title={capped || undefined}
                          aria-label={`${label} ${slotRange(slotNumber, t)}：${t('demand.staffing.required', { n: slot.required })}${capped ? `，${capped}` : ''}`}
                          onClick={() => props.onSelect({ date: day.date, slot: slotNumber })}
                        >
                          {slot.required}
                          {slot.capped ? <span aria-hidden="true">!</span> : null}
                        </button>
                      </td>
                    );
                  })
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the staffed level gives and what one window fewer would cost: the worth of one person. */
function CellDetail(props: { zone: ZoneStaffing; day: StaffingDay | null; slot: StaffingSlot | null }) {
  const { t } = useI18n();
  const { day, slot, zone } = props;
  return (
    <aside className="detail-panel staffing-detail" aria-labelledby="staffing-detail-title" data-testid="staffing-detail">
      <h2 id="staffing-detail-title">{t('demand.staffing.detailTitle')}</h2>
      {!day || !slot ? (
        <p className="muted">{t('demand.staffing.pickCell')}</p>
      ) : (
        <>
          <p className="detail-when">{t('demand.staffing.cell', { date: dateLabel(day.date, t), time: slotRange(slot.slot, t) })}</p>
          <p>{t('demand.staffing.arrivals', { n: count(slot.arrivalsPerHour) })}</p>
          <p data-testid="staffing-required">
            {zone.fixedPosts > 0 ? t('demand.staffing.requiredFixed', { n: slot.required, fixed: zone.fixedPosts }) : t('demand.staffing.required', { n: slot.required })}
          </p>
          {slot.capped ? (
            <p className="capped-text" data-testid="staffing-capped">
              {t('demand.staffing.capped', { n: zone.windows })}；{t('demand.staffing.uncapped', { n: slot.uncapped })}
            </p>
          ) : null}
          {slot.atRequired ? (
            <>
              <p data-testid="staffing-at">
                {overloaded(slot.atRequired)
                  ? t('demand.staffing.atOverloaded', { n: slot.atRequired.servers })
                  : t('demand.staffing.at', {
                      n: slot.atRequired.servers,
                      wait: waitText(slot.atRequired.averageWaitSeconds, t),
                      level: percent(slot.atRequired.serviceLevel),
                      occupancy: percent(slot.atRequired.occupancy),
                    })}
              </p>
              <p className="one-fewer" data-testid="staffing-one-fewer">
                {!slot.oneFewer
                  ? t('demand.staffing.oneFewerNone')
                  : overloaded(slot.oneFewer)
                    ? t('demand.staffing.oneFewerOverloaded')
                    : t('demand.staffing.oneFewer', { wait: waitText(slot.oneFewer.averageWaitSeconds, t), level: percent(slot.oneFewer.serviceLevel) })}
              </p>
            </>
          ) : (
            <p className="muted">{t('demand.staffing.noQueue')}</p>
          )}
        </>
      )}
    </aside>
  );
}

function DayChart(props: { zone: ZoneStaffing; date: string; onDate: (date: string) => void }) {
  const { t } = useI18n();
  const day = props.zone.days.find((candidate) => candidate.date === props.date) ?? props.zone.days[0];
  const title = day ? t('demand.staffing.chartTitle', { date: dateLabel(day.date, t) }) : '';
  const points = (day?.slots ?? []).map((slot) => ({ time: slotStart(slot.slot), required: slot.required, fixed: props.zone.fixedPosts }));
  const showFixed = props.zone.fixedPosts > 0;
  return (
    <section className="demand-section" aria-labelledby="staffing-chart-title">
      <div className="toolbar">
        <h2 id="staffing-chart-title">{title}</h2>
        <label className="toolbar-field" htmlFor="staffing-chart-day">
          {t('demand.staffing.chartDay')}
        </label>
        <select id="staffing-chart-day" value={day?.date ?? ''} onChange={(event) => props.onDate(event.target.value)}>
          {props.zone.days.map((candidate) => (
            <option key={candidate.date} value={candidate.date}>
              {`${dateLabel(candidate.date, t)}${candidate.kind === 'workday' ? '' : ` ${t(kindLabel(candidate.kind))}`}`}
            </option>
          ))}
        </select>
      </div>
      {points.length > 0 ? (
        <StaffingChart
          points={points}
          showFixed={showFixed}
          windows={props.zone.windows}
          labels={{ required: t('demand.staffing.chartRequired'), fixed: t('demand.staffing.chartFixed'), cap: t('demand.staffing.chartCap', { n: props.zone.windows }), title }}
        />
      ) : (
        <p className="muted">{t('demand.staffing.closed')}</p>
      )}
      <p className="hint muted">{t('demand.staffing.rosterNote')}</p>
    </section>
  );
}

function ShiftSummary({ zone }: { zone: ZoneStaffing }) {
  const { t } = useI18n();
  const codes = [...new Set(zone.days.flatMap((day) => day.shifts.map((shift) => shift.code)))];
  return (
    <section className="demand-section" aria-labelledby="staffing-shifts-title">
      <h2 id="staffing-shifts-title">{t('demand.staffing.shiftsTitle')}</h2>
      {codes.length === 0 ? (
        <p className="muted">{t('demand.staffing.shiftsNone')}</p>
      ) : (
        <div className="demand-scroll">
          <table className="demand-table shifts-summary" aria-labelledby="staffing-shifts-title">
            <thead>
              <tr>
                <th scope="col" className="col-date">{t('demand.forecast.date')}</th>
                {codes.map((code) => (
                  <th key={code} scope="col" className="num">{code}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {zone.days.map((day, rowIndex) => {
                const byCode = new Map(day.shifts.map((shift) => [shift.code, shift.required]));
                return (
                  <tr key={day.date} data-row-index={rowIndex} data-date={day.date} className={`kind-${day.kind}`}>
                    <th scope="row" className="col-date">
                      {dateLabel(day.date, t)}
                      {day.kind === 'workday' ? null : <small className="day-kind"> {t(kindLabel(day.kind))}</small>}
                    </th>
                    {codes.map((code) => (
                      <td key={code} data-col={code} className="num">{byCode.get(code) ?? '–'}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
