import { useCallback, useEffect, useState } from 'react';
import type { CostBudget, CostCategory, CostSettings, HoursCycle, SocialInsuranceRule } from '../../../../electron/contract/areas/reports.ts';
import { call } from '../../api/client.ts';
import { fromClock, toClock } from '../attendance/ShiftsTab.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useFormFailure } from '../../components/use-form-failure.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CostTable } from './CostTable.tsx';
import { messageOf } from './month-report.tsx';
import { yuanText } from './report-format.ts';
import type { ReportsTabProps } from './tab-props.ts';

type Notify = ReportsTabProps['onNotice'];
type RuleDraft = Omit<SocialInsuranceRule, 'updatedAt'>;
/** The contract's lists, written here because the renderer may import the contract's types only. */
const COST_CATEGORIES: readonly CostCategory[] = ['manager', 'window', 'desk'];
const HOURS_CYCLES: readonly HoursCycle[] = ['week', 'month', 'quarter', 'year'];
const RATE_FIELDS = ['pension', 'medical', 'unemployment', 'injury', 'maternity', 'housingFund'] as const;
/** Bases a city may set apart: floor and cap each, empty for the common base. */
const SEPARATE_BASE_FIELDS = ['pensionBaseFloor', 'pensionBaseCap', 'medicalBaseFloor', 'medicalBaseCap', 'housingFundBaseFloor', 'housingFundBaseCap'] as const;
const EMPLOYEE_RATE_FIELDS = ['employeePension', 'employeeMedical', 'employeeUnemployment', 'employeeHousingFund'] as const;
/** 城建税 of a city, a county town, elsewhere; each plus 教育费附加 3% and 地方教育附加 2%. */
const CITY_CONSTRUCTION_TAX_PERCENTS = [7, 5, 1] as const;
const EDUCATION_SURCHARGES_PERCENT = 5;

/** 成本设置: the city and its social insurance per year, fee and tax, pay grades, the 综合工时 cycle, the budget. */
export function CostSettingsTab({ info, onNotice }: ReportsTabProps) {
  const [settings, setSettings] = useState<CostSettings | null>(null);
  useEffect(() => {
    void call('cost/settings', {}).then(setSettings, (caught: unknown) => onNotice(messageOf(caught), 'error'));
  }, [onNotice]);
  if (!settings) return null;
  return (
    <div className="reports-tab cost-settings">
      <div className="report-scroll">
        <BasicSettings settings={settings} onSaved={setSettings} onNotice={onNotice} />
        <RulesSection settings={settings} onSaved={setSettings} onNotice={onNotice} year={Number(info.today.slice(0, 4))} />
        <BudgetSection year={Number(info.today.slice(0, 4))} onNotice={onNotice} />
      </div>
    </div>
  );
}

function numberInput(value: number, onChange: (next: number) => void, step = 0.01) {
  return <input type="number" inputMode="decimal" step={step} min={0} value={Number.isFinite(value) ? value : ''} onChange={(event) => onChange(event.target.valueAsNumber)} />;
}

/** An input that may be left empty (null): a base the city does not set apart, a minimum not entered. */
function optionalNumberInput(value: number | null, onChange: (next: number | null) => void, step = 0.01) {
  return (
    <input
      type="number"
      inputMode="decimal"
      step={step}
      min={0}
      value={value === null || !Number.isFinite(value) ? '' : value}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.valueAsNumber)}
    />
  );
}

