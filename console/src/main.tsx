// The console's entry: the signed-in shell (header, navigation, the page of the path), or the
// login page. The page is picked from the path (router.ts); the server answers index.html for
// every console path.
import './app.css';
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { startAlertFeed, stopAlertFeed } from './alertFeed';
import { ApiError, logout, type Me, me as fetchMe, type Org, org as fetchOrg, setAuthProblemHandler, setCsrfToken, switchPost } from './api';
import { type Session, SessionContext } from './context';
import { lang as currentLang, type Lang, setLang, t } from './labels';
import { Pages } from './pages/Pages';
import { Login } from './pages/Login';
import { ChangePassword } from './pages/ChangePassword';
import { navigate, useLocation } from './router';
import { tbilisiToday } from './time';
import { ErrorBox, Loading, routeMissing } from './widgets/ErrorBox';
import { Header } from './widgets/Header';

type Sign =
  | { state: 'loading' }
  | { state: 'in'; me: Me }
  | { state: 'out'; notice: string }
  | { state: 'error'; error: unknown };

function App() {
  const [language, setLanguage] = useState<Lang>(currentLang());
  const [sign, setSign] = useState<Sign>({ state: 'loading' });
  const [org, setOrg] = useState<Org | null>(null);
  const where = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(where.path);

  const loadMe = useCallback(() => {
    fetchMe().then(
      (me) => {
        setCsrfToken(me.csrf_token);
        setSign({ state: 'in', me });
      },
      (error) => {
        if (error instanceof ApiError && error.status === 401) setSign({ state: 'out', notice: '' });
        else if (routeMissing(error)) setSign({ state: 'out', notice: t('err_not_available') });
        else setSign({ state: 'error', error });
      },
    );
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    loadMe();
    setAuthProblemHandler((code) => {
      if (code === 'unauthorized') {
        stopAlertFeed();
        setSign({ state: 'out', notice: t('err_session_expired') });
      } else {
        loadMe();
      }
    });
  }, []);

  const signedIn = sign.state === 'in' && !sign.me.must_change_password;

  // After each navigation, /v1/me again, quietly: the server's `today` moves with its clock (a
  // simulated clock advanced, or midnight passed) and so do the posts acted for; a session that
  // ended meanwhile is noticed at once.
  useEffect(() => {
    if (!signedIn) return;
    fetchMe().then(
      (me) => {
        setCsrfToken(me.csrf_token);
        // `now` moves on every call: only a change of anything else re-renders the pages
        const same = (a: Me) => JSON.stringify({ ...a, now: '' }) === JSON.stringify({ ...me, now: '' });
        setSign((s) => (s.state === 'in' && same(s.me) ? s : { state: 'in', me }));
      },
      (error) => {
        if (error instanceof ApiError && error.status === 401) {
          stopAlertFeed();
          setSign({ state: 'out', notice: t('err_session_expired') });
        }
      },
    );
  }, [where.path]);
  useEffect(() => {
    if (!signedIn) return;
    startAlertFeed();
    fetchOrg().then(setOrg, () => setOrg(null));
  }, [signedIn]);

  // After a navigation, the focus goes to the new page's main region (not on the first load).
  useEffect(() => {
    if (where.path !== firstPath.current) mainRef.current?.focus();
    firstPath.current = where.path;
  }, [where.path]);

  // The tab's title names the page (its heading, which may arrive with the page's data), for
  // screen readers and the history list.
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const update = () => {
      const heading = main.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} — saqme` : `saqme — ${t('app_name')}`;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  const toggleLanguage = () => {
    const next: Lang = language === 'ka' ? 'en' : 'ka';
    setLang(next);
    setLanguage(next);
  };

  const session = useMemo<Session | null>(() => {
    if (sign.state !== 'in') return null;
    return {
      me: sign.me,
      lang: language,
      today: sign.me.today ?? tbilisiToday(),
      org,
      switchPost: async (post: string) => {
        const next = await switchPost(post);
        setCsrfToken(next.csrf_token ?? sign.me.csrf_token);
        setSign({ state: 'in', me: { ...sign.me, ...next } });
        navigate('/'); // the inbox of the new post
      },
      reloadMe: loadMe,
    };
  }, [sign, language, org]);

  async function doLogout() {
    try {
      await logout();
    } catch {
      // the session is gone either way for this page
    }
    stopAlertFeed();
    setCsrfToken('');
    setSign({ state: 'out', notice: '' });
    navigate('/');
  }

  let body;
  if (sign.state === 'loading') body = <Loading />;
  else if (sign.state === 'error') body = <ErrorBox error={sign.error} onRetry={loadMe} />;
  else if (sign.state === 'out') body = <Login notice={sign.notice} onLoggedIn={loadMe} />;
  else if (sign.me.must_change_password) body = <ChangePassword forced onChanged={loadMe} />;
  else body = <Pages where={where} />;

  return (
    <SessionContext.Provider value={session}>
      <a href="#main" class="skip-link">
        {t('skip_to_content')}
      </a>
      {session && signedIn ? (
        <Header session={session} path={where.path} onToggleLanguage={toggleLanguage} onLogout={doLogout} />
      ) : (
        <header class="site-header">
          <div class="header-row">
            <span class="brand">saqme · {t('app_name')}</span>
            <div class="header-tools">
              <button type="button" onClick={toggleLanguage} lang={language === 'ka' ? 'en' : 'ka'}>
                {t('switch_language')}
              </button>
              {sign.state === 'in' && (
                <button type="button" onClick={doLogout}>
                  {t('log_out')}
                </button>
              )}
            </div>
          </div>
        </header>
      )}
      <main id="main" tabIndex={-1} ref={mainRef}>
        {body}
      </main>
    </SessionContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
