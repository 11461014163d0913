// Dates and times in Tbilisi time, written the Georgian way ("12 ნოემბერი 2026, 14:05").
// Georgia keeps UTC+04:00 all year (no daylight saving since 2005), so the arithmetic is
// explicit instead of depending on the browser's time-zone and ICU data.
import { lang, monthName } from './labels';

const TBILISI_OFFSET_MS = 4 * 3600 * 1000;

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

// "2026-11-12" -> "12 ნოემბერი 2026" ("12 November 2026"); anything else is returned as it is.
export function formatDate(date: string | undefined | null): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${monthName(Number(m[2]))} ${m[1]}`;
}

// An ISO 8601 instant with an offset (or a Tbilisi date-time without one) -> "12 ნოემბერი 2026,
// 14:05" in Tbilisi time; the input itself when it does not parse.
export function formatDateTime(instant: string | undefined | null): string {
  if (!instant) return '';
  const ms = parseInstant(instant);
  if (ms === null) return instant;
  const d = new Date(ms + TBILISI_OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${formatDate(date)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

// Milliseconds since the epoch, or null. A time without an offset is Tbilisi time.
export function parseInstant(text: string): number | null {
  const withOffset = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : text + '+04:00';
  const ms = Date.parse(withOffset.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms;
}

// Today's date in Tbilisi by this browser's clock, "YYYY-MM-DD".
export function tbilisiToday(now: number = Date.now()): string {
  const d = new Date(now + TBILISI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// Calendar days from `today` to `due` (both "YYYY-MM-DD"): negative when overdue, null when
// either is not a date.
export function daysBetween(today: string, due: string | undefined | null): number | null {
  if (!due || !isDate(due) || !isDate(today)) return null;
  return Math.round((Date.parse(due + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86400000);
}

// True for a real calendar date written YYYY-MM-DD.
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3]);
}

export function currentLangTag(): string {
  return lang() === 'ka' ? 'ka-GE' : 'en-GB';
}
