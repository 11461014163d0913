// Registering an incoming document (register_incoming): the clerk's form. Client-side checks
// (required fields, dates) show next to each field; so does a 400/422 from the server when its
// message names a field. The answer shows the registration number and the deadline with its
// explanation.
import { useRef, useState } from 'preact/hooks';
import { type CommandAnswer, execute } from '../api';
import { useCommand } from '../command';
import { useSession } from '../context';
import { type FormErrors, serverErrors } from '../formErrors';
import { nameOf, pick, t } from '../labels';
import { fieldOptions, useSchema } from '../schema';
import { formatDate, isDate } from '../time';
import { SelectField, TextField, postOptions } from '../widgets/Fields';
import { CaseLink } from '../widgets/Link';

const KINDS = ['correspondence', 'application', 'public_information', 'complaint'];
const SENDER_KINDS = ['citizen', 'organisation', 'agency'];

interface Form {
  kind: string;
  channel: string;
  'sender.name': string;
  'sender.kind': string;
  'sender.address': string;
  subject: string;
  summary: string;
  pages: string;
  received_on: string;
  addressee: string;
  stated_due: string;
}

// The kinds whose deadline is the sender's stated one or none (the others' is the law's:
// workflows/incoming/*.cc, stated_due_allowed).
const STATED_DUE_KINDS = ['correspondence'];

// The fields in the order the form shows them (the first bad one takes the focus).
const ORDER: (keyof Form)[] = ['kind', 'channel', 'sender.name', 'sender.kind', 'sender.address', 'subject',
  'summary', 'pages', 'received_on', 'addressee', 'stated_due'];

const REQUIRED: (keyof Form)[] = ['kind', 'channel', 'sender.name', 'sender.kind', 'subject', 'received_on', 'addressee'];

// The messages of the client-side checks, by field.
function check(form: Form): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of REQUIRED) if (!form[field].trim()) errors[field] = t('required');
  for (const field of ['received_on', 'stated_due'] as const) {
    if (field === 'stated_due' && !STATED_DUE_KINDS.includes(form.kind)) continue; // not sent
    if (form[field] && !isDate(form[field])) errors[field] = t('invalid_date');
  }
  if (form.pages && !/^\d+$/.test(form.pages)) errors.pages = t('pages_not_negative');
  return errors;
}

function command(form: Form): Record<string, unknown> {
  const sender: Record<string, string> = { name: form['sender.name'].trim(), kind: form['sender.kind'] };
  if (form['sender.address'].trim()) sender.address = form['sender.address'].trim();
  const out: Record<string, unknown> = {
    type: 'register_incoming',
    kind: form.kind,
    channel: form.channel,
    sender,
    subject: form.subject.trim(),
    summary: form.summary.trim(),
    received_on: form.received_on,
    addressee: form.addressee,
  };
  if (form.pages) out.pages = Number(form.pages);
  if (form.stated_due && STATED_DUE_KINDS.includes(form.kind)) out.stated_due = form.stated_due;
  return out;
}

export function RegisterPage() {
  const session = useSession();
  const empty: Form = {
    kind: 'correspondence', channel: 'post', 'sender.name': '', 'sender.kind': 'citizen',
    'sender.address': '', subject: '', summary: '', pages: '', received_on: session.today,
    addressee: '', stated_due: '',
  };
  const [form, setForm] = useState<Form>(empty);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, top: '' });
  const [answer, setAnswer] = useState<CommandAnswer | null>(null);
  const runner = useCommand();
  const set = (field: keyof Form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const options = (ids: string[]) => ids.map((id) => ({ value: id, label: nameOf(id) }));
  // The channels are the schema's closed list (model/saqme.capnp, `$choices`), not a copy.
  const channels = fieldOptions(useSchema(), 'register_incoming', 'channel');
  const err = (field: keyof Form) => errors.fields[field];
  const formRef = useRef<HTMLFormElement>(null);
  // the first field the checks refused takes the focus (its message is tied to it)
  const focusFirst = (bad: Record<string, string>) => {
    const first = ORDER.find((f) => bad[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[id="${first}"]`)?.focus();
  };

  async function submit(e: Event) {
    e.preventDefault();
    const found = check(form);
    if (Object.keys(found).length) {
      setErrors({ fields: found, top: t('form_has_errors') });
      focusFirst(found);
      return;
    }
    setErrors({ fields: {}, top: '' });
    try {
      const result = await runner.run((id) => execute(null, id, command(form)));
      setAnswer(result);
      setForm(empty);
    } catch (failure) {
      setErrors(serverErrors(failure, Object.keys(form)));
    }
  }

  return (
    <section aria-labelledby="register-title">
      <h1 id="register-title">{t('register_title')}</h1>
      {answer && (
        <div class="success" role="status">
          <p>{t('registered_as', { n: answer.registration_number ?? answer.case_id })}</p>
          {answer.due && (
            <p>
              {t('deadline')}: {formatDate(answer.due)}
              {answer.due_explanation && <span class="explanation">{'\n'}{pick(answer.due_explanation_ka, answer.due_explanation)}</span>}
            </p>
          )}
          <p>
            <CaseLink id={answer.case_id}>{t('open_case')}</CaseLink>
          </p>
        </div>
      )}
      {errors.top && (
        <div class="error-box" role="alert">
          <p>{errors.top}</p>
          {runner.pendingRetry && <p>{t('retrying_same_id')}</p>}
        </div>
      )}
      <form onSubmit={submit} noValidate class="grid-form" ref={formRef}>
        <SelectField id="kind" label={t('kind')} value={form.kind} options={options(KINDS)} onChange={set('kind')}
          required error={err('kind')} allowEmpty={false} />
        <SelectField id="channel" label={t('channel')} value={form.channel} options={channels}
          onChange={set('channel')} required error={err('channel')} allowEmpty={false} />
        <fieldset>
          <legend>{t('sender')}</legend>
          <TextField id="sender.name" label={t('sender_name')} value={form['sender.name']}
            onInput={set('sender.name')} required error={err('sender.name')} />
          <SelectField id="sender.kind" label={t('sender_kind')} value={form['sender.kind']}
            options={options(SENDER_KINDS)} onChange={set('sender.kind')} required error={err('sender.kind')}
            allowEmpty={false} />
          <TextField id="sender.address" label={t('sender_address')} value={form['sender.address']}
            onInput={set('sender.address')} error={err('sender.address')} />
        </fieldset>
        <TextField id="subject" label={t('subject')} value={form.subject} onInput={set('subject')} required
          error={err('subject')} />
        <TextField id="summary" label={t('summary')} value={form.summary} onInput={set('summary')} multiline
          error={err('summary')} />
        <TextField id="pages" label={t('pages')} type="number" value={form.pages} onInput={set('pages')}
          hint={t('pages_hint')} error={err('pages')} />
        <TextField id="received_on" label={t('received_on')} type="date" value={form.received_on}
          onInput={set('received_on')} required error={err('received_on')} />
        <SelectField id="addressee" label={t('addressee')} value={form.addressee}
          options={postOptions(session.org)} onChange={set('addressee')} required error={err('addressee')} />
        {STATED_DUE_KINDS.includes(form.kind) && (
          <TextField id="stated_due" label={t('stated_due')} type="date" value={form.stated_due}
            onInput={set('stated_due')} error={err('stated_due')} />
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={runner.busy}>
            {runner.pendingRetry ? t('retry') : t('register_button')}
          </button>
        </div>
      </form>
    </section>
  );
}
