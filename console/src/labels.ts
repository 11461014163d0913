// Every label of the console in Georgian and English, in one table. Georgian is the default;
// the English switch is remembered in localStorage. Month names live here rather than in the
// browser's ICU data, which does not always carry Georgian.

export type Lang = 'ka' | 'en';

const table = {
  app_name: ['საქმისწარმოება', 'Records and proceedings'],
  skip_to_content: ['მთავარ შინაარსზე გადასვლა', 'Skip to main content'],
  language: ['ენა', 'Language'],
  switch_language: ['English', 'ქართული'],
  loading: ['იტვირთება…', 'Loading…'],
  retry: ['თავიდან ცდა', 'Try again'],
  close: ['დახურვა', 'Close'],
  submit: ['გაგზავნა', 'Submit'],
  cancel: ['გაუქმება', 'Cancel'],
  search: ['ძიება', 'Search'],
  next_page: ['შემდეგი გვერდი', 'Next page'],
  shown_of: ['ნაჩვენებია {n}, სულ {m}', 'Showing {n} of {m}'],
  previous: ['წინა', 'Previous'],
  next: ['შემდეგი', 'Next'],
  yes: ['კი', 'yes'],
  no: ['არა', 'no'],
  none: ['—', '—'],
  all: ['ყველა', 'all'],
  year: ['წელი', 'Year'],
  show: ['ჩვენება', 'Show'],
  nothing_found: ['ჩანაწერი არ არის', 'Nothing here'],
  required: ['სავალდებულო ველი', 'This field is required'],
  invalid_date: ['თარიღი არასწორია (წწწწ-თთ-დდ)', 'Not a valid date (YYYY-MM-DD)'],
  invalid_number: ['უნდა იყოს მთელი რიცხვი', 'Must be a whole number'],
  add_item: ['დამატება', 'Add'],
  remove_item: ['წაშლა', 'Remove'],
  choose: ['— აირჩიეთ —', '— choose —'],

  // errors
  err_network: ['სერვერთან კავშირი ვერ დამყარდა. სცადეთ თავიდან — ბრძანება ორჯერ არ შესრულდება.',
    'Could not reach the server. Try again — the command will not run twice.'],
  err_not_available: ['ეს ფუნქცია სერვერზე ჯერ არ არის ხელმისაწვდომი.',
    'This function is not available on the server yet.'],
  err_no_access: ['საქმე არ არსებობს, ან მისი ნახვის უფლება არ გაქვთ.',
    'There is no such case, or you may not read it.'],
  err_forbidden: ['ამ მოქმედების უფლება არ გაქვთ.', 'You are not allowed to do this.'],
  err_session_expired: ['სესია დასრულდა. შედით თავიდან.', 'Your session has ended. Please log in again.'],
  err_unexpected: ['მოულოდნელი შეცდომა', 'Unexpected error'],
  err_page_missing: ['ასეთი გვერდი არ არსებობს.', 'There is no such page.'],
  err_page_forbidden: ['ეს გვერდი თქვენი თანამდებობისთვის არ არის.', 'This page is not for your post.'],

  // login
  login_title: ['სისტემაში შესვლა', 'Log in'],
  login_name: ['მომხმარებელი', 'Login'],
  password: ['პაროლი', 'Password'],
  log_in: ['შესვლა', 'Log in'],
  log_out: ['გასვლა', 'Log out'],
  login_wrong: ['მომხმარებელი ან პაროლი არასწორია.', 'Wrong login or password.'],
  login_rate_limited: ['ძალიან ბევრი წარუმატებელი ცდა. მოიცადეთ და სცადეთ მოგვიანებით.',
    'Too many failed attempts. Wait a while and try again.'],
  change_password_title: ['პაროლის შეცვლა', 'Change your password'],
  change_password_needed: ['გაგრძელებამდე შეცვალეთ დროებითი პაროლი.',
    'Change your temporary password before you go on.'],
  old_password: ['ამჟამინდელი პაროლი', 'Current password'],
  new_password: ['ახალი პაროლი', 'New password'],
  password_rule: ['მინიმუმ 10 სიმბოლო (ქართული ასო ერთ სიმბოლოდ ითვლება), მაქსიმუმ 256', 'At least 10 characters (a Georgian letter counts as one), at most 256'],
  password_too_short: ['პაროლი მოკლეა: მინიმუმ 10 სიმბოლო', 'The password is too short: at least 10 characters'],
  new_password_again: ['ახალი პაროლი კიდევ ერთხელ', 'New password again'],
  passwords_differ: ['პაროლები არ ემთხვევა', 'The passwords differ'],
  password_changed: ['პაროლი შეიცვალა.', 'Your password was changed.'],

  // header and navigation
  main_nav: ['მთავარი მენიუ', 'Main menu'],
  person: ['პირი', 'Person'],
  current_post: ['თანამდებობა', 'Post'],
  acting_for: ['მოვალეობის შემსრულებელი', 'acting for'],
  unread_alerts: ['წაუკითხავი შეტყობინება', 'unread alerts'],
  nav_inbox: ['შემოსული სამუშაო', 'Inbox'],
  nav_register: ['რეგისტრაცია', 'Register'],
  nav_search: ['ძიება', 'Search'],
  nav_new: ['ახალი', 'New'],
  new_title: ['ახალი საქმე', 'New case'],
  nav_journals: ['ჟურნალები', 'Journals'],
  nav_queues: ['გაგზავნა და შენახვა', 'Dispatch and filing'],
  nav_nomenclature: ['ნომენკლატურა', 'Nomenclature'],
  nav_alerts: ['შეტყობინებები', 'Alerts'],
  nav_control: ['კონტროლი', 'Control'],
  nav_reports: ['ანგარიში', 'Reports'],
  nav_audit: ['აუდიტი', 'Audit'],
  nav_access_log: ['წვდომის ჟურნალი', 'Access log'],
  nav_org: ['ორგანიზაცია', 'Organisation'],

  // inbox
  inbox_title: ['შემოსული სამუშაო', 'Open work'],
  registration_number: ['სარეგისტრაციო ნომერი', 'Registration number'],
  sender: ['გამომგზავნი', 'Sender'],
  subject: ['საკითხი', 'Subject'],
  due: ['ვადა', 'Due'],
  days_left: ['დარჩენილი დღე', 'Days left'],
  step: ['მოსალოდნელი მოქმედება', 'Expected step'],
  overdue: ['ვადაგადაცილებული', 'overdue'],
  overdue_column: ['ვადაგადაცილებული', 'Overdue'],
  overdue_by: ['ვადაგადაცილება: {n} დღე', 'overdue by {n} days'],
  days_left_n: ['{n} დღე', '{n} days'],
  due_today: ['დღეს', 'today'],
  no_due: ['ვადა არ არის', 'no deadline'],
  open_case: ['საქმის გახსნა', 'Open the case'],

  // registration
  register_title: ['შემოსული დოკუმენტის რეგისტრაცია', 'Register an incoming document'],
  kind: ['სახე', 'Kind'],
  channel: ['შემოსვლის გზა', 'Channel'],
  sender_name: ['გამომგზავნის სახელი', "Sender's name"],
  sender_kind: ['გამომგზავნის სახე', 'Kind of sender'],
  sender_address: ['გამომგზავნის მისამართი', "Sender's address"],
  summary: ['მოკლე შინაარსი', 'Summary'],
  pages: ['ფურცლების რაოდენობა', 'Pages'],
  received_on: ['მიღების თარიღი', 'Received on'],
  addressee: ['ადრესატი', 'Addressee'],
  stated_due: ['დოკუმენტში მითითებული ვადა', 'Due date stated in the document'],
  register_button: ['რეგისტრაცია', 'Register'],
  registered_as: ['დოკუმენტი დარეგისტრირდა ნომრით {n}.', 'The document was registered as {n}.'],
  deadline: ['ვადა', 'Deadline'],
  deadline_why: ['ვადის საფუძველი', 'Why this deadline'],
  ground_participant: ['მონაწილე', 'participant'],
  ground_supervisor: ['ზედამხედველი', 'supervisor'],
  ground_records: ['საქმისწარმოების სამსახური', 'records office'],
  ground_audit: ['აუდიტორი', 'auditor'],
  ground_public: ['საჯარო აქტი', 'published act'],
  route_case: ['საქმის ნახვა', 'viewed the case'],
  route_history: ['საქმის ისტორიის ნახვა', 'read the case history'],
  route_search: ['ძიება', 'searched'],
  outgoing_channel: ['გაგზავნის არხი', 'Dispatched by'],
  pages_hint: ['0 ან მეტი', '0 or more'],
  pages_not_negative: ['ფურცლების რაოდენობა: მთელი რიცხვი, 0 ან მეტი', 'Pages: a whole number, 0 or more'],
  on_control_mark: ['კონტროლზეა', 'On control'],
  due_date: ['ვადის ბოლო დღე', 'Due on'],
  deadline_set_by: ['ვადა განსაზღვრა', 'Deadline set by'],
  decision: ['გადაწყვეტილება', 'Decision'],
  decision_by: ['გადაწყვიტა', 'Decided by'],
  answer: ['პასუხი', 'Answer'],
  history_step_through: ['ისტორიის ნაბიჯ-ნაბიჯ ნახვა (აუდიტი)', 'History step-through (audit)'],
  form_has_errors: ['ფორმაში შეცდომებია — იხილეთ ველებთან.', 'The form has errors — see the fields.'],

  // case
  case_title: ['საქმე', 'Case'],
  document: ['დოკუმენტი', 'Document'],
  resolution: ['რეზოლუცია', 'Resolution'],
  instruction: ['დავალება', 'Instruction'],
  executor: ['შემსრულებელი', 'Executor'],
  co_executors: ['თანაშემსრულებლები', 'Co-executors'],
  on_control: ['კონტროლზე', 'On control'],
  draft_answer: ['პასუხის პროექტი', 'Draft answer'],
  no_draft: ['პასუხის პროექტი ჯერ არ არის.', 'No draft answer yet.'],
  state: ['მდგომარეობა', 'State'],
  version: ['ვერსია', 'Version'],
  timeline: ['ისტორია', 'Timeline'],
  actions: ['მოქმედებები', 'Actions'],
  no_actions: ['ამჟამად თქვენთვის მოქმედება არ არის.', 'Nothing for you to do now.'],
  actions_unavailable: ['შესაძლო მოქმედებების სია სერვერმა არ მოგვცა.',
    'The server did not say which actions you may take.'],
  who: ['ვინ', 'Who'],
  actor_system: ['სისტემა (ვადების კონტროლი)', 'system (deadline watch)'],
  business_time: ['მოქმედების დრო', 'Business time'],
  recorded_time: ['ჩაწერის დრო', 'Recorded'],
  what_changed: ['რა შეიცვალა', 'What changed'],
  command_done: ['შესრულდა.', 'Done.'],
  retrying_same_id: ['ხელახალი ცდა იმავე ბრძანების ნომრით', 'Retrying with the same command id'],
  participants: ['მონაწილეები', 'Participants'],
  registered_on: ['რეგისტრაციის თარიღი', 'Registered on'],
  recipient: ['ადრესატი', 'Recipient'],
  signed_by: ['ხელმომწერი', 'Signed by'],
  outgoing_number: ['გასული ნომერი', 'Outgoing number'],
  title: ['სათაური', 'Title'],

  // search
  search_title: ['საქმეების ძიება', 'Search cases'],
  query: ['საძიებო სიტყვა', 'Search words'],
  unit: ['სტრუქტურული ერთეული', 'Unit'],
  only_overdue: ['მხოლოდ ვადაგადაცილებული', 'Overdue only'],
  from: ['დან', 'From'],
  to: ['მდე', 'To'],
  opened_on: ['გახსნის თარიღი', 'Opened on'],
  correspondent: ['კორესპონდენტი', 'Correspondent'],

  // journals
  journals_title: ['ჟურნალები', 'Journals'],
  journal: ['ჟურნალი', 'Journal'],
  // a standing commission's or faction's own minutes register, {name} the body's name
  minutes_of_commission: ['კომისიის სხდომების ოქმები — {name}', 'Commission minutes — {name}'],
  minutes_of_faction: ['ფრაქციის სხდომების ოქმები — {name}', 'Faction minutes — {name}'],
  print: ['ბეჭდვა', 'Print'],
  download_csv: ['CSV ჩამოტვირთვა', 'Download CSV'],
  number: ['ნომერი', 'Number'],
  date: ['თარიღი', 'Date'],
  queues_title: ['გასაგზავნი და შესანახი', 'To dispatch and to file'],
  queue_dispatch: ['გასაგზავნი', 'To dispatch'],
  queue_file: ['საქმეში ჩასაკერებელი', 'To file'],
  nomenclature_title: ['საქმეთა ნომენკლატურა', 'Nomenclature of files'],
  org_title: ['ორგანიზაცია: თანამდებობები და მოვალეობის შემსრულებლები', 'Organisation: posts and acting officers'],
  org_posts: ['თანამდებობები', 'Posts'],
  org_acting: ['მოვალეობის შემსრულებლები', 'Acting officers'],
  org_appointments: ['დანიშვნები', 'Appointments'],
  org_history: ['ცვლილებების ისტორია', 'History of the changes'],
  absent_post: ['არმყოფი თანამდებობა', 'Absent post'],
  acting_post: ['მოვალეობის შემსრულებელი', 'Acting post'],
  acted_for_by: ['დღეს მოვალეობას ასრულებს', 'Acted for today by'],
  date_from: ['დან', 'From'],
  date_to: ['მდე', 'To'],
  basis: ['საფუძველი', 'Basis'],
  running: ['მოქმედებს დღეს', 'In force today'],
  vacant: ['ვაკანტური', 'vacant'],
  code: ['ინდექსი', 'Code'],
  retention: ['შენახვის ვადა', 'Retention'],
  archived: ['არქივშია', 'Archived'],

  // auditor
  audit_title: ['აუდიტი', 'Audit'],
  case_id: ['საქმის იდენტიფიკატორი', 'Case id'],
  step_through: ['საქმე მოვლენების მიხედვით', 'The case event by event'],
  after_event: ['მოვლენა {n} / {m}-ის შემდეგ', 'After event {n} of {m}'],
  as_of: ['მდგომარეობა მომენტისთვის', 'As of a moment'],
  as_of_hint: ['თბილისის დრო', 'Tbilisi time'],
  case_or_number: ['საქმის იდენტიფიკატორი ან სარეგისტრაციო ნომერი', 'Case id or registration number'],
  err_no_such_number: ['ასეთი ნომრით საქმე ვერ მოიძებნა', 'No case with this registration number'],
  event_hash: ['ჰეში', 'hash'],
  event_prev_hash: ['წინა მოვლენის ჰეში', 'previous event\'s hash'],
  chain: ['ჰეშ-ჯაჭვის შემოწმება', 'Hash chain verification'],
  verify: ['შემოწმება', 'Verify'],
  chain_ok: ['ჯაჭვი მთლიანია', 'The chain is intact'],
  chain_broken: ['ჯაჭვი დარღვეულია', 'The chain is broken'],
  verified_through: ['შემოწმებულია მოვლენამდე', 'Verified through event'],
  anchor: ['ანკერი', 'Anchor'],
  anchor_to_check: ['გამოქვეყნებული ანკერი (არასავალდებულო)', 'A published anchor (optional)'],
  anchor_holds: ['ანკერი მართებულია', 'The anchor holds'],
  anchor_fails: ['ანკერი არ დასტურდება', 'The anchor does not hold'],
  export_json: ['ისტორია JSON', 'History as JSON'],
  export_csv: ['ისტორია CSV', 'History as CSV'],
  access_log_title: ['წვდომის ჟურნალი', 'Access log'],
  at: ['დრო', 'Time'],
  post: ['თანამდებობა', 'Post'],
  route: ['მისამართი', 'Route'],
  ground: ['საფუძველი', 'Ground'],
  filter_case: ['საქმის მიხედვით (არასავალდებულო)', 'For one case (optional)'],

  // supervisor
  alerts_title: ['შეტყობინებები', 'Alerts'],
  acknowledge: ['გაცნობა', 'Acknowledge'],
  acknowledged: ['გაცნობილია', 'Acknowledged'],
  rule: ['წესი', 'Rule'],
  level: ['დონე', 'Level'],
  live: ['პირდაპირი განახლება ჩართულია', 'Live updates on'],
  live_off: ['პირდაპირი განახლება გათიშულია', 'Live updates off'],
  control_title: ['კონტროლის დაფა', 'Control dashboard'],
  open: ['ღია', 'Open'],
  due_this_week: ['ვადა ამ კვირაში', 'Due this week'],
  answered_on_time: ['ვადაში', 'On time'],
  answered_late: ['ვადის გადაცილებით', 'Late'],
  holder: ['პირი', 'Holder'],
  drill_overdue: ['ვადაგადაცილებული საქმეები', 'Overdue cases'],
  drill_due_soon: ['მალე ვადიანი საქმეები', 'Cases due soon'],
  today_is: ['დღეს: {d}', 'Today: {d}'],
  week_ends: ['კვირა მთავრდება: {d}', 'Week ends: {d}'],

  // reports
  reports_title: ['წლიური ანგარიში', 'Annual report'],
  incoming_total: ['შემოსული დოკუმენტები', 'Incoming documents'],
  outgoing_total: ['გასული დოკუმენტები', 'Outgoing documents'],
  acts_total: ['სამართლებრივი აქტები', 'Legal acts'],
  incoming_per_month: ['შემოსული დოკუმენტები თვეების მიხედვით', 'Incoming documents per month'],
  on_time_per_unit: ['ვადაში და ვადის გადაცილებით ნაპასუხები, ერთეულების მიხედვით',
    'Answered on time and late, per unit'],
  pi_outcomes: ['საჯარო ინფორმაციის მოთხოვნების შედეგი', 'Public-information requests: outcomes'],
  released: ['გაცემულია სრულად', 'Released in full'],
  partly: ['გაცემულია ნაწილობრივ', 'Released in part'],
  refused: ['უარი', 'Refused'],
  chart_table: ['დიაგრამის მონაცემები', 'The chart as a table'],
  count: ['რაოდენობა', 'Count'],
  month: ['თვე', 'Month'],
  log_intact: ['ჟურნალის მთლიანობა', 'Log integrity'],
  average_days: ['პასუხის საშუალო ვადა (დღე)', 'Average days to answer'],
  reminders: ['შეხსენებები', 'Reminders'],
  missed: ['გაცდენილი ვადები', 'Missed deadlines'],
  escalations: ['ესკალაციები', 'Escalations'],
  per_unit_missing: ['ერთეულების მონაცემები მიუწვდომელია.', 'Per-unit figures are not available.'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof table;

// Georgian and English month names, January first.
// The fields of events (a case's timeline, its history stepped through), by JSON name.
const fieldNames: Record<string, readonly [string, string]> = {
  abstained: ['თავი შეიკავა', 'Abstained'],
  accepted: ['მიღებულია', 'Accepted'],
  act_type: ['აქტის სახე', 'Type of act'],
  acting_for: ['ვის ნაცვლად', 'Acting for'],
  address: ['მისამართი', 'Address'],
  addressee: ['ადრესატი', 'Addressee'],
  alert_seq: ['შეტყობინების ნომერი', 'Alert number'],
  applicant_notified: ['განმცხადებელს ეცნობა', 'Applicant notified'],
  assignee: ['შემსრულებელი', 'Assignee'],
  author: ['ავტორი', 'Author'],
  by: ['ვინ', 'By'],
  by_act: ['აქტით', 'By act'],
  by_act_number: ['აქტის ნომერი', 'Act number'],
  channel: ['არხი', 'Channel'],
  co_executors: ['თანაშემსრულებლები', 'Co-executors'],
  code: ['ინდექსი', 'Code'],
  concerns_more_than50: ['ეხება 50-ზე მეტ პირს', 'Concerns more than 50 persons'],
  date: ['თარიღი', 'Date'],
  day_off: ['დასვენების დღე', 'Day off'],
  decided_by: ['გადაწყვიტა', 'Decided by'],
  declared_by: ['ვინ გამოაცხადა', 'Declared by'],
  due: ['ვადა', 'Due'],
  due_explanation: ['ვადის განმარტება', 'How the deadline was set'],
  effective_on: ['ძალაშია', 'Effective on'],
  endorsers: ['მავიზირებლები', 'Endorsers'],
  executor: ['შემსრულებელი', 'Executor'],
  explain_by: ['ახსნა-განმარტების ვადა', 'Explanation due by'],
  explain_by_explanation: ['ახსნა-განმარტების ვადის განმარტება', 'How the explanation deadline was set'],
  explanation: ['განმარტება', 'Explanation'],
  files: ['საქმეები', 'Files'],
  ground: ['საფუძველი', 'Ground'],
  in_force_ground: ['ძალაში შესვლის საფუძველი', 'Ground of entry into force'],
  in_force_on: ['ძალაში შესვლის თარიღი', 'In force on'],
  instruction: ['დავალება', 'Instruction'],
  issuer: ['გამომცემი', 'Issuer'],
  kind: ['სახე', 'Kind'],
  lead_executor: ['მთავარი შემსრულებელი', 'Lead executor'],
  level: ['დონე', 'Level'],
  name: ['სახელი, დასახელება', 'Name'],
  new_due: ['ახალი ვადა', 'New due date'],
  nomenclature_code: ['ნომენკლატურის ინდექსი', 'Nomenclature code'],
  note: ['შენიშვნა', 'Note'],
  notified: ['ეცნობა', 'Notified'],
  notified_on: ['ეცნობა (თარიღი)', 'Notified on'],
  number: ['ნომერი', 'Number'],
  on_control: ['კონტროლზე', 'On control'],
  opinion: ['დასკვნა', 'Opinion'],
  outcome: ['შედეგი', 'Outcome'],
  outgoing_number: ['გასული ნომერი', 'Outgoing number'],
  pages: ['გვერდები', 'Pages'],
  person: ['პირი', 'Person'],
  post: ['თანამდებობა', 'Post'],
  postal_number: ['საფოსტო ნომერი', 'Postal number'],
  previous_due: ['წინა ვადა', 'Previous due date'],
  public_proceeding: ['საჯარო წარმოება', 'Public proceeding'],
  published_on: ['გამოქვეყნების თარიღი', 'Published on'],
  reason: ['მიზეზი', 'Reason'],
  received_on: ['მიღების თარიღი', 'Received on'],
  received_at: ['მიღების დრო', 'Received at'],
  incoming_number: ['შემოსული დოკუმენტის ნომერი', 'Incoming number'],
  resolution_by: ['რეზოლუციის ავტორი', 'Resolution by'],
  recipient: ['ადრესატი', 'Recipient'],
  recipients: ['ადრესატები', 'Recipients'],
  registration_number: ['სარეგისტრაციო ნომერი', 'Registration number'],
  related_case: ['დაკავშირებული საქმე', 'Related case'],
  remark: ['შენიშვნა', 'Remark'],
  responsible: ['პასუხისმგებელი', 'Responsible'],
  retention: ['შენახვის ვადა', 'Retention'],
  role: ['როლი', 'Role'],
  rule: ['წესი', 'Rule'],
  scope: ['მოცულობა', 'Scope'],
  sender: ['გამგზავნი', 'Sender'],
  session_date: ['სხდომის თარიღი', 'Session date'],
  signatory: ['ხელმომწერი', 'Signatory'],
  stated_due: ['მითითებული ვადა', 'Stated due date'],
  statutory_extension: ['კანონით გაგრძელება', 'Statutory extension'],
  step_date: ['ეტაპის თარიღი', 'Step date'],
  subject: ['საკითხი', 'Subject'],
  summary: ['მოკლე შინაარსი', 'Summary'],
  text: ['ტექსტი', 'Text'],
  title: ['სათაური', 'Title'],
  to_body: ['უწყებას', 'To the body'],
  to_executor: ['შემსრულებელს', 'To the executor'],
  votes_against: ['წინააღმდეგ', 'Votes against'],
  votes_for: ['მომხრე', 'Votes for'],
  working_days_before: ['სამუშაო დღით ადრე', 'Working days before'],
  working_days_overdue: ['სამუშაო დღით გადაცილება', 'Working days overdue'],
  year: ['წელი', 'Year'],
};

const months: Record<Lang, readonly string[]> = {
  ka: ['იანვარი', 'თებერვალი', 'მარტი', 'აპრილი', 'მაისი', 'ივნისი', 'ივლისი', 'აგვისტო',
    'სექტემბერი', 'ოქტომბერი', 'ნოემბერი', 'დეკემბერი'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'],
};

// Names the server sends as identifiers (case kinds, states, inbox steps, enum values).
const names: Record<string, readonly [string, string]> = {
  correspondence: ['კორესპონდენცია', 'Correspondence'],
  application: ['განცხადება', 'Application'],
  public_information: ['საჯარო ინფორმაციის მოთხოვნა', 'Public-information request'],
  complaint: ['საჩივარი', 'Complaint'],
  legal_act: ['სამართლებრივი აქტი', 'Legal act'],
  assignment: ['დავალება', 'Assignment'],
  outgoing_letter: ['გასული წერილი', 'Outgoing letter'],
  nomenclature: ['ნომენკლატურა', 'Nomenclature'],
  calendar: ['კალენდარი', 'Calendar'],
  petition: ['ელექტრონული პეტიცია „იდეა მერს“', 'E-petition ("Idea to the Mayor")'],
  oral_act: ['ზეპირად გამოცემული აქტი', 'Act issued orally'],
  screening: ['შემოწმების ეტაპზე', 'Screening'],
  defective: ['ხარვეზის გამოსწორების ეტაპზე', 'Defects to fix'],
  voting: ['ხმის მიცემის ეტაპზე', 'Voting'],
  awaiting_decision: ['მერის გადაწყვეტილების მოლოდინში', "Awaiting the mayor's decision"],
  feasibility_study: ['განხორციელების შესაძლებლობის განხილვა', 'Feasibility study'],
  rejected: ['დაუშვებლად ცნობილი', 'Inadmissible'],
  closed_unfixed: ['ხარვეზი არ გამოსწორდა', 'Closed: defects not fixed'],
  not_supported: ['ვერ მოაგროვა საჭირო ხმები', 'Not supported'],
  concluded: ['განხილვა დასრულებული', 'Concluded'],
  refused: ['უარი ეთქვა', 'Refused'],
  issued_orally: ['ზეპირად გამოცემული', 'Issued orally'],
  put_in_writing: ['წერილობით გაფორმებული', 'Put in writing'],
  declared_void: ['ბათილად ცნობილი', 'Declared void'],
  new: ['ახალი', 'New'],
  registered: ['რეგისტრირებული', 'Registered'],
  resolved: ['რეზოლუციით', 'Resolved'],
  in_execution: ['შესრულების პროცესში', 'In execution'],
  answer_drafted: ['პასუხის პროექტი მზადაა', 'Answer drafted'],
  signed: ['ხელმოწერილი', 'Signed'],
  decided: ['გადაწყვეტილი', 'Decided'],
  information_refused: ['ინფორმაციაზე უარი', 'Information refused'],
  answered: ['ნაპასუხები', 'Answered'],
  redirected_out: ['გადაგზავნილი', 'Redirected'],
  filed: ['საქმეში ჩაკერებული', 'Filed'],
  drafted: ['პროექტი', 'Drafted'],
  adopted: ['მიღებული', 'Adopted'],
  registered_act: ['რეგისტრირებული აქტი', 'Registered act'],
  citizen: ['მოქალაქე', 'Citizen'],
  organisation: ['ორგანიზაცია', 'Organisation'],
  agency: ['საჯარო დაწესებულება', 'Public agency'],
  post: ['ფოსტა', 'Post'],
  email: ['ელფოსტა', 'E-mail'],
  website: ['ვებგვერდი', 'Website'],
  legislative_herald: ['საკანონმდებლო მაცნე', 'Legislative Herald'],
  reception: ['მისაღები', 'Reception'],
  phone: ['ტელეფონი', 'Phone'],
  courier: ['კურიერი', 'Courier'],
  hand: ['ხელზე გადაცემა', 'By hand'],
  exchange: ['დოკუმენტბრუნვის სისტემა', 'Document exchange'],
  incoming: ['შემოსული კორესპონდენცია', 'Incoming'],
  outgoing: ['გასული კორესპონდენცია', 'Outgoing'],
  internal: ['შიდა დოკუმენტები', 'Internal'],
  postal: ['საფოსტო გზავნილები', 'Postal'],
  delivery: ['ჩაბარება', 'Delivery'],
  'acts-order': ['ბრძანებები', 'Orders'],
  'acts-ordinance': ['განკარგულებები', 'Ordinances'],
  'acts-resolution': ['დადგენილებები', 'Resolutions'],
  'minutes-council': ['საკრებულოს სხდომების ოქმები', 'Council minutes'],
  'minutes-bureau': ['ბიუროს სხდომების ოქმები', 'Bureau minutes'],
  'minutes-commission': ['კომისიების სხდომების ოქმები', 'Commission minutes'],
  'minutes-faction': ['ფრაქციების სხდომების ოქმები', 'Faction minutes'],
  // the archive's yearly inventories (workflows/nomenclature.cc)
  archive_inventory: ['საარქივო აღწერები', 'Archive inventories'],
  // the registers (workflows/registers/)
  certificates: ['გაცემული ცნობების რეესტრი', 'Issued certificates'],
  business_trips: ['მივლინების ჟურნალი', 'Business trips'],
  certificate: ['ცნობა', 'Certificate'],
  business_trip: ['მივლინება', 'Business trip'],
  memo: ['მოხსენებითი ბარათი', 'Memo'],
  entered: ['რეესტრში შეტანილი', 'Entered'],
  cancelled: ['გაუქმებული', 'Cancelled'],
  entry_corrected: ['რეესტრის ჩანაწერი შესწორდა', 'Entry corrected'],
  entry_cancelled: ['რეესტრის ჩანაწერი გაუქმდა', 'Entry cancelled'],
  submitted: ['წარდგენილი', 'Submitted'],
  // periodic reports (workflows/periodic_report.cc)
  periodic_report: ['პერიოდული ანგარიში', 'Periodic report'],
  report_owed: ['ანგარიში მოსალოდნელია', 'Report owed'],
  report_submitted: ['ანგარიში წარდგენილია', 'Report submitted'],
  // inbox steps (the action names of the inbox view) when the schema gives no label
  resolve: ['რეზოლუციის დადება', 'Resolve'],
  confirm_receipt: ['მიღების დადასტურება', 'Confirm receipt'],
  draft_answer: ['პასუხის მომზადება', 'Draft the answer'],
  release_information: ['ინფორმაციის გაცემა', 'Release the information'],
  decide: ['გადაწყვეტილების მიღება', 'Decide'],
  sign: ['ხელმოწერა', 'Sign'],
  dispatch: ['გაგზავნა', 'Dispatch'],
  file: ['საქმეში ჩაკერება', 'File'],
  explain_rights: ['უფლებების განმარტება', 'Explain rights'],
  adopt: ['მიღება', 'Adopt'],
  register_act: ['აქტის რეგისტრაცია', 'Register the act'],
  publish: ['გამოქვეყნება', 'Publish'],
  notify: ['გაცნობა', 'Notify'],
  accept: ['დავალების მიღება', 'Accept'],
  complete: ['დასრულება', 'Complete'],
  review: ['განხილვა', 'Review'],
  register_incoming: ['შემოსულის რეგისტრაცია', 'Register incoming'],
  // event types of the history
  incoming_registered: ['დარეგისტრირდა', 'Registered'],
  resolution_assigned: ['რეზოლუცია დაიდო', 'Resolution assigned'],
  receipt_confirmed: ['მიღება დადასტურდა', 'Receipt confirmed'],
  endorsed: ['ვიზირებულია', 'Endorsed'],
  dispatched: ['გაიგზავნა', 'Dispatched'],
  redirected: ['გადაიგზავნა', 'Redirected'],
  deadline_extended: ['ვადა გაგრძელდა', 'Deadline extended'],
  information_released: ['ინფორმაცია გაიცა', 'Information released'],
  rights_explained: ['უფლებები განემარტა', 'Rights explained'],
  act_drafted: ['აქტის პროექტი მომზადდა', 'Act drafted'],
  expertise_given: ['სამართლებრივი ექსპერტიზა ჩატარდა', 'Legal expertise given'],
  act_adopted: ['აქტი მიღებულია', 'Act adopted'],
  act_registered: ['აქტი დარეგისტრირდა', 'Act registered'],
  act_published: ['აქტი გამოქვეყნდა', 'Act published'],
  addressee_notified: ['ადრესატს ეცნობა', 'Addressee notified'],
  act_amended: ['აქტში ცვლილება შევიდა', 'Act amended'],
  act_repealed: ['აქტი გაუქმდა', 'Act repealed'],
  act_declared_void: ['აქტი ბათილად იქნა ცნობილი', 'Act declared void'],
  complaint_decision_applied: ['აქტს საჩივარზე გადაწყვეტილება შეეხო', 'Complaint decision applied'],
  assignment_issued: ['დავალება გაიცა', 'Assignment issued'],
  assignment_accepted: ['დავალება მიღებულია', 'Assignment accepted'],
  progress_reported: ['შესრულების მიმდინარეობა', 'Progress reported'],
  assignment_completed: ['დავალება შესრულდა', 'Assignment completed'],
  assignment_reviewed: ['დავალება განხილულია', 'Assignment reviewed'],
  legality_doubt_raised: ['კანონიერების ეჭვი', 'Legality doubt raised'],
  assignment_refused: ['დავალებაზე უარი', 'Assignment refused'],
  nomenclature_approved: ['ნომენკლატურა დამტკიცდა', 'Nomenclature approved'],
  file_archived: ['საქმე არქივს გადაეცა', 'File archived'],
  deadline_approaching: ['ვადის შეხსენება', 'Deadline approaching'],
  deadline_missed: ['ვადა გაცდა', 'Deadline missed'],
  escalated: ['ესკალაცია', 'Escalated'],
  deadline_recomputed: ['ვადა გადაითვალა', 'Deadline recomputed'],
  alert_acknowledged: ['შეტყობინება გაცნობილია', 'Alert acknowledged'],
  day_off_declared: ['უქმე დღე გამოცხადდა', 'Day off declared'],
  letter_drafted: ['წერილის პროექტი მომზადდა', 'Letter drafted'],
};

let current: Lang = readLang();

function readLang(): Lang {
  try {
    return globalThis.localStorage?.getItem('saqme.lang') === 'en' ? 'en' : 'ka';
  } catch {
    return 'ka';
  }
}

export function lang(): Lang {
  return current;
}

// Switches the language and remembers it; the caller re-renders.
export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem('saqme.lang', next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

// The label `key` in the current language, with {name} placeholders filled from `values`.
export function t(key: LabelKey, values: Record<string, string | number> = {}): string {
  const text = table[key][current === 'ka' ? 0 : 1] as string;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

// True when `key` names a label (for column names the server sends, e.g. a journal's).
export function isLabel(key: string): key is LabelKey {
  return Object.prototype.hasOwnProperty.call(table, key);
}

// The label of a server identifier (kind, state, step, enum value); the identifier itself when
// the table does not know it.
export function nameOf(id: string | undefined | null): string {
  if (!id) return '';
  const entry = names[id];
  return entry ? entry[current === 'ka' ? 0 : 1] : id;
}

// Picks the text for the current language from a Georgian/English pair the server sent.
export function pick(ka: string | undefined, en: string | undefined): string {
  return (current === 'ka' ? ka || en : en || ka) ?? '';
}

export function monthName(month: number): string {
  return months[current][month - 1] ?? String(month);
}

// The label of event field `key` in the current language, else the key itself.
export function fieldName(key: string): string {
  const pair = fieldNames[key];
  return pair ? pair[lang() === 'ka' ? 0 : 1] : key;
}

// The access log's routes a reader knows by what they did (the rest are shown as they are).
const routes: Record<string, LabelKey> = {
  'GET /v1/cases/{id}': 'route_case',
  'GET /v1/cases/{id}/history': 'route_history',
  'GET /v1/cases': 'route_search',
};

// The label of access-log route `route`, else null.
export function routeLabel(route: string): string | null {
  const key = routes[route];
  return key ? t(key) : null;
}

// The label of read ground `ground` (workflows/access.cc names them), else the code.
export function groundLabel(ground: string): string {
  const key = `ground_${ground}`;
  return isLabel(key) ? t(key) : ground;
}
