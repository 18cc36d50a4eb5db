import type { Lang } from '../types/api';

const locale = (lang: Lang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** 0.1234 -> "12.3 %" / "12,3 %". */
export function percent(value: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function number(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A signed log-odds contribution: "+0.42" / "−0.13". */
export function signed(value: number, lang: Lang, digits = 2): string {
  const text = new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Math.abs(value));
  return `${value >= 0 ? '+' : '−'}${text}`;
}

export function date(value: string | number | Date, lang: Lang): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long' }).format(d);
}

export function dateTime(value: string | number, lang: Lang): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A percentile (0-100) as an ordinal phrase's number: 73.4 -> 73. */
export const wholePercent = (value: number): number => Math.round(Math.max(0, Math.min(100, value)));
