import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Whether the repeated password differs from the first (empty: not typed yet, so not yet wrong). */
export function passwordsDiffer(value: string, repeat: string): boolean {
  return repeat !== '' && repeat !== value;
}

/** A new password typed twice, with the rule it must meet: the first run and a password change. */
export function NewPasswordFields(props: { value: string; repeat: string; onValue: (next: string) => void; onRepeat: (next: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('auth.newPassword')} error={props.error} required>
        <input type="password" autoComplete="new-password" maxLength={72} value={props.value} onChange={(event) => props.onValue(event.target.value)} />
      </Field>
      <Field label={t('auth.repeatPassword')} error={passwordsDiffer(props.value, props.repeat) ? t('auth.mismatch') : undefined} required>
        <input type="password" autoComplete="new-password" maxLength={72} value={props.repeat} onChange={(event) => props.onRepeat(event.target.value)} />
      </Field>
      <p className="hint">{t('auth.passwordRule')}</p>
    </>
  );
}
