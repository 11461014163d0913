// The caller's alerts, kept live from the Server-Sent Events stream /v1/alerts/stream. One
// EventSource for the whole console; the header shows the unread count and the alert page the
// list. EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
import { useEffect, useState } from 'preact/hooks';
import { acknowledgeAlert, type Alert, alertStreamUrl } from './api';

const alerts = new Map<number, Alert>();
const listeners = new Set<() => void>();
let source: EventSource | null = null;
let connected = false;

function changed(): void {
  listeners.forEach((listener) => listener());
}

// Opens the stream (once); call after sign-in.
export function startAlertFeed(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource(alertStreamUrl, { withCredentials: true });
  source.addEventListener('open', () => {
    connected = true;
    changed();
  });
  source.addEventListener('error', () => {
    connected = false;
    changed();
  });
  source.addEventListener('alert', (event) => {
    try {
      const alert = JSON.parse((event as MessageEvent<string>).data) as Alert;
      alerts.set(alert.id, { ...alerts.get(alert.id), ...alert });
      changed();
    } catch {
      // a malformed event is skipped; the stream goes on
    }
  });
}

// Closes the stream and forgets the alerts (sign-out).
export function stopAlertFeed(): void {
  source?.close();
  source = null;
  connected = false;
  alerts.clear();
  changed();
}

// Adds alerts read with GET /v1/alerts (the page's first load).
export function mergeAlerts(list: Alert[]): void {
  for (const alert of list) alerts.set(alert.id, { ...alerts.get(alert.id), ...alert });
  changed();
}

// Acknowledges an alert on the server, then marks it read here.
export async function acknowledge(id: number): Promise<void> {
  await acknowledgeAlert(id);
  const alert = alerts.get(id);
  if (alert) alerts.set(id, { ...alert, acknowledged: true });
  changed();
}

export interface FeedState {
  alerts: Alert[]; // newest first
  unread: number;
  connected: boolean;
}

// The feed, re-rendering the caller on every change.
export function useAlertFeed(): FeedState {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  const list = [...alerts.values()].sort((a, b) => b.id - a.id);
  return { alerts: list, unread: list.filter((a) => !a.acknowledged).length, connected };
}
