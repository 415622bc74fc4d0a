import { useEffect, useState, type FormEvent } from 'react';
import type { AbRole, Centre, Staff, StaffRow } from '../../../../electron/contract/model.ts';
import type { FieldErrors } from '../../../../electron/contract/errors.ts';
import { ApiError, call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useLatest } from '../../components/use-latest.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainMessage } from '../roster/errors.ts';

/** 离职: a date and a reason instead of a delete, so the person's history stays. */
export function DeactivateDialog(props: { person: StaffRow; centre: Centre; today: string; onDone: (staff: Staff) => void; onClose: () => void }) {
  const { t, problem, language } = useI18n();
  const [roles, setRoles] = useState<AbRole[]>([]);
  // Unknown is not "none": a departure of an A/B person needs the warning, so a failed read says so.
  const [rolesUnknown, setRolesUnknown] = useState<string | null>(null);
  const languageNow = useLatest(language);
  useEffect(() => {
    let live = true;
    setRolesUnknown(null);
    call('staff/abRoles', { id: props.person.id }).then(
      (found) => live && setRoles(found),
      (caught: unknown) => live && setRolesUnknown(plainMessage(caught, languageNow.current)),
    );
    return () => {
      live = false;
    };
  }, [props.person.id, languageNow]);
  const roleList = roles
    .map((role) => {
      const window = props.centre.windows.find((w) => w.id === role.windowId);
      return `${window ? (language === 'zh-CN' ? window.nameZh : window.nameEn) : role.windowId} ${role.role}`;
    })
    .join('、');
  const [leftOn, setLeftOn] = useState(props.today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = await call('staff/deactivate', { id: props.person.id, version: props.person.version, leftOn, reason });
      props.onDone(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.error.fields) {
        setErrors(caught.error.fields);
        setBanner(null);
      } else {
        setBanner(t('form.conflict', { message: caught instanceof Error ? caught.message : String(caught) }));
      }
    }
  }

  const error = (field: string) => (errors[field] ? problem(field, errors[field]) : undefined);
  return (
    <Dialog title={t('deactivate.title', { name: props.person.name })} onClose={props.onClose}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <p className="muted">{t('deactivate.explain')}</p>
        {roles.length > 0 ? <p className="warn-text" role="note">{t('deactivate.abWarning', { list: roleList })}</p> : null}
        {rolesUnknown ? <p className="warn-text" role="alert">{t('deactivate.rolesUnknown', { message: rolesUnknown })}</p> : null}
        {banner ? <div className="form-banner" role="alert">{banner}</div> : null}
        <Field label={t('field.leftOn')} error={error('leftOn')} required>
          <input type="date" value={leftOn} onChange={(event) => setLeftOn(event.target.value)} max={props.today} autoFocus />
        </Field>
        <Field label={t('field.reason')} error={error('reason')} required>
          <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={200} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('form.cancel')}</button>
          <button type="submit" className="danger">{t('deactivate.confirm')}</button>
        </div>
      </form>
    </Dialog>
  );
}
