// The login page: login and password; wrong credentials and too many attempts have their own
// messages (the server answers 401 for either a wrong login or a wrong password).
import { useState } from 'preact/hooks';
import { ApiError, login, setCsrfToken } from '../api';
import { t } from '../labels';
import { ErrorBox, errorText } from '../widgets/ErrorBox';
import { TextField } from '../widgets/Fields';

interface Props {
  notice: string; // e.g. "your session has ended", or the server offers no sessions yet
  onLoggedIn: () => void;
}

export function Login({ notice, onLoggedIn }: Props) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});

  async function submit(e: Event) {
    e.preventDefault();
    const empty: Record<string, string> = {};
    if (!name.trim()) empty.login = t('required');
    if (!password) empty.password = t('required');
    setMissing(empty);
    if (Object.keys(empty).length) return;
    setBusy(true);
    setError('');
    try {
      const answer = await login(name.trim(), password);
      setCsrfToken(answer.csrf_token);
      setPassword('');
      onLoggedIn();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) setError(t('login_wrong'));
      // the server's rate_limited message says how long to wait
      else if (failure instanceof ApiError && failure.status === 429 && failure.code !== 'rate_limited') setError(t('login_rate_limited'));
      else setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="login" aria-labelledby="login-title">
      <h1 id="login-title">{t('login_title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error} />
      <form onSubmit={submit} noValidate>
        <TextField id="login" label={t('login_name')} value={name} onInput={setName} required
          autocomplete="username" error={missing.login} />
        <TextField id="password" label={t('password')} type="password" value={password}
          onInput={setPassword} required autocomplete="current-password" error={missing.password} />
        <button type="submit" class="primary" disabled={busy}>
          {t('log_in')}
        </button>
      </form>
    </section>
  );
}
