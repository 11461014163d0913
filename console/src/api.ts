// Every call the console makes to saqme's HTTP API, typed, in one place (docs/api.md and the
// contract in docs/console.md). Calls go to the same origin with the session cookie; every write
// carries X-CSRF-Token. A failure is an ApiError: status 0 means the server was not reached
// (the command may be retried with the same command id).

export interface ApiErrorBody {
  code: string;
  message: string;
  message_ka?: string;
  missing_power?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message_en: string,
    readonly message_ka: string,
  ) {
    super(message_en);
  }
  // True when the answer is not known (no answer, or the server was unavailable): a command
  // must then be retried with the same command id.
  get indefinite(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 502 || this.status === 504;
  }
}

export interface Me {
  person: string;
  login: string;
  post: string;
  posts: string[];
  acting_for: string[];
  powers: string[];
  auth: 'session' | 'token';
  must_change_password: boolean;
  csrf_token?: string;
  today?: string; // the server's Tbilisi date (its clock, simulated or not), when it says it
  now?: string; // the server's time, when it says it
}

export interface SessionAnswer {
  person: string;
  login: string;
  post: string;
  posts: string[];
  must_change_password: boolean;
  csrf_token: string;
}

export interface InboxItem {
  case_id: string;
  kind: string;
  state: string;
  action: string;
  due?: string;
  subject?: string;
  acting_for?: string;
  // Newer servers describe the item themselves; older ones leave these out and the console
  // reads the case view (Inbox.tsx) or counts the days itself.
  registration_number?: string;
  sender?: string;
  received_on?: string;
  instruction?: string;
  action_label_ka?: string;
  action_label_en?: string;
  days_left?: number; // calendar days from the server's today to `due`; negative when overdue
  overdue?: boolean;
  on_control?: boolean; // always present from a server that describes its items
}

export interface OrgUnit {
  id: string;
  name_ka: string;
  name_en: string;
  parent: string | null;
  head_post: string;
}
export interface OrgPost {
  id: string;
  title: string;
  title_en: string;
  unit: string;
  holder: string;
  supervisor: string;
  delegated_supervisor: string;
  powers: string[];
  acted_for_by?: string; // the post acting for it on `as_of`
}
export interface Org {
  body: string;
  as_of?: string;
  units: OrgUnit[];
  posts: OrgPost[];
  acting: { post: string; acting_post: string; from: string; to: string; basis: string; running?: boolean }[];
  appointments?: { post: string; person: string; from: string; basis: string }[];
}

export interface AllowedAction {
  type: string;
  label_ka: string;
  label_en: string;
}

// The case view: the keys docs/api.md lists; absent keys are simply not set on that case.
export interface CaseView {
  case_id: string;
  kind: string;
  state: string;
  version: number;
  registration_number?: string;
  registered_on?: string;
  received_on?: string;
  addressee?: string;
  sender?: string | { name?: string; kind?: string; address?: string };
  recipient?: string;
  subject?: string;
  summary?: string;
  title?: string;
  due?: string;
  due_explanation?: string;
  due_explanation_ka?: string; // the Georgian (the English for events recorded before it)
  deadline_setter?: string;
  executor?: string;
  co_executors?: string[];
  instruction?: string;
  on_control?: boolean;
  signed_by?: string;
  outgoing_number?: string;
  answer_text?: string;
  draft_answer?: string | { text?: string };
  participants?: string[];
  allowed_actions?: AllowedAction[];
  as_of?: string;
  at_version?: number;
  [key: string]: unknown;
}

export interface HistoryEvent {
  seq: number;
  case_id: string;
  version: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  // the post that acted and the person holding it (the engine records both)
  actor: { post: string; person: string; login?: string } | string;
  acting_for?: string; // "" when the actor acted for its own post
  command_id?: string;
  prev_hash: string;
  hash: string;
  data: Record<string, unknown>;
}
export interface History {
  case_id: string;
  events: HistoryEvent[];
}

