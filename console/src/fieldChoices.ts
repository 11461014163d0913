// Choices for command fields the schema types as plain text although their values are a closed
// set: the dispatch channel (the workflow accepts five) and the nomenclature code of `file` (a
// code of the year's approved nomenclature). The form offers a select for them; when the
// choices cannot be had (the nomenclature is not readable or not approved yet) the field stays
// a text input.
import { useEffect, useState } from 'preact/hooks';
import { type CommandSchema, nomenclature } from './api';
import { nameOf } from './labels';
import type { Option } from './widgets/Fields';

// The channels `dispatch` accepts (workflows/incoming/flow.cc).
const DISPATCH_CHANNELS = ['post', 'email', 'hand', 'exchange', 'website'];

export type Choices = Record<string, Option[]>; // by field name

// The choices of `command`'s fields (none for most commands); `year` is the filing year.
export function useFieldChoices(command: CommandSchema, year: number): Choices {
  const [files, setFiles] = useState<Option[] | null>(null);
  const needsFiles = command.type === 'file';
  useEffect(() => {
    if (!needsFiles) return;
    nomenclature(year).then(
      (answer) => setFiles(answer.cases.map((f) => ({ value: f.code, label: `${f.code} — ${f.title}` }))),
      () => setFiles(null),
    );
  }, [command.type, year]);
  const choices: Choices = {};
  if (command.type === 'dispatch') choices.channel = DISPATCH_CHANNELS.map((c) => ({ value: c, label: nameOf(c) }));
  if (needsFiles && files && files.length) choices.nomenclature_code = files;
  return choices;
}
