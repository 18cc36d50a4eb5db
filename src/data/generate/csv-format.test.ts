import { describe, expect, it } from 'vitest';

import { formatFloat, formatInt, formatString } from './csv-format.js';

describe('pandas-compatible CSV formatting', () => {
  it('prints floats as Python repr does', () => {
    expect(formatFloat(90000)).toBe('90000.0');
    expect(formatFloat(-3648)).toBe('-3648.0');
    expect(formatFloat(0.5964918040002051)).toBe('0.5964918040002051');
    expect(formatFloat(8.173617e-8)).toBe('8.173617e-08');
    expect(formatFloat(0.00005)).toBe('5e-05');
    expect(formatFloat(0.0001)).toBe('0.0001');
    expect(formatFloat(117000000)).toBe('117000000.0');
    expect(formatFloat(NaN)).toBe('');
    expect(formatFloat(null)).toBe('');
  });

  it('prints ints without a decimal point', () => {
    expect(formatInt(-17696)).toBe('-17696');
    expect(formatInt(365243)).toBe('365243');
  });

  it('quotes strings holding commas', () => {
    expect(formatString('Spouse, partner')).toBe('"Spouse, partner"');
    expect(formatString('Working')).toBe('Working');
    expect(formatString(undefined)).toBe('');
  });
});