export interface CaseSummary {
  case_id: string;
  kind: string;
  state: string;
  registration_number?: string;
  subject?: string;
  correspondent?: string;
  executor?: string;
  due?: string;
  opened_on?: string;
  overdue?: boolean;
}
export interface CaseList {
  cases: CaseSummary[];
  next_cursor: string | null;
}
export interface CaseQuery {
  q?: string;
  kind?: string;
  state?: string;
  executor?: string;
  unit?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export type FieldType = 'text' | 'date' | 'bool' | 'int' | 'enum' | 'post' | 'posts' | 'object' | 'list';
export interface SchemaField {
  name: string;
  type: FieldType;
  required: boolean;
  label_ka: string;
  label_en: string;
  values?: { value: string; label_ka: string; label_en: string }[];
  fields?: SchemaField[]; // object: its fields; list of objects: one element's
  element?: 'text' | 'date' | 'post'; // list of texts: what each element is
  min?: number; // int
  max?: number; // int
}
export interface CommandSchema {
  type: string;
  label_ka: string;
  label_en: string;
  opens_case: boolean;
  org_command?: boolean; // goes to POST /v1/org/commands
  fields: SchemaField[];
}

export interface CommandAnswer {
  case_id: string;
  version: number;
  duplicate: boolean;
  events: unknown[];
  registration_number?: string;
  due?: string;
  due_explanation?: string;
  due_explanation_ka?: string; // the Georgian (the English for events recorded before it)
  kind?: string;
  state?: string;
}

export interface JournalEntry {
  number: string | number;
  date: string;
  case_id: string;
  [key: string]: unknown;
}
export interface Journal {
  journal: string;
  year: number;
  entries: JournalEntry[];
  next_cursor?: string | null;
}

// A journal the body keeps (GET /v1/journals); a standing commission's or faction's own
// minutes register names that body.
export interface JournalListed {
  name: string;
  body_kind?: string; // "commission" | "faction"
  body_code?: string;
  body_name_ka?: string;
  body_name_en?: string;
}

export interface NomenclatureFile {
  code: string;
  title: string;
  retention: string;
  archived: boolean;
  case_id?: string;
}

export interface Alert {
  id: number;
  case_id: string;
  type: string;
  kind: string;
  subject: string;
  due: string;
  responsible: string;
  rule: string;
  rule_ka: string; // the Georgian (the English for alerts recorded before it)
  due_explanation?: string;
  due_explanation_ka?: string;
  role: string;
  acting_for: string;
  working_days_before: number;
  working_days_overdue: number;
  level: number;
  occurred_at: string;
  acknowledged: boolean;
}

export interface ControlFigures {
  open: number;
  due_this_week: number;
  overdue: number;
  answered_on_time: number;
  answered_late: number;
}
export interface ControlUnit extends ControlFigures {
  unit: string;
  parent?: string;
  totals?: ControlFigures; // with the units under it
  name: string;
  name_en: string;
  cases?: CaseSummary[];
}
export interface ControlPost extends ControlFigures {
  post: string;
  title: string;
  title_en: string;
  unit: string;
  holder: string;
  cases?: CaseSummary[];
}
export interface Control {
  today: string;
  week_ends: string;
  year: number;
  units: ControlUnit[];
  posts: ControlPost[];
}

export interface Figures {
  registered: number;
  answered_on_time: number;
  answered_late: number;
  redirected: number;
  open: number;
  average_days_to_answer: number;
  longest_days_to_answer: number;
  longest_case: string;
  extensions: number;
}
export interface AnnualReport {
  year: number;
  incoming: { total: number; by_kind: Record<string, number>; by_channel: Record<string, number> };
  outgoing: number;
  acts: { total: number; by_type: Record<string, number> };
  proceedings: Figures;
  public_information: Figures & { released: number; partly: number; refused: number };
  deadline_watch: { reminders: number; missed: number; escalations: number };
  nomenclature_cases: number;
  log: { intact: boolean; verified_through_seq: number; head_hash: string; anchor: string };
}

export interface Verification {
  ok: boolean;
  verified_through_seq: number;
  head_hash: string;
  anchor: string;
  checked: number;
  first_bad_seq?: number;
  problem?: string;
  anchor_checked?: string;
  anchor_holds?: boolean;
  anchor_problem?: string;
  anchor_problem_ka?: string;
}

export interface AccessEntry {
  at: string;
  post: string;
  person: string;
  case_id: string;
  route: string;
  ground: string;
}
export interface AccessLog {
  entries: AccessEntry[];
  next_cursor: string | null;
}

let csrfToken = '';
let onAuthProblem: (code: 'unauthorized' | 'password_change_required') => void = () => {};

// Called when a request other than the login and /v1/me finds the session gone (401) or the
// password still to be changed (403 password_change_required).
export function setAuthProblemHandler(handler: typeof onAuthProblem): void {
  onAuthProblem = handler;
}

// Remembers the CSRF token of the session (from the login answer or /v1/me).
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token ?? '';
}

type Query = Record<string, string | number | boolean | undefined | null>;

// "/v1/x" + "?a=1&b=2" without the empty parameters.
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'the server could not be reached', 'სერვერთან კავშირი ვერ დამყარდა');
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as { error?: ApiErrorBody } | null)?.error;
    if (path !== '/v1/session' && path !== '/v1/me') {
      if (response.status === 401) onAuthProblem('unauthorized');
      if (error?.code === 'password_change_required') onAuthProblem('password_change_required');
    }
    throw new ApiError(
      response.status,
      error?.code ?? 'http_' + response.status,
      error?.message ?? response.statusText,
      error?.message_ka ?? '',
    );
  }
  return parsed as T;
}

