// How an API failure reads to a person: the server's own message in the current language, or
// a console sentence for the cases the server cannot put well (no answer, a route not there).
import { ApiError } from '../api';
import { lang, t } from '../labels';

// True when the server does not (yet) offer the route that was called.
export function routeMissing(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /no such route/.test(error.message_en);
}

export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (!(error instanceof ApiError)) return t('err_unexpected');
  if (error.status === 0) return t('err_network');
  if (routeMissing(error)) return t('err_not_available');
  const server = lang() === 'ka' ? error.message_ka || error.message_en : error.message_en;
  // too many failed logins: the server's message says how long to wait
  if (error.code === 'rate_limited') return server || t('login_rate_limited');
  return server || t('err_unexpected');
}

interface Props {
  error: unknown; // an ApiError, or a message already worded
  onRetry?: () => void;
}

// An alert region with the message (and a retry button when there is something to retry).
export function ErrorBox({ error, onRetry }: Props) {
  if (!error) return null;
  return (
    <div class="error-box" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

// The "loading" line of a page waiting for its data (a status, announced politely).
export function Loading() {
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}
