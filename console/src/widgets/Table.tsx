// The head of a data table: a caption (hidden when the page's heading already says it) and a
// row of column headers from the labels table.
import { type LabelKey, t } from '../labels';

export function TableHead({ caption, columns, hideCaption = true }: { caption: string; columns: LabelKey[]; hideCaption?: boolean }) {
  return (
    <>
      <caption class={hideCaption ? 'visually-hidden' : ''}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {t(c)}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
