// Every event of a case, in order: what happened, who (acting for whom), the business time and
// the recorded time, and what the event changed (its data).
import type { HistoryEvent } from '../api';
import { postTitle, type Session, useSession } from '../context';
import { nameOf, pick, t } from '../labels';
import { formatDateTime } from '../time';

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join('; ');
}

// "person, post title" of an event's actor (older exports may carry the post alone).
function actorText(session: Session, actor: HistoryEvent['actor']): string {
  if (typeof actor === 'string') return postTitle(session, actor);
  const post = session.org?.posts.find((p) => p.id === actor.post);
  const title = post ? pick(post.title, post.title_en) : actor.post;
  return actor.person ? `${actor.person}, ${title}` : title;
}

export function Changes({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data ?? {}).filter(([, v]) => valueText(v) !== '');
  if (!entries.length) return null;
  return (
    <dl class="changes">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{valueText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Timeline({ events, current }: { events: HistoryEvent[]; current?: number }) {
  const session = useSession();
  return (
    <ol class="timeline">
      {events.map((event) => (
        <li key={event.seq} class={current === event.version ? 'current' : ''}
          aria-current={current === event.version ? 'step' : undefined}>
          <h3>
            {event.version}. {nameOf(event.type)}
          </h3>
          <p>
            <span class="muted">{t('who')}: </span>
            {actorText(session, event.actor)}
            {event.acting_for && (
              <>
                {' '}
                ({t('acting_for')}: {postTitle(session, event.acting_for)})
              </>
            )}
          </p>
          <p>
            <span class="muted">{t('business_time')}: </span>
            <time dateTime={event.occurred_at}>{formatDateTime(event.occurred_at)}</time>
            {' · '}
            <span class="muted">{t('recorded_time')}: </span>
            <time dateTime={event.recorded_at}>{formatDateTime(event.recorded_at)}</time>
          </p>
          <details>
            <summary>{t('what_changed')}</summary>
            <Changes data={event.data} />
          </details>
        </li>
      ))}
    </ol>
  );
}
