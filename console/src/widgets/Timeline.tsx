// Every event of a case, in order: what happened, who (acting for whom), the business time and
// the recorded time, and what the event changed (its data).
import type { HistoryEvent } from '../api';
import { postTitle, type Session, useSession } from '../context';
import { nameOf, pick, t } from '../labels';
import { formatDateTime } from '../time';
import { Changes } from './Changes';

// The engine's own actor (the deadline watch) has no post of the chart.
const SYSTEM = 'system';

// "person, post title" of an event's actor (older exports may carry the post alone).
function actorText(session: Session, actor: HistoryEvent['actor']): string {
  const post = typeof actor === 'string' ? actor : actor.post;
  if (post === SYSTEM) return t('actor_system');
  if (typeof actor === 'string') return postTitle(session, actor);
  const entry = session.org?.posts.find((p) => p.id === actor.post);
  const title = entry ? pick(entry.title, entry.title_en) : actor.post;
  return actor.person ? `${actor.person}, ${title}` : title;
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
