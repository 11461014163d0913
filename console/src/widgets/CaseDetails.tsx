// The case as a reader sees it: the document, the resolution, the draft answer and the deadline.
// Used by the case page and by the auditor's step-through (the case as it stood then).
import type { ComponentChildren } from 'preact';
import type { CaseView, HistoryEvent } from '../api';
import { postTitle, useSession } from '../context';
import { nameOf, pick, t } from '../labels';
import { enumLabel, useSchema } from '../schema';
import { formatDate } from '../time';
import { Link } from './Link';

function senderText(sender: CaseView['sender']): string {
  if (!sender) return '';
  if (typeof sender === 'string') return sender;
  return [sender.name, sender.kind ? nameOf(sender.kind) : '', sender.address].filter(Boolean).join(', ');
}

// The text of the latest draft answer: from the view when it carries one, else from the last
// event whose data holds a text.
export function draftText(view: CaseView, events: HistoryEvent[] | null): string {
  if (typeof view.answer_text === 'string') return view.answer_text;
  if (typeof view.draft_answer === 'string') return view.draft_answer;
  if (view.draft_answer && typeof view.draft_answer === 'object') return view.draft_answer.text ?? '';
  const upTo = view.at_version ?? Infinity;
  const drafts = (events ?? []).filter(
    (e) => e.version <= upTo && /draft|answer/.test(e.type) && typeof e.data?.text === 'string',
  );
  return drafts.length ? String(drafts[drafts.length - 1].data.text) : '';
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === '' || children === undefined || children === null) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function CaseDetails({ view, events }: { view: CaseView; events: HistoryEvent[] | null }) {
  const session = useSession();
  const post = (id: string | undefined) => postTitle(session, id);
  const schema = useSchema();
  const draft = draftText(view, events);
  const auditor = (session.me.powers ?? []).includes('audit');
  const resolved = !!view.executor; // on control means something once a resolution exists
  const outcome = typeof view.outcome === 'string' && view.outcome ? enumLabel(view.outcome, schema) ?? nameOf(view.outcome) : '';
  return (
    <div class="case-details">
      <section aria-labelledby="doc-title" class="card">
        <h2 id="doc-title">{t('document')}</h2>
        <dl>
          <Row label={t('registration_number')}>{view.registration_number ?? ''}</Row>
          <Row label={t('kind')}>{nameOf(view.kind)}</Row>
          <Row label={t('state')}>{nameOf(view.state)}</Row>
          <Row label={t('subject')}>{view.subject ?? view.title ?? ''}</Row>
          <Row label={t('summary')}>{view.summary ?? ''}</Row>
          <Row label={t('sender')}>{senderText(view.sender)}</Row>
          <Row label={t('recipient')}>{view.recipient ?? ''}</Row>
          <Row label={t('received_on')}>{formatDate(view.received_on)}</Row>
          <Row label={t('registered_on')}>{formatDate(view.registered_on)}</Row>
          <Row label={t('addressee')}>{post(view.addressee)}</Row>
          <Row label={t('channel')}>{typeof view.channel === 'string' ? nameOf(view.channel) : ''}</Row>
          <Row label={t('pages')}>{typeof view.pages === 'number' ? String(view.pages) : ''}</Row>
          {/* the version is the log's bookkeeping: of use to an auditor stepping through */}
          {auditor && <Row label={t('version')}>{String(view.version)}</Row>}
        </dl>
      </section>
      <section aria-labelledby="resolution-title" class="card">
        <h2 id="resolution-title">{t('resolution')}</h2>
        <dl>
          <Row label={t('instruction')}>{view.instruction ?? ''}</Row>
          <Row label={t('executor')}>{post(view.executor)}</Row>
          <Row label={t('co_executors')}>{(view.co_executors ?? []).map(post).join(', ')}</Row>
          <Row label={t('on_control')}>{!resolved || view.on_control === undefined ? '' : view.on_control ? t('yes') : t('no')}</Row>
          <Row label={t('decision')}>{outcome}</Row>
          <Row label={t('decision_by')}>{post(view.decided_by as string | undefined)}</Row>
          <Row label={t('signed_by')}>{post(view.signed_by)}</Row>
          <Row label={t('outgoing_number')}>{view.outgoing_number ?? ''}</Row>
        </dl>
      </section>
      <section aria-labelledby="deadline-title" class="card">
        <h2 id="deadline-title">{t('deadline')}</h2>
        <dl>
          <Row label={t('due_date')}>{view.due ? formatDate(view.due) : t('no_due')}</Row>
          <Row label={t('deadline_set_by')}>{post(view.deadline_setter)}</Row>
          <Row label={t('deadline_why')}>{view.due_explanation ? <span class="explanation">{pick(view.due_explanation_ka, view.due_explanation)}</span> : ''}</Row>
        </dl>
      </section>
      <section aria-labelledby="draft-title" class="card">
        {/* once signed it is the answer, no longer a draft */}
        <h2 id="draft-title">{view.signed_by ? t('answer') : t('draft_answer')}</h2>
        {draft ? <p class="draft-text">{draft}</p> : <p class="muted">{t('no_draft')}</p>}
      </section>
      {auditor && view.at_version === undefined && !view.as_of && (
        <p class="audit-link">
          <Link href={`/audit?case=${encodeURIComponent(view.case_id)}`}>{t('history_step_through')}</Link>
        </p>
      )}
    </div>
  );
}
