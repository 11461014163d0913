// The commands schema (GET /v1/commands/schema), fetched once and shared; and the label of a
// command type or inbox step in the current language.
import { useEffect, useState } from 'preact/hooks';
import { type CommandSchema, commandSchema, type SchemaField } from './api';
import { nameOf, pick } from './labels';

let cached: Promise<CommandSchema[]> | null = null;

// The schema's commands; a failure is not cached, so a later page asks again.
export function loadSchema(): Promise<CommandSchema[]> {
  if (!cached) {
    cached = commandSchema().then(
      (answer) => answer.commands,
      (error) => {
        cached = null;
        throw error;
      },
    );
  }
  return cached;
}

// The schema once loaded (null before, or when the server has none), for labels.
export function useSchema(): CommandSchema[] | null {
  const [commands, setCommands] = useState<CommandSchema[] | null>(null);
  useEffect(() => {
    loadSchema().then(setCommands, () => setCommands(null));
  }, []);
  return commands;
}

// The inbox names the step "resolve"; the command that takes it is assign_resolution.
const STEP_COMMAND: Record<string, string> = { resolve: 'assign_resolution' };

// The label of the command that takes inbox step `action` (or of command type `action`).
export function stepLabel(action: string, commands: CommandSchema[] | null): string {
  const type = STEP_COMMAND[action] ?? action;
  const command = commands?.find((c) => c.type === type);
  return command ? pick(command.label_ka, command.label_en) : nameOf(action);
}

// The label of enum value `value` in any command of the schema (an outcome, a sender's kind, a
// type of act), else null. Values mean the same wherever the schema uses them.
export function enumLabel(value: string, commands: CommandSchema[] | null): string | null {
  const walk = (fields: SchemaField[]): string | null => {
    for (const f of fields) {
      const hit = f.values?.find((v) => v.value === value);
      if (hit) return pick(hit.label_ka, hit.label_en) || null;
      const inner = f.fields ? walk(f.fields) : null;
      if (inner) return inner;
    }
    return null;
  };
  for (const c of commands ?? []) {
    const hit = walk(c.fields);
    if (hit) return hit;
  }
  return null;
}

// The values the schema allows in field `field` of command `type` (an enum, or a text field with
// a closed list: the channels), labelled in the current language; empty before the schema loads.
export function fieldOptions(commands: CommandSchema[] | null, type: string, field: string): { value: string; label: string }[] {
  const found = commands?.find((c) => c.type === type)?.fields.find((f) => f.name === field);
  return (found?.values ?? []).map((v) => ({ value: v.value, label: pick(v.label_ka, v.label_en) || nameOf(v.value) }));
}
