// The case page: the case (document, resolution, draft answer, deadline), the caller's allowed
// actions as buttons — each opens the command's form from the schema — and the timeline of
// every event. A case the caller may not read, or that does not exist, shows one page for both.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type CaseView, execute, history, type History, caseView } from '../api';
import { useCommand } from '../command';
import { useSession } from '../context';
import { nameOf, pick, t } from '../labels';
import { useLoad } from '../load';
import { loadSchema } from '../schema';
import { CaseDetails } from '../widgets/CaseDetails';
import { CommandForm } from '../widgets/CommandForm';
import { ErrorBox, Loading, routeMissing } from '../widgets/ErrorBox';
import { Refusal } from '../widgets/Refusal';
import { Timeline } from '../widgets/Timeline';

// True when the answer means "no such case, or not yours to read" (the server does not say which).
export function noAccess(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403) && !routeMissing(error);
}

export function NoAccess() {
  return <Refusal id="no-access-title" title={t('err_no_access')} />;
}

export function CasePage({ id }: { id: string }) {
  const loaded = useLoad(() => Promise.all([caseView(id), history(id).catch(() => null)]), [id]);
  const [done, setDone] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  // the confirmation takes the focus, so that a screen reader and the keyboard land on it
  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (noAccess(loaded.error)) return <NoAccess />;
  if (!loaded.data) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  const [view, events] = loaded.data as [CaseView, History | null];
  return (
    <article aria-labelledby="case-title">
      <h1 id="case-title">
        {t('case_title')} {view.registration_number || view.case_id}
        <span class="muted"> · {nameOf(view.kind)} · {nameOf(view.state)}</span>
      </h1>
      {done && (
        <p class="success" role="status" tabIndex={-1} ref={status}>
          {done}
        </p>
      )}
      <Actions view={view} onOpen={() => setDone('')} onDone={(label) => {
        setDone(`${label}: ${t('command_done')}`);
        loaded.reload();
      }} onConflict={loaded.reload} />
      <CaseDetails view={view} events={events?.events ?? null} />
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline')}</h2>
        {events ? <Timeline events={events.events} /> : <p>{t('err_not_available')}</p>}
      </section>
    </article>
  );
}

interface ActionsProps {
  view: CaseView;
  onOpen: () => void; // a form opens: an earlier confirmation is stale
  onDone: (label: string) => void;
  onConflict: () => void;
}

function Actions({ view, onOpen, onDone, onConflict }: ActionsProps) {
  const session = useSession();
  const schema = useLoad(loadSchema, []);
  const [open, setOpen] = useState<string | null>(null);
  const runner = useCommand();
  const buttons = useRef<HTMLUListElement>(null);
  const allowed = view.allowed_actions;
  const command = open ? schema.data?.find((c) => c.type === open) : undefined;
  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">{t('actions')}</h2>
      {!allowed && <p class="notice">{t('actions_unavailable')}</p>}
      {allowed && allowed.length === 0 && <p>{t('no_actions')}</p>}
      {allowed && allowed.length > 0 && (
        <ul class="action-buttons" ref={buttons}>
          {allowed.map((action) => (
            <li key={action.type}>
              <button type="button" aria-expanded={open === action.type} data-action={action.type}
                class={open === action.type ? 'primary' : ''}
                onClick={() => {
                  runner.reset();
                  if (open !== action.type) onOpen();
                  setOpen(open === action.type ? null : action.type);
                }}>
                {pick(action.label_ka, action.label_en) || action.type}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && schema.loading && <Loading />}
      {open && schema.error !== null && <ErrorBox error={schema.error} onRetry={schema.reload} />}
      {open && schema.data && !command && <p class="notice">{t('err_not_available')}</p>}
      {command && (
        <CommandForm
          key={command.type}
          command={command}
          org={session.org}
          year={Number((view.registered_on ?? session.today).slice(0, 4))}
          kind={view.kind}
          runner={runner}
          send={async (commandId, body) => {
            try {
              return await execute(view.case_id, commandId, body, view.version);
            } catch (failure) {
              if (failure instanceof ApiError && failure.status === 409) onConflict();
              throw failure;
            }
          }}
          onDone={() => {
            setOpen(null);
            onDone(pick(command.label_ka, command.label_en) || command.type);
          }}
          onCancel={() => {
            runner.reset();
            setOpen(null);
            // back to the button that opened the form (Esc or Cancel)
            buttons.current?.querySelector<HTMLButtonElement>(`[data-action="${command.type}"]`)?.focus();
          }}
        />
      )}
    </section>
  );
}
