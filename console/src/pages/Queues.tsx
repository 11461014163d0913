// The records office's queues: signed answers to dispatch and answered cases to file (the inbox
// items whose step is dispatch or file, each asked of the server by its action).
import { t } from '../labels';
import { InboxList } from './Inbox';

export function QueuesPage() {
  return (
    <section aria-labelledby="queues-title">
      <h1 id="queues-title">{t('queues_title')}</h1>
      <h2>{t('queue_dispatch')}</h2>
      <InboxList action="dispatch" caption={t('queue_dispatch')} />
      <h2>{t('queue_file')}</h2>
      <InboxList action="file" caption={t('queue_file')} />
    </section>
  );
}
