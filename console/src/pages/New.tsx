// "New": the case-opening commands other than registration and the nomenclature — an
// assignment, a letter on the body's own initiative, a draft legal act, a declared day off, an
// "Idea to the Mayor" e-petition, an act issued orally —
// each offered to the posts that may send it (the server decides regardless).
import { useSession } from '../context';
import { t } from '../labels';
import { OpenCaseForm } from '../widgets/OpenCaseForm';

// Each command and the power it needs ('' = any post: drafts need authority only to be signed).
export const NEW_COMMANDS: { type: string; power: string }[] = [
  { type: 'issue_assignment', power: 'issue_assignments' },
  { type: 'draft_letter', power: '' },
  { type: 'draft_act', power: '' },
  { type: 'declare_day_off', power: 'declare_days_off' },
  { type: 'submit_petition', power: 'register' },
  { type: 'issue_oral_act', power: 'issue_orders' },
  { type: 'require_report', power: 'register' },
];

export function NewPage() {
  const powers = useSession().me.powers ?? [];
  const offered = NEW_COMMANDS.filter((c) => !c.power || powers.includes(c.power));
  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">{t('new_title')}</h1>
      <ul class="new-commands">
        {offered.map((c) => (
          <li key={c.type}>
            <OpenCaseForm type={c.type} />
          </li>
        ))}
      </ul>
    </section>
  );
}
