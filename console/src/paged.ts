// usePaged: a list read a page at a time (next_cursor), for search results, journals, the access
// log and the inbox.
import { useRef, useState } from 'preact/hooks';

export interface Page<T> {
  items: T[];
  next: string | null;
  total?: number; // how many there are on every page, when the list says
}

export interface Paged<T> {
  items: T[] | null; // null until the first page arrived
  next: string | null;
  total: number | null; // the latest page's total; null when the list gives none
  error: unknown;
  busy: boolean;
  // Reads the first page (after = undefined) or the page after `after`, appending it.
  load: (after?: string) => Promise<void>;
}

export function usePaged<T>(fetchPage: (after?: string) => Promise<Page<T>>): Paged<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const generation = useRef(0); // a first page asked for later wins over pages still coming
  async function load(after?: string) {
    const mine = after ? generation.current : ++generation.current;
    setBusy(true);
    setError(null);
    try {
      const page = await fetchPage(after);
      if (mine !== generation.current) return;
      setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items));
      setNext(page.next);
      setTotal(page.total ?? null);
    } catch (failure) {
      if (mine === generation.current) setError(failure);
    } finally {
      if (mine === generation.current) setBusy(false);
    }
  }
  return { items, next, total, error, busy, load };
}
