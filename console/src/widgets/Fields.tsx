// Labelled form controls. Each has a visible label, and its error (if any) next to it, tied by
// aria-describedby and aria-invalid so that screen readers announce it.
import type { ComponentChildren } from 'preact';
import type { Org } from '../api';
import { lang, t } from '../labels';

interface Common {
  id: string;
  label: string;
  error?: string;
  required?: boolean;
  hint?: string;
}

function described(props: Common): Record<string, string | boolean | undefined> {
  const ids = [props.hint ? props.id + '-hint' : '', props.error ? props.id + '-error' : '']
    .filter(Boolean)
    .join(' ');
  return {
    'aria-describedby': ids || undefined,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-required': props.required ? 'true' : undefined,
  };
}

function Frame(props: Common & { children: ComponentChildren }) {
  return (
    <div class={'field' + (props.error ? ' field-invalid' : '')}>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required-mark" aria-hidden="true"> *</span>}
      </label>
      {props.children}
      {props.hint && (
        <small id={props.id + '-hint'} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <span id={props.id + '-error'} class="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

export function TextField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'password' | 'date' | 'number' | 'search' | 'datetime-local';
    multiline?: boolean;
    autocomplete?: string;
  },
) {
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    required: props.required,
    autocomplete: props.autocomplete,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
    ...described(props),
  };
  return (
    <Frame {...props}>
      {props.multiline ? <textarea rows={4} {...common} /> : <input type={props.type ?? 'text'} {...common} />}
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

export function SelectField(
  props: Common & { value: string; options: Option[]; onChange: (value: string) => void; allowEmpty?: boolean },
) {
  const groups = new Map<string, Option[]>();
  for (const option of props.options) {
    const list = groups.get(option.group ?? '') ?? [];
    list.push(option);
    groups.set(option.group ?? '', list);
  }
  const render = (options: Option[]) =>
    options.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <Frame {...props}>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        required={props.required}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
        {...described(props)}
      >
        {(props.allowEmpty ?? true) && <option value="">{t('choose')}</option>}
        {[...groups.entries()].map(([group, options]) =>
          group ? (
            <optgroup key={group} label={group}>
              {render(options)}
            </optgroup>
          ) : (
            render(options)
          ),
        )}
      </select>
    </Frame>
  );
}

export function CheckField(props: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class={'field field-check' + (props.error ? ' field-invalid' : '')}>
      <input
        type="checkbox"
        id={props.id}
        name={props.id}
        checked={props.checked}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        {...described(props)}
      />
      <label for={props.id}>{props.label}</label>
      {props.error && (
        <span id={props.id + '-error'} class="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

// The org chart's posts as options grouped by unit, in the current language.
export function postOptions(org: Org | null): Option[] {
  if (!org) return [];
  const unitName = new Map(org.units.map((u) => [u.id, lang() === 'ka' ? u.name_ka : u.name_en]));
  return org.posts.map((p) => ({
    value: p.id,
    label: `${lang() === 'ka' ? p.title : p.title_en || p.title}${p.holder ? ' — ' + p.holder : ''}`,
    group: unitName.get(p.unit) ?? p.unit,
  }));
}

// The org chart's units as options.
export function unitOptions(org: Org | null): Option[] {
  return (org?.units ?? []).map((u) => ({ value: u.id, label: lang() === 'ka' ? u.name_ka : u.name_en }));
}

// Several posts: a group of checkboxes by unit (a multiple select is hard to use by keyboard).
export function PostsField(
  props: Common & { org: Org | null; value: string[]; onChange: (value: string[]) => void },
) {
  const toggle = (post: string, on: boolean) =>
    props.onChange(on ? [...props.value, post] : props.value.filter((p) => p !== post));
  // one group per unit, named, as the post select groups them
  const groups = new Map<string, Option[]>();
  for (const o of postOptions(props.org)) groups.set(o.group ?? '', [...(groups.get(o.group ?? '') ?? []), o]);
  return (
    <fieldset class={'field posts-field' + (props.error ? ' field-invalid' : '')} id={props.id}
      {...described(props)}>
      <legend>{props.label}</legend>
      {[...groups.entries()].map(([group, options], i) => (
        <div key={group} role="group" aria-labelledby={`${props.id}-unit-${i}`}>
          <p class="posts-unit" id={`${props.id}-unit-${i}`}>{group}</p>
          <div class="posts-options">
            {options.map((o) => (
              <div key={o.value} class="field-check">
                <input type="checkbox" id={`${props.id}-${o.value}`} checked={props.value.includes(o.value)}
                  onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)} />
                <label for={`${props.id}-${o.value}`}>{o.label}</label>
              </div>
            ))}
          </div>
        </div>
      ))}
      {props.error && (
        <span id={props.id + '-error'} class="field-error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
