// The auditor's page: a case's history stepped through event by event (previous / next and a
// slider), showing the case as it stood after each event (?at_version=N) or at a chosen moment
// (?as_of=); the hash chain's verification with its anchor; the history exports.
import { useEffect, useState } from 'preact/hooks';
import { caseView, history, historyUrl, searchCases, verifyChain, type Verification } from '../api';
import { lang, t } from '../labels';
import { useLoad } from '../load';
import { formatDateTime } from '../time';
import { replaceQuery } from '../router';
import { CaseDetails } from '../widgets/CaseDetails';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { TextField } from '../widgets/Fields';
import { Link } from '../widgets/Link';
import { Timeline } from '../widgets/Timeline';
import { noAccess, NoAccess } from './Case';

// The case id of `typed`: itself when it is a case id, else the case whose registration number
// it is (found through the search); null when there is none.
async function resolveCase(typed: string): Promise<string | null> {
  if (/^case-|^calendar$/.test(typed)) return typed;
  const found = await searchCases({ q: typed, limit: 20 });
  return found.cases.find((c) => c.registration_number === typed)?.case_id ?? null;
}

export function AuditPage({ initialCase }: { initialCase: string }) {
  const [typed, setTyped] = useState(initialCase);
  const [caseId, setCaseId] = useState(initialCase);
  const [notFound, setNotFound] = useState('');
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit_title')}</h1>
      <ChainCheck caseId={caseId} />
      <form class="filters" onSubmit={async (e) => {
        e.preventDefault();
        setNotFound('');
        const id = await resolveCase(typed.trim()).catch(() => null);
        if (!id) {
          setNotFound(t('err_no_such_number'));
          return;
        }
        setCaseId(id);
        replaceQuery({ case: id });
      }}>
        <TextField id="audit-case" label={t('case_or_number')} value={typed} onInput={setTyped} error={notFound || undefined} />
        <div class="form-actions">
          <button type="submit" class="primary">{t('show')}</button>
        </div>
      </form>
      {caseId && <StepThrough key={caseId} caseId={caseId} />}
    </section>
  );
}

function StepThrough({ caseId }: { caseId: string }) {
  const events = useLoad(() => history(caseId), [caseId]);
  const count = events.data?.events.length ?? 0;
  const [version, setVersion] = useState(0); // 0: the last
  const [asOf, setAsOf] = useState('');
  const [asOfShown, setAsOfShown] = useState('');
  const shown = version || count;
  const at = useLoad(
    () => (asOfShown ? caseView(caseId, { as_of: asOfShown }) : shown ? caseView(caseId, { at_version: shown }) : Promise.resolve(null)),
    [caseId, shown, asOfShown],
  );
  if (events.loading) return <Loading />;
  if (noAccess(events.error)) return <NoAccess />;
  if (!events.data) return <ErrorBox error={events.error} onRetry={events.reload} />;
  const list = events.data.events;
  const event = list[shown - 1];
  const go = (v: number) => {
    setAsOfShown('');
    setVersion(Math.min(Math.max(1, v), count));
  };
  return (
    <div class="step-through">
      <p class="links">
        <a href={historyUrl(caseId, 'json')} download={`${caseId}-history.json`}>{t('export_json')}</a>
        {' · '}
        <a href={historyUrl(caseId, 'csv')} download>{t('export_csv')}</a>
        {' · '}
        <Link href={`/cases/${encodeURIComponent(caseId)}`}>{t('open_case')}</Link>
        {' · '}
        <Link href={`/audit/access?case=${encodeURIComponent(caseId)}`}>{t('access_log_title')}</Link>
      </p>
      <h2>{t('step_through')}</h2>
      {count > 0 && (
        <div class="stepper">
          <button type="button" onClick={() => go(shown - 1)} disabled={shown <= 1 || !!asOfShown}>
            {t('previous')}
          </button>
          <label for="step-slider" class="visually-hidden">{t('after_event', { n: shown, m: count })}</label>
          <input id="step-slider" type="range" min={1} max={count} value={shown}
            aria-valuetext={t('after_event', { n: shown, m: count })}
            onInput={(e) => go(Number((e.currentTarget as HTMLInputElement).value))} />
          <button type="button" onClick={() => go(shown + 1)} disabled={shown >= count || !!asOfShown}>
            {t('next')}
          </button>
          <span aria-live="polite">
            {asOfShown ? `${t('as_of')}: ${formatDateTime(asOfShown)}` : t('after_event', { n: shown, m: count })}
          </span>
        </div>
      )}
      <form class="filters" onSubmit={(e) => {
        e.preventDefault();
        setAsOfShown(asOf.trim());
      }}>
        <TextField id="as-of" type="datetime-local" label={t('as_of')} hint={t('as_of_hint')} value={asOf} onInput={setAsOf} />
        <div class="form-actions">
          <button type="submit">{t('show')}</button>
        </div>
      </form>
      {event && !asOfShown && (
        <div class="card">
          <Timeline events={[event]} current={event.version} />
          <p class="hash">
            {t('event_hash')} <code>{event.hash}</code>
            <br />
            {t('event_prev_hash')} <code>{event.prev_hash}</code>
          </p>
        </div>
      )}
      {at.loading && <Loading />}
      <ErrorBox error={at.error} />
      {at.data && <CaseDetails view={at.data} events={list} />}
    </div>
  );
}

// `caseId`: the case shown below; a check's error is stale once it changes.
function ChainCheck({ caseId }: { caseId: string }) {
  const [anchor, setAnchor] = useState('');
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(null), [caseId]);
  async function verify(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyChain(anchor.trim() || undefined));
    } catch (failure) {
      setError(failure);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="chain-title" class="card">
      <h2 id="chain-title">{t('chain')}</h2>
      <form onSubmit={verify} class="filters">
        <TextField id="anchor" label={t('anchor_to_check')} value={anchor} onInput={setAnchor} hint="SEQ:HASH" />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>{t('verify')}</button>
        </div>
      </form>
      {busy && <Loading />}
      <ErrorBox error={error} />
      {result && (
        <div role="status" class={result.ok ? 'success' : 'error-box'}>
          <p><strong>{result.ok ? t('chain_ok') : t('chain_broken')}</strong></p>
          <p>{t('verified_through')}: {result.verified_through_seq}</p>
          <p>{t('anchor')}: <code class="wrap">{result.anchor}</code></p>
          {result.problem && <p>{result.problem} (#{result.first_bad_seq})</p>}
          {result.anchor_checked && (
            <p>
              {result.anchor_holds ? t('anchor_holds') : t('anchor_fails')}
              {result.anchor_problem && `: ${lang() === 'ka' ? result.anchor_problem_ka : result.anchor_problem}`}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
