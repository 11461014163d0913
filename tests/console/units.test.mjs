// The console's plain functions, in node (no browser): Georgian dates in Tbilisi time, days
// left, date checks, where a server message goes in a form, and the command JSON built from a
// schema-driven form.
import assert from 'node:assert/strict';
import { importConsole, run } from './lib.mjs';

const { time, labels, forms, commandForm, reports, due, journals } = await importConsole({
  time: 'src/time.ts',
  due: 'src/widgets/DueCell.tsx',
  labels: 'src/labels.ts',
  forms: 'src/formErrors.ts',
  commandForm: 'src/widgets/CommandForm.tsx',
  reports: 'src/pages/Reports.tsx',
  journals: 'src/pages/Journals.tsx',
});

await run({
  async 'dates are written the Georgian way, in Tbilisi time'() {
    assert.equal(time.formatDate('2026-11-12'), '12 ნოემბერი 2026');
    assert.equal(time.formatDate('2026-01-05'), '5 იანვარი 2026');
    // 10:05 UTC is 14:05 in Tbilisi (UTC+4 all year); an offset is honoured, none means Tbilisi
    assert.equal(time.formatDateTime('2026-11-12T10:05:00Z'), '12 ნოემბერი 2026, 14:05');
    assert.equal(time.formatDateTime('2026-11-12T14:05:00.123+04:00'), '12 ნოემბერი 2026, 14:05');
    assert.equal(time.formatDateTime('2026-12-31T22:30:00Z'), '1 იანვარი 2027, 02:30');
    assert.equal(time.formatDateTime('2026-11-12T14:05'), '12 ნოემბერი 2026, 14:05');
    assert.equal(time.formatDate('not a date'), 'not a date');
  },

  async 'the English switch changes month names and labels'() {
    labels.setLang('en');
    try {
      assert.equal(time.formatDate('2026-11-12'), '12 November 2026');
      assert.equal(labels.t('days_left_n', { n: 3 }), '3 days');
      assert.equal(labels.nameOf('public_information'), 'Public-information request');
    } finally {
      labels.setLang('ka');
    }
    assert.equal(labels.t('days_left_n', { n: 3 }), '3 დღე');
    assert.equal(labels.nameOf('no_such_name'), 'no_such_name');
  },

  async 'days left count calendar days, negative when overdue'() {
    assert.equal(time.daysBetween('2026-11-02', '2026-11-12'), 10);
    assert.equal(time.daysBetween('2026-11-12', '2026-11-02'), -10);
    assert.equal(time.daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(time.daysBetween('2026-11-02', undefined), null);
    assert.equal(time.tbilisiToday(Date.parse('2026-11-01T21:00:00Z')), '2026-11-02');
    assert.equal(time.tbilisiToday(Date.parse('2026-11-01T19:59:00Z')), '2026-11-01');
  },

  async 'the inbox takes the server\'s count of days left when it gives one'() {
    // the browser's today disagrees with the server's (a simulated clock): the server wins
    assert.deepEqual(due.daysLeftText('2026-12-01', '2026-11-12', { days: 10, overdue: false }),
      { text: '10 დღე', overdue: false });
    assert.deepEqual(due.daysLeftText('2026-11-01', '2026-11-12', { days: -3, overdue: true }),
      { text: 'ვადაგადაცილება: 3 დღე', overdue: true });
    // an older server: counted here
    assert.deepEqual(due.daysLeftText('2026-11-02', '2026-11-12', {}), { text: '10 დღე', overdue: false });
    assert.deepEqual(due.daysLeftText('2026-11-12', '2026-11-12'), { text: 'დღეს', overdue: false });
    assert.deepEqual(due.daysLeftText('2026-11-02', undefined), { text: 'ვადა არ არის', overdue: false });
  },

  async 'dates are checked for real calendar days'() {
    assert.ok(time.isDate('2028-02-29'));
    assert.ok(!time.isDate('2026-02-29'));
    assert.ok(!time.isDate('2026-13-01'));
    assert.ok(!time.isDate('12.11.2026'));
  },

  async 'a server message goes next to the field it names'() {
    const paths = ['kind', 'sender.name', 'sender.kind', 'subject', 'received_on', 'name'];
    assert.equal(forms.fieldNamedBy("field 'sender.name' must be a string", paths), 'sender.name');
    assert.equal(forms.fieldNamedBy('command.sender.kind: expected one of its names', paths), 'sender.kind');
    assert.equal(forms.fieldNamedBy('received_on must be a date written YYYY-MM-DD', paths), 'received_on');
    assert.equal(forms.fieldNamedBy("addressee: there is no post 'nobody'", [...paths, 'addressee']), 'addressee');
    assert.equal(forms.fieldNamedBy('the case is already closed', paths), '');
    assert.equal(forms.fieldNamedBy("unknown field 'subjects'", paths), '');
  },

  async 'a schema-driven form gives the command JSON and its checks'() {
    const fields = [
      { name: 'lead_executor', type: 'post', required: true, label_ka: '', label_en: '' },
      { name: 'co_executors', type: 'posts', required: false, label_ka: '', label_en: '' },
      { name: 'due', type: 'date', required: false, label_ka: '', label_en: '' },
      { name: 'pages', type: 'int', required: false, label_ka: '', label_en: '' },
      { name: 'on_control', type: 'bool', required: false, label_ka: '', label_en: '' },
      { name: 'agenda', type: 'list', required: false, label_ka: '', label_en: '' },
      { name: 'recipient', type: 'object', required: false, label_ka: '', label_en: '',
        fields: [{ name: 'name', type: 'text', required: true, label_ka: '', label_en: '' }] },
    ];
    const values = commandForm.initialValues(fields);
    assert.deepEqual(Object.keys(commandForm.checkValues(fields, values)).sort(), ['lead_executor', 'recipient.name']);
    Object.assign(values, { lead_executor: 'info-public', due: '2026-02-30', pages: '2x', agenda: ['a', ''] });
    values.recipient.name = ' შპს ბათუმი ';
    assert.deepEqual(commandForm.checkValues(fields, values), { due: 'თარიღი არასწორია (წწწწ-თთ-დდ)', pages: 'უნდა იყოს მთელი რიცხვი' });
    Object.assign(values, { due: '2026-11-20', pages: '3' });
    assert.deepEqual(commandForm.commandFields(fields, values), {
      lead_executor: 'info-public', due: '2026-11-20', pages: 3, on_control: false, agenda: ['a'],
      recipient: { name: 'შპს ბათუმი' },
    });
    assert.deepEqual(commandForm.fieldPaths(fields), ['lead_executor', 'co_executors', 'due', 'pages', 'on_control', 'agenda', 'recipient.name']);
  },

  async 'lists of objects, of dates, and bounded whole numbers'() {
    const fields = [
      { name: 'entries', type: 'list', required: true, label_ka: '', label_en: '',
        fields: [{ name: 'title', type: 'text', required: true, label_ka: '', label_en: '' },
          { name: 'pages', type: 'int', required: false, min: 1, max: 10, label_ka: '', label_en: '' }] },
      { name: 'dates', type: 'list', element: 'date', required: false, label_ka: '', label_en: '' },
    ];
    const values = commandForm.initialValues(fields);
    assert.deepEqual(values, { entries: [], dates: [] });
    assert.deepEqual(Object.keys(commandForm.checkValues(fields, values)), ['entries']);
    values.entries = [{ title: '', pages: '11' }, { title: 'ოქმი', pages: '2' }];
    values.dates = ['2026-11-31'];
    assert.deepEqual(Object.keys(commandForm.checkValues(fields, values)).sort(),
      ['dates', 'entries[0].pages', 'entries[0].title']);
    values.entries[0] = { title: '', pages: '' };
    values.dates = ['2026-11-30', ''];
    assert.deepEqual(Object.keys(commandForm.checkValues(fields, values)), ['entries[0].title']);
    values.entries.shift();
    assert.deepEqual(commandForm.commandFields(fields, values), { entries: [{ title: 'ოქმი', pages: 2 }], dates: ['2026-11-30'] });
  },

  async 'a decision offers only the outcomes the case\'s kind accepts'() {
    const outcome = { name: 'outcome', type: 'enum', required: true,
      values: ['granted', 'refused', 'partly', 'upheld', 'annulled', 'amended'].map((value) => ({ value })) };
    const decide = { type: 'decide', fields: [outcome, { name: 'text', type: 'text', required: true }] };
    const offered = (kind) => commandForm.fieldsFor(decide, kind)[0].values.map((v) => v.value);
    assert.deepEqual(offered('complaint'), ['upheld', 'annulled', 'amended']);
    assert.deepEqual(offered('application'), ['granted', 'refused', 'partly']);
    assert.equal(offered(undefined).length, 6, 'no kind known: every outcome');
    // another command's enum is left alone
    assert.equal(commandForm.fieldsFor({ ...decide, type: 'other' }, 'complaint')[0].values.length, 6);
  },

  async 'incoming per month counts journal dates'() {
    const counts = reports.perMonth([{ date: '2026-01-03' }, { date: '2026-01-30' }, { date: '2026-11-02' }, { date: '' }]);
    assert.equal(counts.length, 12);
    assert.equal(counts[0], 2);
    assert.equal(counts[10], 1);
    assert.equal(counts.reduce((a, b) => a + b, 0), 3);
  },

  async 'a council body\'s own minutes register is labelled by the body, in the interface language'() {
    const budget = { name: 'minutes-commission-budget', body_kind: 'commission', body_code: 'budget',
      body_name_ka: 'საფინანსო-საბიუჯეტო კომისია', body_name_en: 'Finance and Budget Commission' };
    const majority = { name: 'minutes-faction-majority', body_kind: 'faction', body_code: 'majority',
      body_name_ka: 'ფრაქცია „უმრავლესობა“', body_name_en: 'Faction "Majority"' };
    assert.equal(journals.journalLabel(budget), 'კომისიის სხდომების ოქმები — საფინანსო-საბიუჯეტო კომისია');
    assert.equal(journals.journalLabel(majority), 'ფრაქციის სხდომების ოქმები — ფრაქცია „უმრავლესობა“');
    labels.setLang('en');
    try {
      assert.equal(journals.journalLabel(budget), 'Commission minutes — Finance and Budget Commission');
      assert.equal(journals.journalLabel({ name: 'archive_inventory' }), 'Archive inventories');
    } finally {
      labels.setLang('ka');
    }
    // the shared registers and the fixed journals by their labels; an unknown name as it is
    assert.equal(journals.journalLabel({ name: 'minutes-commission' }), 'კომისიების სხდომების ოქმები');
    assert.equal(journals.journalLabel({ name: 'minutes-x' }), 'minutes-x');
    // until the server's list answers, every fixed journal is offered, each with a label
    for (const { name } of journals.FALLBACK_JOURNALS) {
      assert.notEqual(journals.journalLabel({ name }), name, `${name} has a label`);
    }
    assert.ok(journals.FALLBACK_JOURNALS.some((j) => j.name === 'archive_inventory'));
  },
});
