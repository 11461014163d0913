// A page in place of one the caller may not see: a heading that says why, and the way back to
// the inbox. Used for a case not readable (or not there) and for a page not for the post.
import { t } from '../labels';
import { Link } from './Link';

export function Refusal({ id, title }: { id: string; title: string }) {
  return (
    <section aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <p>
        <Link href="/">{t('nav_inbox')}</Link>
      </p>
    </section>
  );
}
