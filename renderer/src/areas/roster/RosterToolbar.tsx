import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useAccess } from '../../components/access.tsx';
import type { Centre } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { defaultPeriod, periodChoices, type Period, type PeriodKind } from './period.ts';
import { periodLabel, zoneName, zonesLabel } from './roster-format.ts';

export interface SolveSettings {
  period: Period;
  zoneIds: number[];
  timeLimitSeconds: number;
}

export const TIME_LIMIT = { min: 5, max: 600, initial: 60 } as const;

/** The period, the zones and the time limit of the next solve, and the roster's file actions. */
export function RosterToolbar(props: {
  centre: Centre;
  today: string;
  settings: SolveSettings;
  onChange: (next: SolveSettings) => void;
  busy: boolean;
  generateRef: RefObject<HTMLButtonElement | null>;
  onGenerate: () => void;
  onExport: () => void;
  onImport: () => void;
}) {
  const { t } = useI18n();
  const { settings, onChange } = props;
  const [limitValid, setLimitValid] = useState(true);
  const ready = settings.zoneIds.length > 0 && limitValid && !props.busy;
  // Making rosters is the dispatcher's; a lead or viewer opens the published ones below.
  const { can } = useAccess();
  if (!can('roster/solveStart')) return null;
  return (
    <div className="toolbar roster-toolbar">
      <PeriodKindSwitch
        kind={settings.period.kind}
        onKind={(kind) => onChange({ ...settings, period: defaultPeriod(kind, props.today) })}
      />
      <PeriodSelect today={props.today} period={settings.period} onPeriod={(period) => onChange({ ...settings, period })} />
      <ZoneChecklist centre={props.centre} zoneIds={settings.zoneIds} onZones={(zoneIds) => onChange({ ...settings, zoneIds })} />
      <TimeLimitField
        seconds={settings.timeLimitSeconds}
        onSeconds={(timeLimitSeconds) => onChange({ ...settings, timeLimitSeconds })}
        onValidity={setLimitValid}
      />
      <button type="button" className="primary" ref={props.generateRef} onClick={props.onGenerate} disabled={!ready}>
        {t('roster.generate')}
      </button>
      {settings.zoneIds.length === 0 ? <span className="warn-text hint">{t('roster.zones.none')}</span> : null}
      <span className="toolbar-spacer" />
      <div className="roster-file-actions" role="group" aria-label={t('roster.fileActions')}>
        <button type="button" onClick={props.onExport} disabled={settings.zoneIds.length === 0}>
          {t('roster.exportScenario')}
        </button>
        <button type="button" onClick={props.onImport} disabled={settings.zoneIds.length === 0}>
          {t('roster.importRoster')}
        </button>
      </div>
    </div>
  );
}

/** 周 / 月 as a radio group: one Tab stop, the arrows switch. */
function PeriodKindSwitch(props: { kind: PeriodKind; onKind: (kind: PeriodKind) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('roster.periodKind')}>
      {(['week', 'month'] as const).map((kind) => (
        <label key={kind} className={props.kind === kind ? 'segment segment-on' : 'segment'}>
          <input type="radio" name={name} value={kind} checked={props.kind === kind} onChange={() => props.onKind(kind)} />
          {t(`roster.kind.${kind}`)}
        </label>
      ))}
    </div>
  );
}

function PeriodSelect(props: { today: string; period: Period; onPeriod: (period: Period) => void }) {
  const { t } = useI18n();
  const id = useId();
  const choices = periodChoices(props.period.kind, props.today);
  // A roster reopened from the list may cover a period outside the usual choices: keep it choosable.
  const all = choices.some((choice) => choice.from === props.period.from && choice.days === props.period.days) ? choices : [props.period, ...choices];
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>{props.period.kind === 'week' ? t('roster.week') : t('roster.month')}</label>
      <select
        id={id}
        value={props.period.from}
        onChange={(event) => {
          const next = all.find((choice) => choice.from === event.target.value);
          if (next) props.onPeriod(next);
        }}
      >
        {all.map((choice) => (
          <option key={choice.from} value={choice.from}>
            {periodLabel(choice, t)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The zones to roster, all by default: a checkbox list that drops down under its summary. */
function ZoneChecklist(props: { centre: Centre; zoneIds: number[]; onZones: (zoneIds: number[]) => void }) {
  const { t, language } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const zones = props.centre.zones;
  const chosen = new Set(props.zoneIds);
  const toggle = (zoneId: number) =>
    props.onZones(zones.filter((zone) => (zone.id === zoneId ? !chosen.has(zone.id) : chosen.has(zone.id))).map((zone) => zone.id));

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !ref.current?.open) return;
    event.preventDefault();
    ref.current.open = false;
    ref.current.querySelector('summary')?.focus();
  };

  return (
    <details className="menu-button zone-checklist" ref={ref} onToggle={(event) => setOpen(event.currentTarget.open)} onKeyDown={onKeyDown}>
      <summary aria-label={`${t('roster.zones')}：${zonesLabel(props.zoneIds, zones, language, t)}`}>
        <span className="summary-label">{t('roster.zones')}</span> {props.zoneIds.length === 0 ? t('roster.zones.empty') : zonesLabel(props.zoneIds, zones, language, t)}
      </summary>
      <fieldset className="menu-items zone-list">
        <legend className="visually-hidden">{t('roster.zones')}</legend>
        {zones.map((zone) => (
          <label key={zone.id} className="check-row">
            <input type="checkbox" checked={chosen.has(zone.id)} onChange={() => toggle(zone.id)} />
            {zoneName(zone, language)}
          </label>
        ))}
        <div className="zone-list-actions">
          <button type="button" onClick={() => props.onZones(zones.map((zone) => zone.id))}>
            {t('roster.zones.selectAll')}
          </button>
          <button type="button" onClick={() => props.onZones([])}>
            {t('roster.zones.clear')}
          </button>
        </div>
      </fieldset>
    </details>
  );
}

/** Seconds the solver may take; it then returns the best roster found with its proven gap. */
function TimeLimitField(props: { seconds: number; onSeconds: (seconds: number) => void; onValidity: (valid: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  const hintId = useId();
  const [text, setText] = useState(String(props.seconds));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(String(props.seconds)), [props.seconds]);
  const change = (next: string) => {
    setText(next);
    const value = Number(next);
    const valid = next.trim() !== '' && Number.isInteger(value) && value >= TIME_LIMIT.min && value <= TIME_LIMIT.max;
    setInvalid(!valid);
    props.onValidity(valid);
    if (valid) props.onSeconds(value);
  };
  return (
    <div className={invalid ? 'toolbar-field field-invalid' : 'toolbar-field'}>
      <label htmlFor={id}>{t('roster.timeLimit')}</label>
      <input
        id={id}
        className="time-limit"
        type="number"
        inputMode="numeric"
        min={TIME_LIMIT.min}
        max={TIME_LIMIT.max}
        step={5}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        onChange={(event) => change(event.target.value)}
      />
      <span id={hintId} className={invalid ? 'warn-text hint' : 'muted'}>
        {invalid ? t('roster.timeLimitRange', { min: TIME_LIMIT.min, max: TIME_LIMIT.max }) : t('roster.seconds')}
      </span>
    </div>
  );
}
