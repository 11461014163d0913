// A deadline with the days left, marked (by text, an aria label and colour) when overdue.
import { t } from '../labels';
import { daysBetween, formatDate } from '../time';

// The days left to `due` counted from `today` — or `given` (the server's count) when it says
// it, with `overdue` when the server says that.
export function daysLeftText(
  today: string,
  due: string | undefined,
  given?: { days?: number; overdue?: boolean },
): { text: string; overdue: boolean } {
  const days = typeof given?.days === 'number' ? given.days : daysBetween(today, due);
  if (days === null) return { text: t('no_due'), overdue: false };
  if (days < 0) return { text: t('overdue_by', { n: -days }), overdue: true };
  if (given?.overdue) return { text: t('overdue'), overdue: true };
  if (days === 0) return { text: t('due_today'), overdue: false };
  return { text: t('days_left_n', { n: days }), overdue: false };
}

export function DaysLeft({ today, due, days, overdue: late }: { today: string; due: string | undefined; days?: number; overdue?: boolean }) {
  const { text, overdue } = daysLeftText(today, due, { days, overdue: late });
  return (
    <span class={overdue ? 'badge badge-overdue' : 'badge'} aria-label={overdue ? `${t('overdue')}: ${text}` : text}>
      {overdue && <span aria-hidden="true">⚠ </span>}
      {text}
    </span>
  );
}

export function DueDate({ due }: { due: string | undefined }) {
  return due ? <time dateTime={due}>{formatDate(due)}</time> : <span>{t('none')}</span>;
}
