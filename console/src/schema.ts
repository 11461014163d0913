// The commands schema (GET /v1/commands/schema), fetched once and shared; and the label of a
// command type or inbox step in the current language.
import { useEffect, useState } from 'preact/hooks';
import { type CommandSchema, commandSchema } from './api';
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
