// A year chooser (a number input) for the journal, nomenclature and report pages.
import { t } from '../labels';

export function YearField({ id, value, onChange }: { id: string; value: number; onChange: (year: number) => void }) {
  return (
    <div class="field field-inline">
      <label for={id}>{t('year')}</label>
      <input id={id} type="number" min={2000} max={2100} value={value}
        onChange={(e) => {
          const year = Number((e.currentTarget as HTMLInputElement).value);
          if (year >= 2000 && year <= 2100) onChange(year);
        }} />
    </div>
  );
}
