// The banner: who is signed in, the post whose work is shown, the language switch, the unread
// alerts (live), logout; then the navigation the caller's powers open.
import { useState } from 'preact/hooks';
import { useAlertFeed } from '../alertFeed';
import { errorText } from './ErrorBox';
import { postTitle, type Session } from '../context';
import { type LabelKey, t } from '../labels';
import { Link } from './Link';

interface NavItem {
  path: string;
  label: LabelKey;
  // the powers (any of them) that open it; empty: everyone
  powers: string[];
}

const NAV: NavItem[] = [
  { path: '/', label: 'nav_inbox', powers: [] },
  { path: '/register', label: 'nav_register', powers: ['register'] },
  // any post may draft a letter or an act (pages/New.tsx)
  { path: '/new', label: 'nav_new', powers: [] },
  { path: '/search', label: 'nav_search', powers: [] },
  { path: '/journals', label: 'nav_journals', powers: ['register', 'audit', 'resolve', 'dispatch', 'file'] },
  { path: '/queues', label: 'nav_queues', powers: ['dispatch', 'file'] },
  { path: '/nomenclature', label: 'nav_nomenclature', powers: ['register', 'file', 'approve_nomenclature', 'audit'] },
  { path: '/alerts', label: 'nav_alerts', powers: [] },
  { path: '/control', label: 'nav_control', powers: ['resolve', 'issue_assignments', 'register', 'audit'] },
  { path: '/reports', label: 'nav_reports', powers: ['resolve', 'register', 'audit', 'approve_nomenclature'] },
  { path: '/audit', label: 'nav_audit', powers: ['audit'] },
  { path: '/audit/access', label: 'nav_access_log', powers: ['audit'] },
  // the chart is everyone's to read; its forms are for the posts with `appoint`
  { path: '/org', label: 'nav_org', powers: [] },
];

// The navigation items `powers` open.
export function navFor(powers: string[]): NavItem[] {
  return NAV.filter((item) => item.powers.length === 0 || item.powers.some((p) => powers.includes(p)));
}

// False for a page of the navigation that `powers` do not open (its address typed or followed
// by someone it is not for); true for every other path.
export function mayOpen(path: string, powers: string[]): boolean {
  return !NAV.some((item) => item.path === path) || navFor(powers).some((item) => item.path === path);
}

// The post the caller acts as; a person with several posts of their own switches among them
// (the server then acts as that post: POST /v1/session/post). Posts acted for today are shown,
// their work being in the inbox already.
function PostSwitch({ session }: { session: Session }) {
  const { me } = session;
  const [error, setError] = useState<unknown>(null);
  const own = [...new Set([me.post, ...(me.posts ?? [])].filter(Boolean))];
  const acting = (me.acting_for ?? []).filter((p) => !own.includes(p));
  const canSwitch = me.auth === 'session' && own.length > 1;
  return (
    <span class="post-switch">
      {canSwitch ? (
        <>
          <label for="current-post">{t('current_post')}</label>
          <select id="current-post" value={me.post} onChange={(e) => {
            const post = (e.currentTarget as HTMLSelectElement).value;
            setError(null);
            session.switchPost(post).catch(setError);
          }}>
            {own.map((post) => (
              <option key={post} value={post}>{postTitle(session, post, false)}</option>
            ))}
          </select>
        </>
      ) : (
        <span>
          <span class="visually-hidden">{t('current_post')}: </span>
          <span class="post-title" title={postTitle(session, me.post, false)}>{postTitle(session, me.post, false)}</span>
        </span>
      )}
      {acting.length > 0 && (
        <span class="acting">
          {' '}· {t('acting_for')}: {acting.map((p) => postTitle(session, p)).join(', ')}
        </span>
      )}
      {error !== null && (
        <span role="alert" class="header-error">
          {' '}{errorText(error)}
        </span>
      )}
    </span>
  );
}

interface Props {
  session: Session;
  path: string;
  onToggleLanguage: () => void;
  onLogout: () => void;
}

export function Header({ session, path, onToggleLanguage, onLogout }: Props) {
  const { me } = session;
  const feed = useAlertFeed();
  const current = (item: NavItem) =>
    item.path === '/' ? path === '/' : path === item.path || (item.path !== '/audit' && path.startsWith(item.path + '/'));
  return (
    <header class="site-header">
      <div class="header-row">
        <Link href="/" class="brand">
          saqme · {t('app_name')}
        </Link>
        <div class="header-tools">
          <span class="person">
            <span class="visually-hidden">{t('person')}: </span>
            {me.person || me.login}
          </span>
          <PostSwitch session={session} />
          <Link href="/alerts" class="alert-count">
            <svg class="bell" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M8 1.5a4 4 0 0 0-4 4v3L2.5 11v1h11v-1L12 8.5v-3a4 4 0 0 0-4-4zM6.5 13a1.5 1.5 0 0 0 3 0z" />
            </svg>
            <span class="count">{feed.unread}</span>
            <span class="visually-hidden"> {t('unread_alerts')}</span>
          </Link>
          <button type="button" onClick={onToggleLanguage} lang={session.lang === 'ka' ? 'en' : 'ka'}>
            {t('switch_language')}
          </button>
          {me.auth === 'session' && (
            <>
              <Link href="/password">{t('change_password_title')}</Link>
              <button type="button" onClick={onLogout}>
                {t('log_out')}
              </button>
            </>
          )}
        </div>
      </div>
      <nav aria-label={t('main_nav')}>
        <ul>
          {navFor(me.powers ?? []).map((item) => (
            <li key={item.path}>
              <Link href={item.path} aria-current={current(item) ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
