// A small client-side router over the History API: the server answers index.html for every
// console path (/cases/ID, /search, ...), and the console picks the page from the path.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

// Goes to `path` (with its query) without reloading the page.
export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

// The current location; re-renders the caller on navigate() and on back/forward.
export function useLocation(): Location {
  const [where, setWhere] = useState(current);
  useEffect(() => {
    const update = () => setWhere(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return where;
}

// Sets the query of the current path (replacing the history entry), e.g. search filters.
export function replaceQuery(query: Record<string, string>): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  history.replaceState(null, '', location.pathname + (text ? '?' + text : ''));
  listeners.forEach((listener) => listener());
}
