// Choices for command fields the schema types as plain text although their values are a closed
// set: the
// nomenclature code of `file` (a code of the year's approved nomenclature). And the outcomes
// `decide` offers, which depend on the case's kind. The form offers a select for them; when the
// choices cannot be had (the nomenclature is not readable or not approved yet) the field stays
// a text input.
import { useEffect, useState } from 'preact/hooks';
import { type CommandSchema, nomenclature } from './api';
import type { Option } from './widgets/Fields';

// The incoming, dispatch and publish channels are closed lists in the schema itself (`$choices`): it types
// them as enums with their labels, so the form offers their select without a list here.

// The outcomes `decide` accepts per case kind (workflows/incoming/application.cc, complaint.cc);
// a kind not listed keeps every outcome of the schema.
const OUTCOMES: Record<string, string[]> = {
  application: ['granted', 'refused', 'partly'],
  complaint: ['upheld', 'annulled', 'amended'],
};

// The values of enum field `field` of `command` the case of kind `kind` accepts; null: all.
export function enumFilter(command: string, field: string, kind: string | undefined): string[] | null {
  if (command !== 'decide' || field !== 'outcome' || !kind) return null;
  return OUTCOMES[kind] ?? null;
}

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
  if (needsFiles && files && files.length) choices.nomenclature_code = files;
  return choices;
}
