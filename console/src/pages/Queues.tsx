// The records office's queues: signed answers to dispatch and answered cases to file (the inbox
// items whose step is dispatch or file).
import { inbox } from '../api';
import { useSession } from '../context';
import { t } from '../labels';
import { useLoad } from '../load';
import { useSchema } from '../schema';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { byDue, WorkTable } from './Inbox';

export function QueuesPage() {
  const session = useSession();
  const loaded = useLoad(inbox, []);
  const commands = useSchema();
  const of = (action: string) => (loaded.data?.items ?? []).filter((i) => i.action === action).sort(byDue);
  return (
    <section aria-labelledby="queues-title">
      <h1 id="queues-title">{t('queues_title')}</h1>
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && (
        <>
          <h2>{t('queue_dispatch')}</h2>
          <WorkTable items={of('dispatch')} caption={t('queue_dispatch')} commands={commands} session={session} />
          <h2>{t('queue_file')}</h2>
          <WorkTable items={of('file')} caption={t('queue_file')} commands={commands} session={session} />
        </>
      )}
    </section>
  );
}
