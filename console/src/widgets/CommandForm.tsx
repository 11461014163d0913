// A command's form, rendered from its entry in GET /v1/commands/schema: enum -> select,
// date -> date input, post -> org-chart select, posts -> org-chart checkboxes, bool -> checkbox,
// int -> number, object -> fieldset, list (of text) -> repeated inputs, text -> text input.
import { useState } from 'preact/hooks';
import type { CommandSchema, Org, SchemaField } from '../api';
import type { CommandRunner } from '../command';
import { type Choices, enumFilter, useFieldChoices } from '../fieldChoices';
import { type FormErrors, serverErrors } from '../formErrors';
import { pick, t } from '../labels';
import { isDate } from '../time';
import { CheckField, PostsField, SelectField, TextField, postOptions } from './Fields';

export type Value = string | boolean | string[] | Values | Values[];
export interface Values {
  [name: string]: Value;
}

// The empty value of each field of `fields`.
export function initialValues(fields: SchemaField[]): Values {
  const out: Values = {};
  for (const f of fields) {
    if (f.type === 'bool') out[f.name] = false;
    else if (f.type === 'posts' || f.type === 'list') out[f.name] = [];
    else if (f.type === 'object') out[f.name] = initialValues(f.fields ?? []);
    else out[f.name] = '';
  }
  return out;
}

// Client-side checks: required fields present, dates real, whole numbers whole; by field path.
export function checkValues(fields: SchemaField[], values: Values, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const path = prefix + f.name;
    const v = values[f.name];
    if (f.type === 'object') {
      Object.assign(errors, checkValues(f.fields ?? [], v as Values, path + '.'));
      continue;
    }
    if (f.type === 'list' && f.fields) {
      const items = v as Values[];
      items.forEach((item, i) => Object.assign(errors, checkValues(f.fields ?? [], item, `${path}[${i}].`)));
      if (f.required && items.length === 0) errors[path] = t('required');
      continue;
    }
    const texts = Array.isArray(v) ? (v as string[]).filter((x) => x !== '') : [];
    const empty = v === '' || (Array.isArray(v) && texts.length === 0);
    if (f.required && f.type !== 'bool' && empty) errors[path] = t('required');
    else if (f.type === 'date' && v && !isDate(v as string)) errors[path] = t('invalid_date');
    else if (f.type === 'list' && f.element === 'date' && texts.some((x) => !isDate(x))) errors[path] = t('invalid_date');
    else if (f.type === 'int' && v && !wholeIn(v as string, f)) errors[path] = t('invalid_number');
  }
  return errors;
}

// True for a whole number within the field's min and max (when it has them).
function wholeIn(text: string, f: SchemaField): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const n = Number(text);
  return (f.min === undefined || n >= f.min) && (f.max === undefined || n <= f.max);
}

// The command's JSON fields from the form: empty optional values left out, ints as numbers.
export function commandFields(fields: SchemaField[], values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'object') {
      const inner = commandFields(f.fields ?? [], v as Values);
      if (Object.keys(inner).length || f.required) out[f.name] = inner;
    } else if (f.type === 'bool') {
      out[f.name] = v as boolean;
    } else if (f.type === 'list' && f.fields) {
      const items = (v as Values[]).map((item) => commandFields(f.fields ?? [], item)).filter((o) => Object.keys(o).length);
      if (items.length || f.required) out[f.name] = items;
    } else if (Array.isArray(v)) {
      const items = (v as string[]).filter((x) => x !== '');
      if (items.length || f.required) out[f.name] = items;
    } else if (v !== '') {
      out[f.name] = f.type === 'int' ? Number(v) : (v as string).trim();
    }
  }
  return out;
}

// Every field path of `fields` ("sender.name"), for placing the server's messages.
export function fieldPaths(fields: SchemaField[], prefix = ''): string[] {
  return fields.flatMap((f) =>
    f.type === 'object' ? fieldPaths(f.fields ?? [], prefix + f.name + '.') : [prefix + f.name],
  );
}

const MULTILINE = new Set(['text', 'summary', 'instruction', 'reason', 'agenda', 'basis']);

interface FieldsProps {
  fields: SchemaField[];
  values: Values;
  errors: Record<string, string>;
  prefix: string;
  idPrefix: string;
  org: Org | null;
  choices?: Choices; // selects for text fields of a closed set (top level only)
  onChange: (values: Values) => void;
}

function FieldList({ fields, values, errors, prefix, idPrefix, org, choices = {}, onChange }: FieldsProps) {
  return (
    <>
      {fields.map((f) => {
        const path = prefix + f.name;
        const id = `${idPrefix}-${path}`;
        const label = pick(f.label_ka, f.label_en) || f.name;
        const value = values[f.name];
        const set = (v: Value) => onChange({ ...values, [f.name]: v });
        const common = { id, label, required: f.required, error: errors[path] };
        switch (f.type) {
          case 'bool':
            return <CheckField key={path} {...common} checked={value as boolean} onChange={set} />;
          case 'enum':
            return (
              <SelectField key={path} {...common} value={value as string} onChange={set}
                options={(f.values ?? []).map((o) => ({ value: o.value, label: pick(o.label_ka, o.label_en) || o.value }))} />
            );
          case 'post':
            return <SelectField key={path} {...common} value={value as string} onChange={set} options={postOptions(org)} />;
          case 'posts':
            return <PostsField key={path} {...common} org={org} value={value as string[]} onChange={set} />;
          case 'object':
            return (
              <fieldset key={path}>
                <legend>{label}</legend>
                <FieldList fields={f.fields ?? []} values={value as Values} errors={errors} prefix={path + '.'}
                  idPrefix={idPrefix} org={org} onChange={set} />
              </fieldset>
            );
          case 'list':
            return (
              <ListField key={path} {...common} field={f} org={org} errors={errors} path={path}
                value={value as (string | Values)[]} onChange={set} />
            );
          default:
            if (f.type === 'text' && choices[f.name]) {
              return <SelectField key={path} {...common} value={value as string} onChange={set} options={choices[f.name]} />;
            }
            return (
              <TextField key={path} {...common} value={value as string} onInput={set}
                type={f.type === 'date' ? 'date' : f.type === 'int' ? 'number' : 'text'}
                multiline={f.type === 'text' && MULTILINE.has(f.name)} />
            );
        }
      })}
    </>
  );
}

