import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useAccess } from '../../components/access.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useFormFailure } from '../../components/use-form-failure.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NewPasswordFields, passwordsDiffer } from './NewPasswordFields.tsx';

/** Who is signed in, with their role; changing the password and signing out. */
export function AccountMenu({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useI18n();
  const { account } = useAccess();
  const [changing, setChanging] = useState(false);
  return (
    <div className="account-menu" data-testid="account-menu">
      <span>
        {account.displayName} <span className="account-role">· {t(`auth.role.${account.role}`)}</span>
      </span>
      <button type="button" onClick={() => setChanging(true)}>{t('auth.changePassword')}</button>
      <button type="button" onClick={onSignOut}>{t('auth.signOut')}</button>
      {changing ? <ChangePasswordDialog onClose={() => setChanging(false)} /> : null}
    </div>
  );
}

function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ current: '', next: '', repeat: '' });
  const { failure, run, fieldError } = useFormFailure('auth');
  const [done, setDone] = useState(false);
  const mismatch = passwordsDiffer(draft.next, draft.repeat);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    if ((await run(() => call('auth/changePassword', { current: draft.current, next: draft.next }).then(() => undefined))) === null) setDone(true);
  };
  return (
    <Dialog title={t('auth.changePassword')} onClose={onClose}>
      {done ? (
        <div className="form-stack">
          <p role="status">{t('auth.passwordChanged')}</p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onClose}>{t('auth.close')}</button>
          </div>
        </div>
      ) : (
        <form className="form-stack" onSubmit={(event) => void submit(event)}>
          {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
          <Field label={t('auth.currentPassword')} error={fieldError('current')} required>
            <input type="password" autoComplete="current-password" value={draft.current} onChange={(event) => setDraft({ ...draft, current: event.target.value })} />
          </Field>
          <NewPasswordFields
            value={draft.next}
            repeat={draft.repeat}
            onValue={(next) => setDraft({ ...draft, next })}
            onRepeat={(repeat) => setDraft({ ...draft, repeat })}
            error={fieldError('next')}
          />
          <div className="form-actions">
            <button type="button" onClick={onClose}>{t('auth.cancel')}</button>
            <button type="submit" className="primary" disabled={mismatch || Object.values(draft).some((value) => value === '')}>{t('auth.save')}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
