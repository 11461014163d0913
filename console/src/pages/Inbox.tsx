// The landing page: the caller's open work (and that of the posts it acts for), soonest due
// first, with the step each case expects.
import { useEffect, useState } from 'preact/hooks';
import { caseView, type InboxItem, inbox } from '../api';
import { postTitle, useSession } from '../context';
import { nameOf, pick, t } from '../labels';
import { usePaged } from '../paged';
import { stepLabel, useSchema } from '../schema';
import { formatDate } from '../time';
import { DaysLeft, DueDate } from '../widgets/DueCell';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { CaseLink } from '../widgets/Link';
import { TableHead } from '../widgets/Table';

export function InboxPage() {
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox_title')}</h1>
      <InboxList caption={t('inbox_title')} />
    </section>
  );
}

// The caller's work items, those expecting `action` when given, as the server orders them
// (soonest due first, work without a deadline last), a page at a time: a records office's
// inbox may hold many thousands.
export function InboxList({ action, caption }: { action?: string; caption: string }) {
  const session = useSession();
  const commands = useSchema();
  const paged = usePaged<InboxItem>((after) =>
    inbox({ action, cursor: after }).then((page) => ({
      items: page.items, next: page.next_cursor ?? null, total: page.total,
    })),
  );
  useEffect(() => void paged.load(), [action]);
  const items = paged.items ?? [];
  return (
    <>
      {paged.busy && <Loading />}
      <ErrorBox error={paged.error} onRetry={() => paged.load(paged.items ? paged.next ?? undefined : undefined)} />
      {paged.items && <WorkTable items={items} caption={caption} commands={commands} session={session} />}
      {paged.total !== null && items.length < paged.total && (
        <p class="muted">{t('shown_of', { n: items.length, m: paged.total })}</p>
      )}
      {paged.next && (
        <button type="button" onClick={() => paged.load(paged.next!)} disabled={paged.busy}>
          {t('next_page')}
        </button>
      )}
    </>
  );
}

interface TableProps {
  items: InboxItem[];
  caption: string;
  commands: ReturnType<typeof useSchema>;
  session: ReturnType<typeof useSession>;
}

const ENRICH_AT_MOST = 100;

// True when the server describes the item itself (it always says `on_control` then): its
// number and sender are what there is — an assignment or a letter has none — so no case view
// needs reading.
function described(item: InboxItem): boolean {
  return item.on_control !== undefined || item.action_label_ka !== undefined;
}

// The registration number and sender of items whose inbox entry lacks them (a server that does
// not describe its inbox items yet), read from their case views (at most ENRICH_AT_MOST, in
// parallel); a case that fails to load is left as it is.
function useEnriched(items: InboxItem[]): InboxItem[] {
  const [found, setFound] = useState<Record<string, { registration_number?: string; sender?: string }>>({});
  const missing = items
    .filter((i) => !described(i) && !i.registration_number && !(i.case_id in found))
    .slice(0, ENRICH_AT_MOST);
  const key = missing.map((i) => i.case_id).join(',');
  useEffect(() => {
    if (!missing.length) return;
    Promise.all(missing.map((i) => caseView(i.case_id).then((v) => [i.case_id, v] as const, () => [i.case_id, null] as const)))
      .then((views) => {
        const next: typeof found = {};
        for (const [id, view] of views) {
          const sender = typeof view?.sender === 'string' ? view.sender : view?.sender?.name;
          next[id] = { registration_number: view?.registration_number, sender };
        }
        setFound((old) => ({ ...old, ...next }));
      });
  }, [key]);
  return items.map((i) => ({ ...found[i.case_id], ...i, sender: i.sender ?? found[i.case_id]?.sender }));
}

// A table of inbox items; also used by the dispatch and filing queues.
export function WorkTable({ items: given, caption, commands, session }: TableProps) {
  const items = useEnriched(given);
  if (!items.length) return <p>{t('nothing_found')}</p>;
  return (
    <div class="table-scroll">
      <table class="work">
        <TableHead caption={caption} columns={['registration_number', 'sender', 'subject', 'due', 'days_left', 'step']} />
        <tbody>
          {items.map((item) => (
            <tr key={item.case_id + item.action + (item.acting_for ?? '')}>
              <td>
                <CaseLink id={item.case_id}>{item.registration_number || item.case_id}</CaseLink>
                <div class="muted">{nameOf(item.kind)}</div>
                {item.on_control && <div class="on-control-mark">{t('on_control_mark')}</div>}
                {item.received_on && <div class="muted">{t('received_on')}: {formatDate(item.received_on)}</div>}
              </td>
              <td>{item.sender ?? ''}</td>
              <td>
                {item.subject ?? ''}
                {item.instruction && <div class="muted">{t('instruction')}: {item.instruction}</div>}
              </td>
              <td>
                <DueDate due={item.due} />
              </td>
              <td>
                <DaysLeft today={session.today} due={item.due} days={item.days_left} overdue={item.overdue} />
              </td>
              <td>
                {pick(item.action_label_ka, item.action_label_en) || stepLabel(item.action, commands)}
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
    </div>
  );
}