function BasicSettings({ settings, onSaved, onNotice }: { settings: CostSettings; onSaved: (next: CostSettings) => void; onNotice: Notify }) {
  const { t } = useI18n();
  const { run, fieldError } = useFormFailure('');
  const [draft, setDraft] = useState(settings);
  // Typed as HH:MM; an unreadable time goes through as NaN and the contract refuses it on that field.
  const [breakFrom, setBreakFrom] = useState(toClock(settings.lunchBreak.startsAt));
  const [breakTo, setBreakTo] = useState(toClock(settings.lunchBreak.endsAt));
  // A preview while typing; the cost is priced with the backend's taxPercent once saved.
  const tax = Math.round(draft.vatPercent * (1 + draft.surchargePercentOfVat / 100) * 10_000) / 10_000;
  const dispatchTax = Math.round(5 * (1 + draft.surchargePercentOfVat / 100) * 10_000) / 10_000;
  const cityConstructionTax = CITY_CONSTRUCTION_TAX_PERCENTS.find((rate) => rate + EDUCATION_SURCHARGES_PERCENT === draft.surchargePercentOfVat) ?? null;
  const save = async () => {
    const refused = await run(async () => {
      const { city, managementFeePercent, vatPercent, surchargePercentOfVat, vatMode, lieuCountsTowardMonthlyCap, comprehensiveCycle, socialInsuranceStartMonth, payGrades, timeAccount } = draft;
      const lunchBreak = { startsAt: fromClock(breakFrom), endsAt: fromClock(breakTo) };
      const saved = await call('cost/settings', {
        set: { city, managementFeePercent, vatPercent, surchargePercentOfVat, vatMode, lieuCountsTowardMonthlyCap, comprehensiveCycle, socialInsuranceStartMonth, payGrades, timeAccount, lunchBreak },
      });
      setDraft(saved);
      setBreakFrom(toClock(saved.lunchBreak.startsAt));
      setBreakTo(toClock(saved.lunchBreak.endsAt));
      onSaved(saved);
    });
    onNotice(refused ?? t('costSettings.saved'), refused ? 'error' : 'ok');
  };
  const grade = (index: number, monthlyWage: number) =>
    setDraft({ ...draft, payGrades: draft.payGrades.map((line, at) => (at === index ? { ...line, monthlyWage } : line)) });
  return (
    <section className="report-block" aria-labelledby="cost-basic-title">
      <h2 id="cost-basic-title">{t('costSettings.basic')}</h2>
      <div className="form-grid">
        <Field label={t('costSettings.city')} error={fieldError('set.city')} required>
          <input value={draft.city} maxLength={40} onChange={(event) => setDraft({ ...draft, city: event.target.value })} />
        </Field>
        <Field label={t('costSettings.startMonth')} error={fieldError('set.socialInsuranceStartMonth')}>
          <select value={draft.socialInsuranceStartMonth} onChange={(event) => setDraft({ ...draft, socialInsuranceStartMonth: Number(event.target.value) })}>
            {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
              <option key={month} value={month}>{t('costSettings.startMonthOption', { month })}</option>
            ))}
          </select>
        </Field>
        <Field label={t('costSettings.fee')} error={fieldError('set.managementFeePercent')}>
          {numberInput(draft.managementFeePercent, (value) => setDraft({ ...draft, managementFeePercent: value }))}
        </Field>
        <Field label={t('costSettings.vat')} error={fieldError('set.vatPercent')}>
          {numberInput(draft.vatPercent, (value) => setDraft({ ...draft, vatPercent: value }))}
        </Field>
        <Field label={t('costSettings.cityConstructionTax')}>
          <select
            value={cityConstructionTax ?? 'custom'}
            onChange={(event) => {
              // The rate sets the surcharge; 'custom' leaves the number below to type.
              if (event.target.value !== 'custom') setDraft({ ...draft, surchargePercentOfVat: Number(event.target.value) + EDUCATION_SURCHARGES_PERCENT });
            }}
          >
            {CITY_CONSTRUCTION_TAX_PERCENTS.map((rate) => (
              <option key={rate} value={rate}>{t(`costSettings.cityConstructionTax.${rate}`)}</option>
            ))}
            <option value="custom">{t('costSettings.cityConstructionTax.custom')}</option>
          </select>
        </Field>
        <Field label={t('costSettings.surcharge')} error={fieldError('set.surchargePercentOfVat')}>
          {numberInput(draft.surchargePercentOfVat, (value) => setDraft({ ...draft, surchargePercentOfVat: value }))}
        </Field>
        <Field label={t('costSettings.vatMode')}>
          <select value={draft.vatMode} onChange={(event) => setDraft({ ...draft, vatMode: event.target.value === 'dispatchDifference' ? 'dispatchDifference' : 'general' })}>
            <option value="general">{t('costSettings.vatMode.general')}</option>
            <option value="dispatchDifference">{t('costSettings.vatMode.dispatchDifference')}</option>
          </select>
        </Field>
        <p className="computed" data-testid="cost-tax">
          {draft.vatMode === 'dispatchDifference'
            ? t('costSettings.taxDifference', { percent: Number.isFinite(dispatchTax) ? dispatchTax : '—' })
            : t('costSettings.tax', { percent: Number.isFinite(tax) ? tax : '—' })}
        </p>
        <label className="check-field">
          <input type="checkbox" checked={draft.lieuCountsTowardMonthlyCap} onChange={(event) => setDraft({ ...draft, lieuCountsTowardMonthlyCap: event.target.checked })} />
          {t('costSettings.lieuCountsTowardCap')}
        </label>
        <Field label={t('costSettings.cycle')}>
          <select value={draft.comprehensiveCycle} onChange={(event) => setDraft({ ...draft, comprehensiveCycle: event.target.value as HoursCycle })}>
            {HOURS_CYCLES.map((cycle) => (
              <option key={cycle} value={cycle}>{t(`hours.cycle.${cycle}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('costSettings.lieuExpiry')}>
          <select value={draft.timeAccount.expiry} onChange={(event) => setDraft({ ...draft, timeAccount: { ...draft.timeAccount, expiry: event.target.value === 'quarter' ? 'quarter' : 'months' } })}>
            <option value="months">{t('costSettings.lieuExpiry.months')}</option>
            <option value="quarter">{t('costSettings.lieuExpiry.quarter')}</option>
          </select>
        </Field>
        {draft.timeAccount.expiry === 'months' ? (
          <Field label={t('costSettings.lieuMonths')} error={fieldError('set.timeAccount.months')}>
            <input type="number" inputMode="numeric" step={1} min={1} max={12} value={Number.isFinite(draft.timeAccount.months) ? draft.timeAccount.months : ''} onChange={(event) => setDraft({ ...draft, timeAccount: { ...draft.timeAccount, months: event.target.valueAsNumber } })} />
          </Field>
        ) : null}
        <Field label={t('costSettings.lieuOnExpiry')}>
          <select value={draft.timeAccount.onExpiry} onChange={(event) => setDraft({ ...draft, timeAccount: { ...draft.timeAccount, onExpiry: event.target.value === 'forfeit' ? 'forfeit' : 'payout' } })}>
            <option value="payout">{t('costSettings.lieuOnExpiry.payout')}</option>
            <option value="forfeit">{t('costSettings.lieuOnExpiry.forfeit')}</option>
          </select>
        </Field>
        <Field label={t('costSettings.breakStartsAt')} error={fieldError('set.lunchBreak.startsAt')}>
          <input type="text" inputMode="numeric" placeholder="HH:MM" maxLength={5} value={breakFrom} onChange={(event) => setBreakFrom(event.target.value)} />
        </Field>
        <Field label={t('costSettings.breakEndsAt')} error={fieldError('set.lunchBreak.endsAt')}>
          <input type="text" inputMode="numeric" placeholder="HH:MM" maxLength={5} value={breakTo} onChange={(event) => setBreakTo(event.target.value)} />
        </Field>
        <p className="hint" data-testid="cost-break-hint">{t('costSettings.breakHint')}</p>
      </div>
      <h3>{t('costSettings.grades')}</h3>
      <div className="grade-grid">
        {draft.payGrades.map((line, index) => (
          <Field key={line.grade} label={t('costSettings.grade', { grade: line.grade })} error={fieldError(`set.payGrades.${index}.monthlyWage`)}>
            {numberInput(line.monthlyWage, (value) => grade(index, value), 50)}
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void save()}>{t('costSettings.save')}</button>
      </div>
    </section>
  );
}

function RulesSection({ settings, onSaved, onNotice, year }: { settings: CostSettings; onSaved: (next: CostSettings) => void; onNotice: Notify; year: number }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<RuleDraft | null>(null);
  const remove = async (rule: SocialInsuranceRule) => {
    if (!window.confirm(t('costSettings.rule.confirmDelete', { city: rule.city, year: rule.year }))) return;
    try {
      onSaved(await call('cost/deleteRule', { city: rule.city, year: rule.year }));
      onNotice(t('costSettings.rule.deleted', { city: rule.city, year: rule.year }), 'ok');
    } catch (caught) {
      onNotice(messageOf(caught), 'error');
    }
  };
  const startNew = () => {
    // A new year starts from the city's latest one: most years change the base, not the rates.
    const latest = settings.rules.find((rule) => rule.city === settings.city);
    const { updatedAt, ...copied } = latest ?? emptyRule(settings.city, year);
    void updatedAt;
    setEditing({ ...copied, year: latest ? latest.year + 1 : year });
  };
  const total = (rule: RuleDraft) => Math.round(RATE_FIELDS.reduce((sum, field) => sum + rule[field], 0) * 100) / 100;
  const missing = !settings.rules.some((rule) => rule.city === settings.city && rule.year === year);
  return (
    <section className="report-block" aria-labelledby="cost-rules-title">
      <h2 id="cost-rules-title">{t('costSettings.rules')}</h2>
      {missing ? <p className="form-banner" role="alert">{t('costSettings.rule.missing', { city: settings.city || '—', year })}</p> : null}
      <table className="plain-table rules-table" data-testid="cost-rules">
        <thead>
          <tr>
            <th scope="col">{t('costSettings.rule.city')}</th>
            <th scope="col">{t('costSettings.rule.year')}</th>
            <th scope="col">{t('costSettings.rule.floor')}</th>
            <th scope="col">{t('costSettings.rule.cap')}</th>
            {RATE_FIELDS.map((field) => (
              <th key={field} scope="col">{t(`costSettings.rule.${field}`)}</th>
            ))}
            <th scope="col">{t('costSettings.rule.total')}</th>
            <th scope="col"><span className="visually-hidden">{t('costSettings.rule.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {settings.rules.map((rule) => (
            <tr key={`${rule.city}|${rule.year}`}>
              <td>{rule.city}</td>
              <td>{rule.year}</td>
              <td className="num">{yuanText(rule.baseFloor)}</td>
              <td className="num">{yuanText(rule.baseCap)}</td>
              {RATE_FIELDS.map((field) => (
                <td key={field} className="num">{`${rule[field]}%`}</td>
              ))}
              <td className="num">{`${total(rule)}%`}</td>
              <td className="row-actions">
                <button type="button" onClick={() => setEditing(rule)}>{t('costSettings.rule.edit')}</button>
                <button type="button" className="danger" onClick={() => void remove(rule)}>{t('costSettings.rule.delete')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" onClick={startNew}>{t('costSettings.rule.add')}</button>
      </div>
      {editing ? (
        <RuleDialog
          initial={editing}
          onClose={() => setEditing(null)}
          onSaved={(next, rule) => {
            onSaved(next);
            setEditing(null);
            onNotice(t('costSettings.rule.saved', { city: rule.city, year: rule.year }), 'ok');
          }}
        />
      ) : null}
    </section>
  );
}

function emptyRule(city: string, year: number): SocialInsuranceRule {
  return {
    city, year, baseFloor: 0, baseCap: 0, pension: 16, medical: 8, unemployment: 0.5, injury: 0.4, maternity: 0.8, housingFund: 5,
    pensionBaseFloor: null, pensionBaseCap: null, medicalBaseFloor: null, medicalBaseCap: null, housingFundBaseFloor: null, housingFundBaseCap: null,
    employeePension: 0, employeeMedical: 0, employeeUnemployment: 0, employeeHousingFund: 0, minimumWage: null, updatedAt: '',
  };
}

function RuleDialog({ initial, onClose, onSaved }: { initial: RuleDraft; onClose: () => void; onSaved: (next: CostSettings, rule: RuleDraft) => void }) {
  const { t } = useI18n();
  const { failure, run, fieldError } = useFormFailure('');
  const [draft, setDraft] = useState<RuleDraft>(() => {
    const { updatedAt, ...rule } = { updatedAt: '', ...initial };
    void updatedAt;
    return rule;
  });
  const save = () => run(async () => onSaved(await call('cost/putRule', { rule: draft }), draft));
  const set = (field: keyof RuleDraft) => (value: number) => setDraft({ ...draft, [field]: value });
  return (
    <Dialog title={t('costSettings.rule.dialog')} onClose={onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        <div className="form-grid">
          <Field label={t('costSettings.rule.city')} error={fieldError('rule.city')} required>
            <input value={draft.city} maxLength={40} onChange={(event) => setDraft({ ...draft, city: event.target.value })} />
          </Field>
          <Field label={t('costSettings.rule.year')} error={fieldError('rule.year')} required>
            {numberInput(draft.year, set('year'), 1)}
          </Field>
          <Field label={t('costSettings.rule.floor')} error={fieldError('rule.baseFloor')} required>
            {numberInput(draft.baseFloor, set('baseFloor'))}
          </Field>
          <Field label={t('costSettings.rule.cap')} error={fieldError('rule.baseCap')} required>
            {numberInput(draft.baseCap, set('baseCap'))}
          </Field>
          {RATE_FIELDS.map((field) => (
            <Field key={field} label={`${t(`costSettings.rule.${field}`)}（%）`} error={fieldError(`rule.${field}`)}>
              {numberInput(draft[field], set(field))}
            </Field>
          ))}
        </div>
        <h3>{t('costSettings.rule.separateBases')}</h3>
        <div className="form-grid">
          {SEPARATE_BASE_FIELDS.map((field) => (
            <Field key={field} label={t(`costSettings.rule.${field}`)} error={fieldError(`rule.${field}`)}>
              {optionalNumberInput(draft[field], (value) => setDraft({ ...draft, [field]: value }))}
            </Field>
          ))}
        </div>
        <h3>{t('costSettings.rule.employee')}</h3>
        <div className="form-grid">
          {EMPLOYEE_RATE_FIELDS.map((field) => (
            <Field key={field} label={`${t(`costSettings.rule.${field}`)}（%）`} error={fieldError(`rule.${field}`)}>
              {numberInput(draft[field], set(field))}
            </Field>
          ))}
          <Field label={t('costSettings.rule.minimumWage')} error={fieldError('rule.minimumWage')}>
            {optionalNumberInput(draft.minimumWage, (value) => setDraft({ ...draft, minimumWage: value }))}
          </Field>
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>{t('costSettings.cancel')}</button>
          <button type="submit" className="primary">{t('costSettings.rule.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function BudgetSection({ year: initialYear, onNotice }: { year: number; onNotice: Notify }) {
  const { t } = useI18n();
  const [year, setYear] = useState(initialYear);
  const [budget, setBudget] = useState<CostBudget | null>(null);
  const [lines, setLines] = useState<CostBudget['lines']>([]);
  const load = useCallback(async () => {
    try {
      const next = await call('cost/budget', { year });
      setBudget(next);
      setLines(COST_CATEGORIES.map((category) => next.lines.find((line) => line.category === category) ?? { category, headcount: 0, monthlyWage: 0 }));
    } catch (caught) {
      onNotice(messageOf(caught), 'error');
    }
  }, [year, onNotice]);
  useEffect(() => void load(), [load]);
  const save = async () => {
    try {
      const next = await call('cost/budget', { year, set: { lines: lines.filter((line) => line.headcount > 0 || line.monthlyWage > 0) } });
      setBudget(next);
      onNotice(t('costSettings.budget.saved', { year }), 'ok');
    } catch (caught) {
      onNotice(messageOf(caught), 'error');
    }
  };
  const setLine = (category: CostCategory, change: Partial<CostBudget['lines'][number]>) =>
    setLines(lines.map((line) => (line.category === category ? { ...line, ...change } : line)));
  return (
    <section className="report-block" aria-labelledby="cost-budget-settings-title">
      <h2 id="cost-budget-settings-title">{t('costSettings.budget')}</h2>
      <div className="toolbar">
        <label className="month-picker">
          <span>{t('costSettings.budget.year')}</span>
          <input type="number" min={2000} max={2100} value={year} onChange={(event) => Number.isInteger(event.target.valueAsNumber) && setYear(event.target.valueAsNumber)} />
        </label>
      </div>
      <table className="plain-table budget-lines" data-testid="budget-lines">
        <thead>
          <tr>
            <th scope="col">{t('cost.col.category')}</th>
            <th scope="col">{t('cost.col.headcount')}</th>
            <th scope="col">{t('costSettings.budget.wage')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.category}>
              <th scope="row">{t(`cost.category.${line.category}`)}</th>
              <td>
                <input type="number" min={0} step={1} aria-label={`${t(`cost.category.${line.category}`)} ${t('cost.col.headcount')}`} value={line.headcount} onChange={(event) => setLine(line.category, { headcount: event.target.valueAsNumber || 0 })} />
              </td>
              <td>
                <input type="number" min={0} step={50} aria-label={`${t(`cost.category.${line.category}`)} ${t('costSettings.budget.wage')}`} value={line.monthlyWage} onChange={(event) => setLine(line.category, { monthlyWage: event.target.valueAsNumber || 0 })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void save()}>{t('costSettings.budget.save')}</button>
      </div>
      {budget?.table && budget.rates ? (
        <CostTable rows={budget.table} rates={budget.rates} yearLabel={t('cost.col.yearly')} t={t} testId="budget-table" />
      ) : budget?.problem ? (
        <p className="hint">{budget.problem}</p>
      ) : null}
    </section>
  );
}
