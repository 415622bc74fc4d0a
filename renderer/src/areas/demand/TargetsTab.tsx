import { useCallback, useEffect, useState } from 'react';
import type { ServiceTargetSetting } from '../../../../electron/contract/areas/demand.ts';
import type { Zone } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorText, fieldProblem, targetText } from './format.ts';
import type { DemandTabProps } from './tab-props.ts';

/** 服务目标: one target per zone, the fixed posts with it. */
export function TargetsTab(props: DemandTabProps) {
  const { t } = useI18n();
  const { onNotice } = props;
  const [targets, setTargets] = useState<ServiceTargetSetting[] | null>(null);

  const load = useCallback(async () => {
    try {
      setTargets(await call('demand/targets', {}));
    } catch (caught) {
      onNotice(errorText(caught, t), 'error');
    }
  }, [onNotice, t]);
  useEffect(() => void load(), [load]);

  return (
    <div className="demand-tab">
      <p className="hint muted">{t('demand.targets.hint')}</p>
      {targets === null ? (
        <p role="status" className="progress">{t('demand.targets.loading')}</p>
      ) : (
        <div className="target-cards">
          {props.centre.zones.map((zone) => {
            const target = targets.find((candidate) => candidate.zoneId === zone.id);
            return target ? (
              <TargetForm
                key={zone.id}
                zone={zone}
                target={target}
                onNotice={onNotice}
                onSaved={(saved) => setTargets((all) => (all ?? []).map((candidate) => (candidate.zoneId === saved.zoneId ? saved : candidate)))}
              />
            ) : null;
          })}
        </div>
      )}
    </div>
  );
}

/** Numbers are edited as text so a half-typed value stays as typed; the backend has the last word. */
function TargetForm(props: { zone: Zone; target: ServiceTargetSetting; onSaved: (saved: ServiceTargetSetting) => void; onNotice: DemandTabProps['onNotice'] }) {
  const { t, problem, language } = useI18n();
  const { target, zone } = props;
  const [kind, setKind] = useState(target.kind);
  const [maxWait, setMaxWait] = useState(String(target.maxWaitMinutes));
  const [percentValue, setPercentValue] = useState(String(target.serviceLevelPercent));
  const [within, setWithin] = useState(String(target.withinSeconds));
  const [fixed, setFixed] = useState(String(target.fixedPosts));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const name = language === 'zh-CN' ? zone.nameZh : zone.nameEn;
  const slug = `target-${zone.id}`;

  async function save() {
    setBusy(true);
    try {
      const saved = await call('demand/setTarget', {
        zoneId: zone.id,
        kind,
        maxWaitMinutes: Number(maxWait),
        serviceLevelPercent: Number(percentValue),
        withinSeconds: Number(within),
        fixedPosts: Number(fixed),
      });
      setErrors({});
      props.onSaved(saved);
      props.onNotice(t('demand.targets.saved', { zone: name, target: targetText(saved, t) }), 'ok');
    } catch (caught) {
      if (caught instanceof ApiError && caught.error.fields) {
        setErrors(Object.fromEntries(Object.entries(caught.error.fields).map(([field, problemKind]) => [field, fieldProblem(field, problemKind, t, problem)])));
        props.onNotice(t('demand.targets.fixErrors', { zone: name }), 'error');
      } else props.onNotice(errorText(caught, t), 'error');
    } finally {
      setBusy(false);
    }
  }

  // An empty box is sent as NaN, which JSON carries as null and the contract refuses field by field.
  const number = (value: string, onChange: (value: string) => void, step: number) => (
    <input type="number" inputMode="decimal" step={step} value={value} onChange={(event) => onChange(event.target.value)} />
  );
  return (
    <form
      className="target-card"
      aria-labelledby={`${slug}-title`}
      data-zone={zone.code}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${slug}-title`}>{name}</h2>
      <p className="muted target-current" data-testid="target-current">{t('demand.targets.current', { target: targetText(target, t) })}</p>
      <fieldset className="target-kind">
        <legend>{t('demand.targets.kind')}</legend>
        <label className="radio">
          <input type="radio" name={`${slug}-kind`} checked={kind === 'avg_wait'} onChange={() => setKind('avg_wait')} />
          {t('demand.targets.kindAvgWait')}
        </label>
        <label className="radio">
          <input type="radio" name={`${slug}-kind`} checked={kind === 'service_level'} onChange={() => setKind('service_level')} />
          {t('demand.targets.kindServiceLevel')}
        </label>
      </fieldset>
      <div className="target-fields">
        {kind === 'avg_wait' ? (
          <Field label={t('demand.targets.maxWait')} required error={errors.maxWaitMinutes}>
            {number(maxWait, setMaxWait, 0.5)}
          </Field>
        ) : (
          <>
            <Field label={t('demand.targets.percent')} required error={errors.serviceLevelPercent}>
              {number(percentValue, setPercentValue, 1)}
            </Field>
            <Field label={t('demand.targets.within')} required error={errors.withinSeconds}>
              {number(within, setWithin, 30)}
            </Field>
          </>
        )}
        <Field label={t('demand.targets.fixedPosts')} required error={errors.fixedPosts}>
          {number(fixed, setFixed, 1)}
        </Field>
      </div>
      {/* A field hidden by the kind can still be refused; say so rather than lose the error. */}
      {kind === 'avg_wait' && (errors.serviceLevelPercent || errors.withinSeconds) ? <p className="field-error">{errors.serviceLevelPercent ?? errors.withinSeconds}</p> : null}
      {kind === 'service_level' && errors.maxWaitMinutes ? <p className="field-error">{errors.maxWaitMinutes}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} aria-label={t('demand.targets.saveNamed', { zone: name })}>
          {t('demand.targets.save')}
        </button>
      </div>
    </form>
  );
}
