import { KIND_UNITS } from '../definitions/builders.js';
import type { CategoryLevel } from '../feature-schema.js';
import type { Lang } from '../types.js';
import type { FeatureEntry } from './feature-dictionary.js';

const LOCALE: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };
const WORDS = {
  missing: { en: 'missing', fr: 'non renseigné' },
  yes: { en: 'yes', fr: 'oui' },
  no: { en: 'no', fr: 'non' },
  years: { en: 'years', fr: 'ans' },
  year: { en: 'year', fr: 'an' },
  months: { en: 'months', fr: 'mois' },
  month: { en: 'month', fr: 'mois' },
  days: { en: 'days', fr: 'jours' },
  day: { en: 'day', fr: 'jour' },
  in: { en: 'in', fr: 'dans' },
  other: { en: 'other (rare or new level)', fr: 'autre (modalité rare ou nouvelle)' },
} as const;

const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

// Building an Intl.NumberFormat costs ~35 µs, formatting with one ~1 µs: the service formats
// thousands of values a second, so each (language, style) gets one formatter.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${options.style ?? 'decimal'} ${options.maximumFractionDigits ?? ''}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.NumberFormat(LOCALE[lang], options);
    formatters.set(key, cached);
  }
  return cached;
}

function number(value: number, lang: Lang, digits: number): string {
  return formatter(lang, { maximumFractionDigits: digits }).format(value);
}

/** A duration in days as years, months or days; days are offsets before (-) or after (+) the application. */
function duration(days: number, lang: Lang): string {
  const size = Math.abs(days);
  const [amount, one, many] =
    size >= DAYS_PER_YEAR
      ? [size / DAYS_PER_YEAR, WORDS.year, WORDS.years]
      : size >= DAYS_PER_MONTH
        ? [size / DAYS_PER_MONTH, WORDS.month, WORDS.months]
        : [size, WORDS.day, WORDS.days];
  const rounded = Math.round(amount * 10) / 10;
  const text = `${number(rounded, lang, rounded < 10 ? 1 : 0)} ${(rounded === 1 ? one : many)[lang]}`;
  return days > 0 ? `${WORDS.in[lang]} ${text}` : text;
}

/**
 * A value as a person reads it: "43 years", "12.5%", "1,234,567", "yes". Category codes show
 * their level when the schema's levels are given.
 */
export function formatValue(
  entry: FeatureEntry,
  value: number | null | undefined,
  lang: Lang = 'en',
  levels?: readonly CategoryLevel[],
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return WORDS.missing[lang];
  switch (entry.kind) {
    case 'days':
      return duration(value, lang);
    case 'months':
      return duration(value * DAYS_PER_MONTH, lang);
    case 'money':
      return number(Math.round(value), lang, 0);
    case 'ratio':
      return formatter(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'flag':
      return value >= 0.5 ? WORDS.yes[lang] : WORDS.no[lang];
    case 'count':
      return number(value, lang, 1);
    case 'score':
      return number(value, lang, 3);
    case 'category': {
      if (value === 0) return WORDS.other[lang];
      return levels?.find((l) => l.code === value)?.level ?? `#${value}`;
    }
    case 'number': {
      const unit = entry.unit[lang];
      const shown = number(value, lang, Math.abs(value) < 10 ? 3 : 1);
      // a plain number has no unit worth showing
      return unit === KIND_UNITS.number[lang] ? shown : `${shown} ${unit}`;
    }
  }
}