const get = <T>(path: string, query?: Query) => call<T>('GET', withQuery(path, query));
const seg = encodeURIComponent;

// ---- identity (sessions) ----
export const login = (login: string, password: string) =>
  call<SessionAnswer>('POST', '/v1/session', { login, password });
export const logout = () => call<unknown>('DELETE', '/v1/session');
export const changePassword = (password: string, new_password: string) =>
  call<unknown>('POST', '/v1/session/password', { password, new_password });
export const me = () => get<Me>('/v1/me');
// Acts as another of the person's own posts from now on (docs/auth.md); answers as /v1/me.
export const switchPost = (post: string) => call<Me>('POST', '/v1/session/post', { post });

// ---- work and cases ----
// A page of the caller's work (at most 1000 items, soonest due first), those expecting `action`
// when given; `total` counts every page's.
export interface InboxPage {
  post: string;
  items: InboxItem[];
  total?: number;
  next_cursor?: string | null;
}
export const inbox = (query: { action?: string; cursor?: string } = {}) =>
  get<InboxPage>('/v1/inbox', query);
export const org = () => get<Org>('/v1/org');
export const caseView = (id: string, at?: { at_version?: number; as_of?: string }) =>
  get<CaseView>(`/v1/cases/${seg(id)}`, at);
export const history = (id: string) => get<History>(`/v1/cases/${seg(id)}/history`);
export const historyUrl = (id: string, format: 'json' | 'csv') =>
  withQuery(`/v1/cases/${seg(id)}/history`, { format });
export const searchCases = (query: CaseQuery) => get<CaseList>('/v1/cases', query as Query);
export const commandSchema = () => get<{ commands: CommandSchema[] }>('/v1/commands/schema');

// An org command (set_acting, end_acting, appoint): POST /v1/org/commands, the case `org`.
export function executeOrg(commandId: string, command: Record<string, unknown>): Promise<CommandAnswer> {
  return call<CommandAnswer>('POST', '/v1/org/commands', { command_id: commandId, command });
}

// A command. `caseId` null opens a case (POST /v1/cases). `commandId` is the caller's, so that
// a retry after an indefinite failure is recognised as the same command.
export function execute(
  caseId: string | null,
  commandId: string,
  command: Record<string, unknown>,
  expectedVersion?: number,
): Promise<CommandAnswer> {
  const body: Record<string, unknown> = { command_id: commandId, command };
  if (expectedVersion !== undefined) body.expected_version = expectedVersion;
  return caseId === null
    ? call<CommandAnswer>('POST', '/v1/cases', body)
    : call<CommandAnswer>('POST', `/v1/cases/${seg(caseId)}/commands`, body);
}

// ---- records office ----
export const journals = () => get<{ journals: JournalListed[] }>('/v1/journals');
export const journal = (name: string, year: number, cursor?: string) =>
  get<Journal>(`/v1/journals/${seg(name)}`, { year, cursor });
export const journalUrl = (name: string, year: number, format: 'csv' | 'html') =>
  withQuery(`/v1/journals/${seg(name)}`, { year, format });
export const nomenclature = (year: number) =>
  get<{ year: number; cases: NomenclatureFile[] }>('/v1/nomenclature', { year });

// ---- supervision ----
export const alerts = (after?: number, limit = 100) =>
  get<{ post: string; alerts: Alert[]; cursor: number }>('/v1/alerts', { after, limit });
export const alertStreamUrl = '/v1/alerts/stream';
export const acknowledgeAlert = (id: number) => call<CommandAnswer>('POST', `/v1/alerts/${id}/ack`);
export const control = (query: { unit?: string; year?: number; drill?: 'overdue' | 'due_soon' }) =>
  get<Control>('/v1/control', query);
export const annualReport = (year: number) => get<AnnualReport>('/v1/reports/annual', { year });

// ---- audit ----
export const verifyChain = (anchor?: string) => get<Verification>('/v1/audit/verify', { anchor });
export const accessLog = (query: { case?: string; limit?: number; cursor?: string }) =>
  get<AccessLog>('/v1/audit/access', query);
export const accessLogCsvUrl = (caseId?: string) =>
  withQuery('/v1/audit/access', { case: caseId, format: 'csv' });

// A fresh command id (crypto.randomUUID where the browser offers it).
export function newCommandId(): string {
  // randomUUID needs a secure context (https or localhost); getRandomValues does not
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b: number) => b.toString(16).padStart(2, '0')).join('');
}
