import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { GroupFilter } from '../../../types/api';
import type { CompareMode, FeatureChoice } from '../types';
import { BivariateView } from './bivariate-view';
import { DistributionView } from './distribution-view';
import { GroupFilterForm } from './group-filter-form';
import { NeighboursView } from './neighbours-view';
import { RadarView } from './radar-view';

export interface ComparisonPanelProps {
  readonly clientId: number;
  /** Features to choose from (the client's fields), the first chosen by default. */
  readonly features: readonly FeatureChoice[];
  readonly defaultFeature: string;
  /** The client's own values by feature name (for the neighbours view). */
  readonly clientValues: ReadonlyMap<string, { value: number | null; formatted: string }>;
  /** A client account sees aggregates only: no neighbours, no scatter of other people. */
  readonly audience: 'advisor' | 'client';
}

const ADVISOR_MODES: readonly CompareMode[] = ['all', 'group', 'neighbours', 'outcome'];
const CLIENT_MODES: readonly CompareMode[] = ['all', 'group', 'outcome'];
const SECOND_CHOICES = ['AMT_INCOME_TOTAL', 'AMT_CREDIT', 'DAYS_BIRTH'];

/** Pick a feature and a reference (all, a group, the k most similar, repaid vs defaulted); then two features; then the radar. */
export function ComparisonPanel({
  clientId,
  features,
  defaultFeature,
  clientValues,
  audience,
}: ComparisonPanelProps) {
  const { t } = useTranslation();
  const [feature, setFeature] = useState(defaultFeature);
  // a second feature that tells something beside most first ones: income, else the amount
  const [second, setSecond] = useState(
    SECOND_CHOICES.find((n) => n !== defaultFeature && features.some((f) => f.name === n)) ??
      features.find((f) => f.name !== defaultFeature)?.name ??
      defaultFeature,
  );
  const [mode, setMode] = useState<CompareMode>('all');
  const [filter, setFilter] = useState<GroupFilter>({});
  const [k, setK] = useState(10);
  const modes = audience === 'client' ? CLIENT_MODES : ADVISOR_MODES;
  const chosen = features.find((f) => f.name === feature) ?? {
    name: feature,
    label: feature,
    origin: 'application',
  };
  const featureSelect = (id: string, value: string, onChange: (v: string) => void, label: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {features.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="card comparison" aria-labelledby="comparison-title" data-testid="comparison">
      <h2 id="comparison-title">{t(audience === 'client' ? 'compare.titleClient' : 'compare.title')}</h2>
      {audience === 'client' ? <p className="muted">{t('compare.aggregatesOnly')}</p> : null}
      <div className="controls">
        {featureSelect('compare-feature', feature, setFeature, t('compare.feature'))}
        <fieldset className="radio-group">
          <legend>{t('compare.modeLegend')}</legend>
          {modes.map((m) => (
            <label key={m} className="radio">
              <input
                type="radio"
                name="compare-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              {t(`compare.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'neighbours' ? (
          <div className="field">
            <label htmlFor="compare-k">{t('compare.k')}</label>
            <input
              id="compare-k"
              type="number"
              min={3}
              max={30}
              value={k}
              onChange={(e) => setK(Math.max(3, Math.min(30, Number(e.target.value) || 10)))}
            />
          </div>
        ) : null}
      </div>
      {mode === 'group' ? <GroupFilterForm filter={filter} onChange={setFilter} /> : null}
      {mode === 'neighbours' ? (
        <NeighboursView
          clientId={clientId}
          feature={chosen}
          k={k}
          clientValue={clientValues.get(feature) ?? { value: null, formatted: '—' }}
        />
      ) : (
        <DistributionView
          clientId={clientId}
          feature={feature}
          mode={mode}
          filter={filter}
          audience={audience}
        />
      )}
      {audience === 'advisor' ? (
        <div className="bivariate">
          <h3>{t('compare.bivariateHeading')}</h3>
          {featureSelect('compare-second', second, setSecond, t('compare.secondFeature'))}
          <BivariateView clientId={clientId} x={feature} y={second} filter={mode === 'group' ? filter : {}} />
        </div>
      ) : null}
      <div className="radar">
        <h3>{t('compare.radarHeading')}</h3>
        <RadarView clientId={clientId} filter={mode === 'group' ? filter : {}} audience={audience} />
      </div>
    </section>
  );
}
