// Changing one's password: required while must_change_password (every other route answers 403
// until then), and reachable from the header otherwise.
import { useState } from 'preact/hooks';
import { changePassword } from '../api';
import { t } from '../labels';
import { ErrorBox, errorText } from '../widgets/ErrorBox';
import { TextField } from '../widgets/Fields';

// The shortest password the server accepts.
const MIN_LENGTH = 10;

export function ChangePassword({ forced, onChanged }: { forced: boolean; onChanged: () => void }) {
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [top, setTop] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!old) found.old = t('required');
    if (!next) found.next = t('required');
    // the server's rule (docs/auth.md), counted in code points as the server counts
    else if ([...next].length < MIN_LENGTH) found.next = t('password_too_short');
    if (next && again !== next) found.again = t('passwords_differ');
    setErrors(found);
    setTop('');
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await changePassword(old, next);
      setDone(true);
      setOld('');
      setNext('');
      setAgain('');
      onChanged();
    } catch (failure) {
      setTop(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="password-title" class="narrow">
      <h1 id="password-title">{t('change_password_title')}</h1>
      {forced && <p class="notice">{t('change_password_needed')}</p>}
      {done && (
        <p class="success" role="status">
          {t('password_changed')}
        </p>
      )}
      <ErrorBox error={top} />
      <form onSubmit={submit} noValidate>
        <TextField id="old" label={t('old_password')} type="password" value={old} onInput={setOld}
          required autocomplete="current-password" error={errors.old} />
        <TextField id="next" label={t('new_password')} type="password" value={next} onInput={setNext}
          hint={t('password_rule')} required autocomplete="new-password" error={errors.next} />
        <TextField id="again" label={t('new_password_again')} type="password" value={again}
          onInput={setAgain} required autocomplete="new-password" error={errors.again} />
        <button type="submit" class="primary" disabled={busy}>
          {t('change_password_title')}
        </button>
      </form>
    </section>
  );
}
