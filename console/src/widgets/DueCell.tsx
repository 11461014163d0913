// A deadline with the days left, marked (by text, an aria label and colour) when overdue.
import { t } from '../labels';
import { daysBetween, formatDate } from '../time';

export function daysLeftText(today: string, due: string | undefined): { text: string; overdue: boolean } {
  const days = daysBetween(today, due);
  if (days === null) return { text: t('no_due'), overdue: false };
  if (days < 0) return { text: t('overdue_by', { n: -days }), overdue: true };
  if (days === 0) return { text: t('due_today'), overdue: false };
  return { text: t('days_left_n', { n: days }), overdue: false };
}

export function DaysLeft({ today, due }: { today: string; due: string | undefined }) {
  const { text, overdue } = daysLeftText(today, due);
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
