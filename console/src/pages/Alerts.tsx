// The alert feed (deadline reminders, misses, escalations): read once from GET /v1/alerts, then
// live from the stream; each can be acknowledged (recorded on its case).
import { useEffect, useRef, useState } from 'preact/hooks';
import { acknowledge, mergeAlerts, useAlertFeed } from '../alertFeed';
import { alerts as fetchAlerts } from '../api';
import { postTitle, useSession } from '../context';
import { nameOf, pick, t } from '../labels';
import { formatDate, formatDateTime } from '../time';
import { ErrorBox } from '../widgets/ErrorBox';
import { CaseLink } from '../widgets/Link';
import { TableHead } from '../widgets/Table';

export function AlertsPage() {
  const session = useSession();
  const feed = useAlertFeed();
  const [error, setError] = useState<unknown>(null);
  const [acked, setAcked] = useState(''); // the confirmation of the last acknowledgement
  const status = useRef<HTMLParagraphElement>(null);
  // the row's button is gone once acknowledged: the focus goes to the confirmation instead
  useEffect(() => {
    if (acked) status.current?.focus();
  }, [acked]);
  useEffect(() => {
    fetchAlerts(0, 500).then((answer) => mergeAlerts(answer.alerts), setError);
  }, []);
  async function ack(id: number, what: string) {
    setError(null);
    setAcked('');
    try {
      await acknowledge(id);
      setAcked(`${t('acknowledged')}: ${what}`);
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alerts_title')}</h1>
      <p class="muted" role="status">{feed.connected ? t('live') : t('live_off')}</p>
      <ErrorBox error={error} />
      {acked && <p class="success" role="status" tabIndex={-1} ref={status}>{acked}</p>}
      {feed.alerts.length === 0 && <p>{t('nothing_found')}</p>}
      {feed.alerts.length > 0 && (
        <div class="table-scroll">
          <table>
            <TableHead caption={t('alerts_title')} columns={['at', 'case_title', 'rule', 'due', 'executor', 'level', 'acknowledge']} />
            <tbody>
              {feed.alerts.map((a) => (
                <tr key={a.id} class={a.acknowledged ? '' : 'unread'}>
                  <td>{formatDateTime(a.occurred_at)}</td>
                  <td>
                    <CaseLink id={a.case_id}>{a.subject || a.case_id}</CaseLink>
                    <div class="muted">{nameOf(a.kind)}</div>
                  </td>
                  <td>{nameOf(a.type)} {a.rule && <span class="muted rule-text">{pick(a.rule_ka, a.rule)}</span>}</td>
                  <td>{formatDate(a.due)}</td>
                  <td>{postTitle(session, a.responsible)}</td>
                  {/* the escalation level; a reminder or a miss is no escalation */}
                  <td>{a.level > 0 ? a.level : t('none')}</td>
                  <td>
                    {a.acknowledged ? (
                      t('acknowledged')
                    ) : (
                      <button type="button" onClick={() => ack(a.id, a.subject || a.case_id)}>
                        {t('acknowledge')}<span class="visually-hidden">: {a.subject || a.case_id}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
