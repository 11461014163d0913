// Where a server's 400/422 message belongs in a form: the field it names, else the top.
import { ApiError } from './api';
import { errorText } from './widgets/ErrorBox';

export interface FormErrors {
  fields: Record<string, string>; // field path ("sender.name") -> message
  top: string;
}

// The field among `paths` that the server's message names (the longest that appears, so
// "sender.name" wins over "name"), or "" when it names none of them.
export function fieldNamedBy(text: string, paths: string[]): string {
  const message = text.replace(/\bcommand\./g, ''); // the JSON decoder says "command.sender.name"
  const named = paths
    .filter((path) => new RegExp(`(^|[^a-z_.])${path.replace(/\./g, '\\.')}($|[^a-z_])`).test(message))
    .sort((a, b) => b.length - a.length);
  if (named.length) return named[0];
  // "sender.name" may be reported by its last part alone
  const last = paths.filter((path) => path.includes('.') && new RegExp(`\\b${path.split('.').pop()}\\b`).test(message));
  return last.length === 1 ? last[0] : '';
}

// Turns a failed submission into messages: next to the named field for 400/422, else on top.
export function serverErrors(error: unknown, paths: string[]): FormErrors {
  const text = errorText(error);
  if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
    const field = fieldNamedBy(error.message_en, paths);
    if (field) return { fields: { [field]: text }, top: '' };
  }
  return { fields: {}, top: text };
}
