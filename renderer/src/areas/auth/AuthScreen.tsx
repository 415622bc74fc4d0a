import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../../../electron/contract/areas/auth.ts';
import { ApiError, call } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useFormFailure } from '../../components/use-form-failure.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NewPasswordFields, passwordsDiffer } from './NewPasswordFields.tsx';
import './auth.css';

/**
 * Before anything else: on first run, the dispatcher account the vendor's HR sets up; after that,
 * sign-in. A lapsed session comes back here with the reason said.
 */
export function AuthScreen({ status, notice, onSignedIn }: { status: AuthStatus; notice: string | null; onSignedIn: () => void }) {
  const { t, language, setLanguage } = useI18n();
  const centre = language === 'zh-CN' ? status.centreNameZh : status.centreNameEn;
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="lang-switch auth-lang" role="group" aria-label={t('lang.label')}>
          {(['zh-CN', 'en'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={language === option} onClick={() => void setLanguage(option)}>
              {t(`lang.${option}`)}
            </button>
          ))}
        </div>
        <p className="auth-brand"><span className="brand-mark" aria-hidden="true">排</span> {t('app.title')}</p>
        <p className="auth-centre">{centre}</p>
        {status.hasAccounts ? (
          <SignInForm notice={notice} onSignedIn={onSignedIn} />
        ) : status.setupAllowed ? (
          <FirstRunForm onSignedIn={onSignedIn} />
        ) : (
          <div className="auth-form" role="alert">
            <h1>{t('auth.setupElsewhere.title')}</h1>
            <p>{t('auth.setupElsewhere.body')}</p>
          </div>
        )}
      </div>
    </main>
  );
}

function SignInForm({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await call('auth/signIn', { username, password });
      onSignedIn();
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="auth-form" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('auth.signIn.title')}</h1>
      {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
      <Field label={t('auth.username')} required>
        <input ref={first} value={username} autoComplete="username" maxLength={32} onChange={(event) => setUsername(event.target.value)} />
      </Field>
      <Field label={t('auth.password')} required>
        <input type="password" value={password} autoComplete="current-password" maxLength={72} onChange={(event) => setPassword(event.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={busy || username === '' || password === ''}>{t('auth.signIn')}</button>
      <p className="hint">{t('auth.signIn.hint')}</p>
    </form>
  );
}

function FirstRunForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const { failure, run, fieldError } = useFormFailure('auth');
  const mismatch = passwordsDiffer(draft.password, draft.repeat);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    if ((await run(() => call('auth/setup', { username: draft.username, displayName: draft.displayName, password: draft.password }).then(() => undefined))) === null) onSignedIn();
  };
  return (
    <form className="auth-form" onSubmit={(event) => void submit(event)} aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('auth.firstRun.title')}</h1>
      <p>{t('auth.firstRun.explain')}</p>
      {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
      <Field label={t('auth.username')} error={fieldError('username')} required>
        <input value={draft.username} autoComplete="username" maxLength={32} onChange={(event) => setDraft({ ...draft, username: event.target.value })} />
      </Field>
      <Field label={t('auth.displayName')} error={fieldError('displayName')} required>
        <input value={draft.displayName} maxLength={40} onChange={(event) => setDraft({ ...draft, displayName: event.target.value })} />
      </Field>
      <NewPasswordFields
        value={draft.password}
        repeat={draft.repeat}
        onValue={(password) => setDraft({ ...draft, password })}
        onRepeat={(repeat) => setDraft({ ...draft, repeat })}
        error={fieldError('password')}
      />
      <button type="submit" className="primary" disabled={mismatch || Object.values(draft).some((value) => value === '')}>{t('auth.firstRun.create')}</button>
    </form>
  );
}
