import { useEffect, useMemo, useState } from 'react';
import type { LeaveCheck, LeavePart, LeaveType } from '../../../../../electron/contract/areas/leave.ts';
import type { Centre, StaffRow } from '../../../../../electron/contract/model.ts';
import { ApiError, call } from '../../../api/client.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { conflictLines, LEAVE_PARTS, LEAVE_TYPES } from './leave-labels.ts';

/**
 * A new leave request. Every change of person, type, dates or part asks the backend what the
 * request would take (days, balance, cover) before anything is saved; conflicts must be
 * acknowledged with the checkbox before the request can be submitted.
 */
export function LeaveRequestDialog(props: {
  centre: Centre;
  staff: StaffRow[];
  today: string;
  onClose: () => void;
  onSubmitted: (name: string) => void;
}) {
  const { t, language, problem } = useI18n();
  const [search, setSearch] = useState('');
  const [staffId, setStaffId] = useState<number | null>(null);
  const [type, setType] = useState<LeaveType>('annual');
  const [from, setFrom] = useState(props.today);
  const [to, setTo] = useState(props.today);
  const [part, setPart] = useState<LeavePart>('full');
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [check, setCheck] = useState<LeaveCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const employed = useMemo(() => props.staff.filter((person) => person.status !== 'departed'), [props.staff]);
  const matching = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const found = needle === '' ? employed : employed.filter((p) => p.name.toLowerCase().includes(needle) || p.employeeNo.toLowerCase().includes(needle));
    // The chosen person stays in the list even when the search no longer matches them.
    const chosen = employed.find((p) => p.id === staffId);
    return chosen && !found.includes(chosen) ? [chosen, ...found] : found;
  }, [employed, search, staffId]);

  useEffect(() => {
    setAcknowledged(false);
    if (staffId === null || from === '' || to === '') {
      setCheck(null);
      setCheckError(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('leave/check', { staffId, type, from, to, part })
        .then((result) => {
          if (!current) return;
          setCheck(result);
          setCheckError(null);
          setFieldErrors({});
        })
        .catch((caught: unknown) => {
          if (!current) return;
          setCheck(null);
          const fields = caught instanceof ApiError ? (caught.error.fields ?? {}) : {};
          setFieldErrors(Object.fromEntries(Object.entries(fields).map(([field, kind]) => [field, problem(field, kind)])));
          setCheckError(Object.keys(fields).length > 0 ? null : caught instanceof ApiError ? caught.error.message : String(caught));
        });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [staffId, type, from, to, part, problem]);

  const conflicts = check ? conflictLines(check.conflicts, props.centre, language, t) : [];
  const overBalance = check?.balance ? check.days > check.balance.remaining : false;
  const overlap = check?.overlapping[0];
  const canSubmit =
    !busy && check !== null && check.days > 0 && !overBalance && !overlap && reason.trim() !== '' && (conflicts.length === 0 || acknowledged);

  async function submit() {
    if (staffId === null) return;
    setBusy(true);
    try {
      const saved = await call('leave/request', { staffId, type, from, to, part, reason, acknowledgeConflicts: acknowledged });
      props.onSubmitted(saved.name);
    } catch (caught) {
      const fields = caught instanceof ApiError ? (caught.error.fields ?? {}) : {};
      setFieldErrors(Object.fromEntries(Object.entries(fields).map(([field, kind]) => [field, problem(field, kind)])));
      if (Object.keys(fields).length === 0) setCheckError(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  const onPart = (next: LeavePart) => {
    setPart(next);
    if (next !== 'full') setTo(from);
  };

  return (
    <Dialog title={t('leave.form.title')} onClose={props.onClose} wide>
      <form
        className="form-grid leave-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <Field label={t('leave.form.search')}>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoFocus />
        </Field>
        <Field label={t('leave.form.person')} required error={fieldErrors.staffId}>
          <select value={staffId ?? ''} onChange={(event) => setStaffId(event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('leave.form.pickPerson')}</option>
            {matching.map((person) => (
              <option key={person.id} value={person.id}>{`${person.name} ${person.employeeNo}`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('leave.form.type')} required>
          <select value={type} onChange={(event) => setType(event.target.value as LeaveType)}>
            {LEAVE_TYPES.map((code) => (
              <option key={code} value={code}>{t(`leave.type.${code}` as MessageKey)}</option>
            ))}
          </select>
        </Field>
        <fieldset className="leave-parts">
          <legend>{t('leave.form.part')}</legend>
          {LEAVE_PARTS.map((code) => (
            <label key={code} className="radio">
              <input type="radio" name="leave-part" value={code} checked={part === code} onChange={() => onPart(code)} />
              {t(`leave.part.${code}` as MessageKey)}
            </label>
          ))}
          {fieldErrors.part ? <div className="field-error" role="alert">{t('leave.form.halfDayHint')}</div> : null}
        </fieldset>
        <Field label={t('leave.form.from')} required error={fieldErrors.from}>
          <input
            type="date"
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
              if (part !== 'full' || to < event.target.value) setTo(event.target.value);
            }}
          />
        </Field>
        <Field label={t('leave.form.to')} required error={fieldErrors.to}>
          <input type="date" value={to} min={from} disabled={part !== 'full'} onChange={(event) => setTo(event.target.value)} />
        </Field>
        <div className="leave-reason">
          <Field label={t('leave.form.reason')} required error={fieldErrors.reason}>
            <input type="text" maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
        </div>
        <div className="leave-check" aria-live="polite" data-testid="leave-check">
          {staffId !== null && check === null && checkError === null && Object.keys(fieldErrors).length === 0 ? <p className="muted">{t('leave.form.checking')}</p> : null}
          {checkError ? <p className="form-banner" role="alert">{checkError}</p> : null}
          {check ? (
            <>
              <p className="leave-days" data-testid="leave-days">
                {t(type === 'maternity' ? 'leave.form.daysCalendar' : 'leave.form.days', { days: check.days })}
              </p>
              {check.balance ? (
                <p data-testid="leave-balance" className={overBalance ? 'warn-text' : undefined}>
                  {t('leave.form.balance', { ...check.balance })}
                  {overBalance ? ` — ${t('leave.form.overBalance')}` : ''}
                </p>
              ) : null}
              {overlap ? <p className="warn-text">{t('leave.form.overlap', { from: overlap.from, to: overlap.to })}</p> : null}
              {conflicts.length > 0 ? (
                <div className="leave-conflicts" data-testid="leave-conflicts">
                  <p className="warn-text">{t('leave.form.conflicts')}</p>
                  <ul>
                    {conflicts.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  <label className="radio">
                    <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} />
                    {t('leave.form.acknowledge')}
                  </label>
                </div>
              ) : null}
            </>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('leave.form.close')}</button>
          <button type="submit" className="primary" disabled={!canSubmit}>{t('leave.form.submit')}</button>
        </div>
      </form>
    </Dialog>
  );
}
