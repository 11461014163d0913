// What every page may read: the signed-in caller, the language (for re-rendering), today's
// date and the org chart (loaded once, on first use).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me, Org } from './api';
import type { Lang } from './labels';

export interface Session {
  me: Me;
  lang: Lang;
  today: string; // Tbilisi date, YYYY-MM-DD
  org: Org | null; // null until loaded (or when /v1/org failed)
  // Acts as another of the person's own posts (a session only); rejects with the ApiError.
  switchPost: (post: string) => Promise<void>;
  reloadMe: () => void;
}

export const SessionContext = createContext<Session | null>(null);

// The session of a signed-in page; pages are only rendered inside one.
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

// The title of `post` from the org chart in the current language, else its id; with the
// chart's holder of the post in brackets unless `withHolder` is false (the header, which names
// the person signed in — who may not be the chart's holder).
export function postTitle(session: Session, post: string | undefined | null, withHolder = true): string {
  if (!post) return '';
  const entry = session.org?.posts.find((p) => p.id === post);
  if (!entry) return post;
  const title = session.lang === 'ka' ? entry.title || entry.title_en : entry.title_en || entry.title;
  return entry.holder && withHolder ? `${title} (${entry.holder})` : title;
}