// A list: one input (text, date or post) or one fieldset (objects) per element, each with a
// remove button, and an add button.
function ListField(props: { id: string; label: string; required: boolean; error?: string; field: SchemaField;
  org: Org | null; errors: Record<string, string>; path: string; value: (string | Values)[];
  onChange: (v: string[] | Values[]) => void }) {
  const { field } = props;
  const objects = !!field.fields;
  const blank = (): string | Values => (objects ? initialValues(field.fields ?? []) : '');
  const items = props.value.length || objects ? props.value : [blank()];
  const update = (i: number, item: string | Values) =>
    props.onChange(items.map((x, j) => (j === i ? item : x)) as string[] | Values[]);
  const remove = (i: number) => props.onChange(items.filter((_, j) => j !== i) as string[] | Values[]);
  return (
    <fieldset class={'field' + (props.error ? ' field-invalid' : '')}>
      <legend>{props.label}</legend>
      {items.map((item, i) => {
        const name = `${props.label} ${i + 1}`;
        const id = `${props.id}-${i}`;
        const removeButton = (
          <button type="button" onClick={() => remove(i)} aria-label={`${t('remove_item')}: ${name}`}>
            {t('remove_item')}
          </button>
        );
        if (objects) {
          return (
            <fieldset key={i}>
              <legend>{name}</legend>
              <FieldList fields={field.fields ?? []} values={item as Values} errors={props.errors}
                prefix={`${props.path}[${i}].`} idPrefix={id} org={props.org} onChange={(v) => update(i, v)} />
              {removeButton}
            </fieldset>
          );
        }
        return (
          <div class="list-item" key={i}>
            <label for={id} class="visually-hidden">{name}</label>
            {field.element === 'post' ? (
              <select id={id} value={item as string} onChange={(e) => update(i, (e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{t('choose')}</option>
                {postOptions(props.org).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : (
              <input id={id} type={field.element === 'date' ? 'date' : 'text'} value={item as string}
                onInput={(e) => update(i, (e.currentTarget as HTMLInputElement).value)} />
            )}
            {removeButton}
          </div>
        );
      })}
      <button type="button" onClick={() => props.onChange([...items, blank()] as string[] | Values[])}>
        {t('add_item')}
      </button>
      {props.error && <span class="field-error">{props.error}</span>}
    </fieldset>
  );
}

interface Props {
  command: CommandSchema;
  org: Org | null;
  year: number; // the year whose nomenclature a filing offers
  kind?: string; // the case's kind (the outcomes a decision offers depend on it)
  initial?: Values; // prefilled values over the empty ones
  runner: CommandRunner;
  // sends the command's JSON with the given id; resolves on success
  send: (commandId: string, command: Record<string, unknown>) => Promise<unknown>;
  onDone: (answer: unknown) => void; // the send's answer
  onCancel: () => void;
}

// `command`'s top-level fields, the values of an enum narrowed to those a case of `kind` accepts.
export function fieldsFor(command: CommandSchema, kind: string | undefined): SchemaField[] {
  return command.fields.map((f) => {
    const keep = f.type === 'enum' ? enumFilter(command.type, f.name, kind) : null;
    return keep ? { ...f, values: (f.values ?? []).filter((v) => keep.includes(v.value)) } : f;
  });
}

export function CommandForm({ command, org, year, kind, initial, runner, send, onDone, onCancel }: Props) {
  const fields = fieldsFor(command, kind);
  const choices = useFieldChoices(command, year);
  const [values, setValues] = useState<Values>(() => ({ ...initialValues(fields), ...initial }));
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, top: '' });
  const title = pick(command.label_ka, command.label_en) || command.type;
  const idPrefix = `cmd-${command.type}`;

  async function submit(e: Event) {
    e.preventDefault();
    const found = checkValues(fields, values);
    if (Object.keys(found).length) {
      setErrors({ fields: found, top: t('form_has_errors') });
      return;
    }
    setErrors({ fields: {}, top: '' });
    try {
      const answer = await runner.run((id) => send(id, { type: command.type, ...commandFields(fields, values) }));
      onDone(answer);
    } catch (failure) {
      setErrors(serverErrors(failure, fieldPaths(fields)));
    }
  }

  return (
    <form class="command-form card" onSubmit={submit} noValidate aria-labelledby={idPrefix + '-title'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}>
      <h3 id={idPrefix + '-title'}>{title}</h3>
      {errors.top && (
        <div class="error-box" role="alert">
          <p>{errors.top}</p>
          {runner.pendingRetry && <p>{t('retrying_same_id')}</p>}
        </div>
      )}
      <FieldList fields={fields} values={values} errors={errors.fields} prefix="" idPrefix={idPrefix}
        org={org} choices={choices} onChange={setValues} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={runner.busy}>
          {runner.pendingRetry ? t('retry') : title}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
