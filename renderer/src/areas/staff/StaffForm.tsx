import { useState, type FormEvent } from 'react';
import type { Centre, Staff } from '../../../../electron/contract/model.ts';
import type { FieldErrors } from '../../../../electron/contract/errors.ts';
import { ApiError, call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { emptyStaffForm, formErrors, formToDraft, staffToForm, type StaffFormValues } from './staff-form-state.ts';

interface StaffFormProps {
  centre: Centre;
  today: string;
  /** The person being edited, or null for a new one. */
  editing: Staff | null;
  defaultZoneId: number | null;
  onSaved: (staff: Staff, created: boolean) => void;
  onClose: () => void;
}

export function StaffForm(props: StaffFormProps) {
  const { t, language, problem } = useI18n();
  const [values, setValues] = useState<StaffFormValues>(() =>
    props.editing ? staffToForm(props.editing) : emptyStaffForm(props.today, props.defaultZoneId),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = (item: { nameZh: string; nameEn: string }) => (language === 'zh-CN' ? item.nameZh : item.nameEn);
  const zoneId = Number(values.homeZoneId);
  const posts = props.centre.posts.filter((post) => post.zoneId === null || post.zoneId === zoneId);

  const set = (field: keyof StaffFormValues) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({
      ...current,
      [field]: value,
      // A post of the old zone makes no sense in the new one.
      ...(field === 'homeZoneId' ? { primaryPostId: '' } : {}),
    }));
  };
  const error = (field: keyof StaffFormValues) => (errors[field] ? problem(field, errors[field]) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setBanner(null);
    try {
      const staff = formToDraft(values);
      const saved = props.editing
        ? await call('staff/update', { id: props.editing.id, version: props.editing.version, staff })
        : await call('staff/create', { staff });
      props.onSaved(saved, props.editing === null);
    } catch (caught) {
      showFailure(caught);
    } finally {
      setSaving(false);
    }
  }

  function showFailure(caught: unknown) {
    if (!(caught instanceof ApiError)) return setBanner(t('app.error', { message: String(caught) }));
    if (caught.error.code === 'invalid_argument' && caught.error.fields) {
      const fields = formErrors(caught.error.fields, 'staff');
      setErrors(fields);
      setBanner(t('form.fixErrors', { count: Object.keys(fields).length }));
      focusFirstInvalid();
    } else {
      setErrors({});
      setBanner(t('form.conflict', { message: caught.error.message }));
    }
  }

  const title = props.editing ? t('form.editTitle', { name: props.editing.name }) : t('form.newTitle');
  return (
    <Dialog title={title} onClose={props.onClose} wide>
      <form className="form-grid" onSubmit={submit} noValidate aria-label={title}>
        {banner ? <div className="form-banner" role="alert">{banner}</div> : null}
        <Field label={t('field.employeeNo')} error={error('employeeNo')} required>
          <input value={values.employeeNo} onChange={set('employeeNo')} maxLength={20} autoFocus autoComplete="off" />
        </Field>
        <Field label={t('field.name')} error={error('name')} required>
          <input value={values.name} onChange={set('name')} maxLength={40} autoComplete="off" />
        </Field>
        <Field label={t('field.gender')} error={error('gender')} required>
          <select value={values.gender} onChange={set('gender')}>
            <option value="F">{t('gender.F')}</option>
            <option value="M">{t('gender.M')}</option>
          </select>
        </Field>
        <Field label={t('field.phone')} error={error('phone')} required>
          <input value={values.phone} onChange={set('phone')} inputMode="tel" maxLength={20} autoComplete="off" />
        </Field>
        <Field label={t('field.idNumber')} error={error('idNumber')} required>
          <input value={values.idNumber} onChange={set('idNumber')} maxLength={18} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label={t('field.hireDate')} error={error('hireDate')} required>
          <input type="date" value={values.hireDate} onChange={set('hireDate')} max={props.today} />
        </Field>
        <Field label={t('staff.workStartDate')} error={error('workStartDate')}>
          <input type="date" value={values.workStartDate} onChange={set('workStartDate')} max={props.today} title={t('staff.workStartDate.hint')} />
        </Field>
        <Field label={t('field.status')} error={error('status')} required>
          <select value={values.status} onChange={set('status')}>
            <option value="probation">{t('status.probation')}</option>
            <option value="active">{t('status.active')}</option>
          </select>
        </Field>
        <Field label={t('field.homeZoneId')} error={error('homeZoneId')} required>
          <select value={values.homeZoneId} onChange={set('homeZoneId')}>
            <option value="">—</option>
            {props.centre.zones.map((zone) => (
              <option key={zone.id} value={zone.id}>{name(zone)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('field.primaryPostId')} error={error('primaryPostId')}>
          <select value={values.primaryPostId} onChange={set('primaryPostId')}>
            <option value="">{t('field.noPost')}</option>
            {posts.map((post) => (
              <option key={post.id} value={post.id}>{name(post)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('field.contractType')} error={error('contractType')} required>
          <select value={values.contractType} onChange={set('contractType')}>
            <option value="standard">{t('contract.standard')}</option>
            <option value="comprehensive">{t('contract.comprehensive')}</option>
          </select>
        </Field>
        <Field label={t('field.weeklyHourCap')} error={error('weeklyHourCap')} required>
          <input type="number" min={1} max={60} step={1} value={values.weeklyHourCap} onChange={set('weeklyHourCap')} />
        </Field>
        <Field label={t('field.wageGrade')} error={error('wageGrade')} required>
          <input type="number" min={1} max={12} step={1} value={values.wageGrade} onChange={set('wageGrade')} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('form.cancel')}</button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('form.saving') : t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus());
}

