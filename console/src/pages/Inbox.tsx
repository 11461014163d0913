// The landing page: the caller's open work (and that of the posts it acts for), soonest due
// first, with the step each case expects.
import { type InboxItem, inbox } from '../api';
import { postTitle, useSession } from '../context';
import { nameOf, t } from '../labels';
import { useLoad } from '../load';
import { stepLabel, useSchema } from '../schema';
import { DaysLeft, DueDate } from '../widgets/DueCell';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { CaseLink } from '../widgets/Link';
import { TableHead } from '../widgets/Table';

// Soonest due first; work without a deadline last.
export function byDue(a: { due?: string }, b: { due?: string }): number {
  if (!a.due) return b.due ? 1 : 0;
  if (!b.due) return -1;
  return a.due < b.due ? -1 : a.due > b.due ? 1 : 0;
}

export function InboxPage() {
  const session = useSession();
  const loaded = useLoad(inbox, []);
  const commands = useSchema();
  const items = (loaded.data?.items ?? [])
    .filter((item) => !session.workingAs || (item.acting_for || loaded.data?.post) === session.workingAs)
    .sort(byDue);
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox_title')}</h1>
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && <WorkTable items={items} caption={t('inbox_title')} commands={commands} session={session} />}
    </section>
  );
}

interface TableProps {
  items: InboxItem[];
  caption: string;
  commands: ReturnType<typeof useSchema>;
  session: ReturnType<typeof useSession>;
}

// A table of inbox items; also used by the dispatch and filing queues.
export function WorkTable({ items, caption, commands, session }: TableProps) {
  if (!items.length) return <p>{t('nothing_found')}</p>;
  return (
    <table class="work">
      <TableHead caption={caption} columns={['registration_number', 'sender', 'subject', 'due', 'days_left', 'step']} />
      <tbody>
        {items.map((item) => (
          <tr key={item.case_id + item.action + (item.acting_for ?? '')}>
            <td>
              <CaseLink id={item.case_id}>{item.registration_number || item.case_id}</CaseLink>
              <div class="muted">{nameOf(item.kind)}</div>
            </td>
            <td>{item.sender ?? ''}</td>
            <td>{item.subject ?? ''}</td>
            <td>
              <DueDate due={item.due} />
            </td>
            <td>
              <DaysLeft today={session.today} due={item.due} />
            </td>
            <td>
              {stepLabel(item.action, commands)}
              {item.acting_for && (
                <div class="muted">
                  {t('acting_for')}: {postTitle(session, item.acting_for)}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
