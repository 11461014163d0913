// The page of each console path.
import { t } from '../labels';
import type { Location } from '../router';
import { useSession } from '../context';
import { AccessLogPage } from './AccessLog';
import { AlertsPage } from './Alerts';
import { AuditPage } from './Audit';
import { CasePage } from './Case';
import { ChangePassword } from './ChangePassword';
import { ControlPage } from './Control';
import { InboxPage } from './Inbox';
import { JournalsPage } from './Journals';
import { NewPage } from './New';
import { NomenclaturePage } from './Nomenclature';
import { OrganisationPage } from './Organisation';
import { QueuesPage } from './Queues';
import { RegisterPage } from './Register';
import { ReportsPage } from './Reports';
import { SearchPage } from './Search';
import { mayOpen } from '../widgets/Header';
import { Refusal } from '../widgets/Refusal';

export function Pages({ where }: { where: Location }) {
  const session = useSession();
  const { path, query } = where;
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path);
  if (caseMatch) return <CasePage id={decodeURIComponent(caseMatch[1])} />;
  // the server would refuse the page's reads anyway; say so once instead of page by page
  if (!mayOpen(path, session.me.powers ?? [])) {
    return <Refusal id="forbidden-title" title={t('err_page_forbidden')} />;
  }
  switch (path) {
    case '/':
      return <InboxPage />;
    case '/register':
      return <RegisterPage />;
    case '/search':
      return <SearchPage query={query} />;
    case '/journals':
      return <JournalsPage />;
    case '/queues':
      return <QueuesPage />;
    case '/new':
      return <NewPage />;
    case '/nomenclature':
      return <NomenclaturePage />;
    case '/org':
      return <OrganisationPage />;
    case '/alerts':
      return <AlertsPage />;
    case '/control':
      return <ControlPage />;
    case '/reports':
      return <ReportsPage />;
    case '/audit':
      return <AuditPage initialCase={query.get('case') ?? ''} />;
    case '/audit/access':
      return <AccessLogPage initialCase={query.get('case') ?? ''} />;
    case '/password':
      return <ChangePassword forced={false} onChanged={session.reloadMe} />;
    default:
      return (
        <section aria-labelledby="missing-title">
          <h1 id="missing-title">{t('err_page_missing')}</h1>
        </section>
      );
  }
}
