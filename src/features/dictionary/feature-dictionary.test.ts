import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../../core/index.js';
import { SOURCES } from '../definitions/index.js';
import { COLUMN_DESCRIPTIONS } from './column-descriptions.generated.js';
import { describeFeature, featureDictionary } from './feature-dictionary.js';
import { formatValue } from './format-value.js';

describe('feature dictionary', () => {
  it('gives every defined feature a label, a description and a unit in French and English', () => {
    expect(featureDictionary.length).toBeGreaterThanOrEqual(600);
    for (const entry of featureDictionary) {
      for (const text of [entry.label, entry.description, entry.unit]) {
        expect(text.en.trim(), entry.name).not.toBe('');
        expect(text.fr.trim(), entry.name).not.toBe('');
      }
      expect(entry.tables.length, entry.name).toBeGreaterThan(0);
    }
  });

  it('never gives two features the same label (a reader could not tell them apart)', () => {
    for (const lang of ['en', 'fr'] as const) {
      const seen = new Map<string, string>();
      for (const entry of featureDictionary) {
        const other = seen.get(entry.label[lang]);
        expect(other, `${entry.name} and ${other} share "${entry.label[lang]}"`).toBeUndefined();
        seen.set(entry.label[lang], entry.name);
      }
    }
  });

  it('describes original application columns from the Kaggle description file', () => {
    expect(describeFeature('NAME_INCOME_TYPE').description.en).toBe(
      'Clients income type (businessman, working, maternity leave,\u2026).',
    );
    expect(COLUMN_DESCRIPTIONS['bureau.SK_ID_BUREAU']).toBeDefined(); // SK_BUREAU_ID in the file
    expect(COLUMN_DESCRIPTIONS['previous_application.SK_ID_PREV']).toBeDefined(); // trailing space in the file
    expect(COLUMN_DESCRIPTIONS['previous_application.NFLAG_MICRO_CASH']).toBeUndefined(); // not in the data
  });

  it('marks what a client can act on and what is sensitive', () => {
    const actionable = featureDictionary.filter((e) => e.actionable).map((e) => e.name);
    expect(actionable).toEqual(
      expect.arrayContaining([
        'AMT_CREDIT',
        'AMT_ANNUITY',
        'AMT_GOODS_PRICE',
        'CREDIT_TERM',
        'PERSONAL_CONTRIBUTION',
      ]),
    );
    const sensitive = featureDictionary.filter((e) => e.sensitive).map((e) => e.name);
    expect(sensitive).toEqual(expect.arrayContaining(['CODE_GENDER', 'NAME_FAMILY_STATUS', 'DAYS_BIRTH']));
    expect(featureDictionary.filter((e) => e.excludedByDefault).map((e) => e.name)).toEqual(['CODE_GENDER']);
  });

  it('covers every source', () => {
    const origins = new Set(featureDictionary.map((e) => e.origin));
    for (const s of SOURCES) expect(origins).toContain(s.name);
    expect(origins).toContain('combined');
  });

  it('refuses an unknown name with close suggestions', () => {
    expect(() => describeFeature('EXT_SOURCE')).toThrow(ClairscoreError);
    expect(() => describeFeature('EXT_SOURCE')).toThrow(/Did you mean EXT_SOURCE_1, EXT_SOURCE_2/);
    expect(describeFeature('days_birth').name).toBe('DAYS_BIRTH');
  });
});

describe('formatValue', () => {
  const show = (name: string, value: number | null, lang: 'en' | 'fr' = 'en'): string =>
    formatValue(describeFeature(name), value, lang);

  it('shows days as years or months, money with separators, ratios as %, flags as yes/no', () => {
    expect(show('DAYS_BIRTH', -15_706)).toBe('43 years');
    expect(show('DAYS_BIRTH', -15_706, 'fr')).toBe('43 ans');
    expect(show('DAYS_EMPLOYED', -120)).toBe('3.9 months');
    expect(show('BURO_DAYS_CREDIT_ENDDATE_MAX', 400)).toBe('in 1.1 years');
    expect(show('AMT_CREDIT', 1_234_567.5)).toBe('1,234,568');
    expect(show('AMT_CREDIT', 1_234_567, 'fr')).toMatch(/^1\s234\s567$/);
    expect(show('ANNUITY_INCOME_RATIO', 0.125)).toBe('12.5%');
    expect(show('FLAG_OWN_CAR', 1, 'fr')).toBe('oui');
    expect(show('EXT_SOURCE_2', 0.51234)).toBe('0.512');
    expect(show('CREDIT_TERM', 18.25)).toBe('18.3 annuities');
    expect(show('AMT_ANNUITY', null, 'fr')).toBe('non renseigné');
  });

  it('shows category codes as their level', () => {
    const levels = [{ level: 'Working', code: 1, count: 10 }];
    expect(formatValue(describeFeature('NAME_INCOME_TYPE'), 1, 'en', levels)).toBe('Working');
    expect(formatValue(describeFeature('NAME_INCOME_TYPE'), 0, 'en', levels)).toBe(
      'other (rare or new level)',
    );
  });
});
