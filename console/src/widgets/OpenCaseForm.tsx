// A case-opening command (opens_case in the schema: approve_nomenclature, issue_assignment,
// draft_letter, draft_act, declare_day_off) behind a button: the form from the schema, sent to
// POST /v1/cases; on success a confirmation naming the case, with its link.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type CommandAnswer, execute } from '../api';
import { useCommand } from '../command';
import { useSession } from '../context';
import { pick, t } from '../labels';
import { useLoad } from '../load';
import { loadSchema } from '../schema';
import { CommandForm, type Values } from './CommandForm';
import { ErrorBox, Loading } from './ErrorBox';
import { CaseLink } from './Link';

interface Props {
  type: string; // the command type
  initial?: Values; // prefilled values (e.g. the year shown)
  onDone?: () => void; // after a success (e.g. reload the page's list)
  // where the command goes; default POST /v1/cases (the org commands: api.executeOrg)
  send?: (commandId: string, body: Record<string, unknown>) => Promise<CommandAnswer>;
}

// requires: `type` is a command the schema marks opens_case, or `send` says where it goes.
// guarantees: one send per submit, retried with the same id after an indefinite failure.
export function OpenCaseForm({ type, initial, onDone, send }: Props) {
  const session = useSession();
  const schema = useLoad(loadSchema, []);
  const runner = useCommand();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<CommandAnswer | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);
  const command = schema.data?.find((c) => c.type === type);
  const title = command ? pick(command.label_ka, command.label_en) || type : type;
  const close = () => {
    runner.reset();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div class="open-case">
      {done && (
        <p class="success" role="status" tabIndex={-1} ref={status}>
          {title}: {t('command_done')}{' '}
          <CaseLink id={done.case_id}>{done.registration_number || t('open_case')}</CaseLink>
        </p>
      )}
      <button type="button" ref={button} aria-expanded={open} class={open ? 'primary' : ''}
        onClick={() => {
          runner.reset();
          setDone(null);
          setOpen(!open);
        }}>
        {title}
      </button>
      {open && schema.loading && <Loading />}
      {open && schema.error !== null && <ErrorBox error={schema.error} onRetry={schema.reload} />}
      {open && schema.data && !command && <p class="notice">{t('err_not_available')}</p>}
      {open && command && (
        <CommandForm key={type} command={command} org={session.org} year={Number(session.today.slice(0, 4))}
          initial={initial} runner={runner}
          send={(commandId, body) => (send ? send(commandId, body) : execute(null, commandId, body))}
          onDone={(answer) => {
            setOpen(false);
            setDone(answer as CommandAnswer);
            onDone?.();
          }}
          onCancel={close} />
      )}
    </div>
  );
}
