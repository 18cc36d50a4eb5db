import { useTranslation } from 'react-i18next';

import { ErrorMessage } from '../../../components/error-message';
import { FILTER_KEYS, type GroupFilter } from '../../../types/api';
import { useFilterOptions } from '../api/comparison-api';

export interface GroupFilterFormProps {
  readonly filter: GroupFilter;
  readonly onChange: (filter: GroupFilter) => void;
}

/** One select per criterion (gender, age band, income band, contract, family status, education); "any" by default. */
export function GroupFilterForm({ filter, onChange }: GroupFilterFormProps) {
  const { t, i18n } = useTranslation();
  const options = useFilterOptions();
  if (options.error) return <ErrorMessage error={options.error} onRetry={options.reload} />;
  const level = (key: string, value: string) => {
    const id = `level.${key}.${value}`;
    return i18n.exists(id) ? t(id) : value;
  };
  return (
    <fieldset className="filter-grid">
      <legend>{t('compare.filterLegend')}</legend>
      {FILTER_KEYS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`filter-${key}`}>{t(`compare.filter.${key}`)}</label>
          <select
            id={`filter-${key}`}
            value={filter[key] ?? ''}
            onChange={(e) => {
              const next: Record<string, string> = { ...filter };
              if (e.target.value) next[key] = e.target.value;
              else delete next[key];
              onChange(next);
            }}
          >
            <option value="">{t('compare.any')}</option>
            {(options.data?.[key] ?? []).map((value) => (
              <option key={value} value={value}>
                {level(key, value)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
