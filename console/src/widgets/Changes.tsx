// What an event changed (its data), readable: field names from the labels table, post ids as
// post titles, enum codes through the schema's value labels (else the labels table), dates the
// Georgian way, true/false as yes/no; empty values and sub-fields left out.
import type { ComponentChildren } from 'preact';
import type { CommandSchema } from '../api';
import { postTitle, type Session, useSession } from '../context';
import { fieldName, nameOf, pick, t } from '../labels';
import { enumLabel, useSchema } from '../schema';
import { formatDate, formatDateTime } from '../time';

const CODE = /^[a-z][a-z0-9_-]*$/; // a post id or an enum code, never free text

// `value` as text for a reader; '' for an empty value.
// guarantees: objects come out as "label: value; …" without their empty fields.
export function valueText(value: unknown, session: Session, schema: CommandSchema[] | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v, session, schema)).filter(Boolean).join(', ');
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    if (!CODE.test(value)) return value;
    if (session.org?.posts.some((p) => p.id === value)) return postTitle(session, value, false);
    return enumLabel(value, schema) ?? nameOf(value);
  }
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => [k, valueText(v, session, schema)])
    .filter(([, text]) => text !== '')
    .map(([k, text]) => `${fieldName(k)}: ${text}`)
    .join('; ');
}

export function Changes({ data }: { data: Record<string, unknown> }): ComponentChildren {
  const session = useSession();
  const schema = useSchema();
  const raw = data ?? {};
  // `<key>_ka` is the Georgian of `<key>` (an explanation, a rule, a ground): one row, in the
  // reader's language (an old event has no Georgian: its English then)
  const entries = Object.entries(raw)
    .filter(([key]) => !(key.endsWith('_ka') && key.slice(0, -3) in raw))
    .map(([key, value]) => {
      const ka = raw[`${key}_ka`];
      const shown = typeof ka === 'string' && typeof value === 'string' ? pick(ka, value) : value;
      return [key, valueText(shown, session, schema)];
    })
    .filter(([, text]) => text !== '');
  if (!entries.length) return null;
  return (
    <dl class="changes">
      {entries.map(([key, text]) => (
        <div key={key}>
          <dt>{fieldName(key)}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
