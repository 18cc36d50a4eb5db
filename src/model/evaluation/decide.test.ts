import { describe, expect, it } from 'vitest';

import { decide, reviewInterval } from './decide.js';

describe('decide', () => {
  it('refuses at or above the threshold without a band', () => {
    expect(decide(0.09, 0.09)).toBe('refused');
    expect(decide(0.0899, 0.09)).toBe('accepted');
    expect(decide(1, 0.09, 0)).toBe('refused');
    expect(decide(0, 0.09)).toBe('accepted');
  });

  it('reads the band as a half-width: threshold ± band, ends open', () => {
    const t = 0.25;
    const band = 0.125; // exact in binary, so the ends are exact
    expect(decide(0.125, t, band)).toBe('accepted'); // t - band exactly: outside
    expect(decide(0.126, t, band)).toBe('review');
    expect(decide(0.25, t, band)).toBe('review');
    expect(decide(0.374, t, band)).toBe('review');
    expect(decide(0.375, t, band)).toBe('refused'); // t + band exactly: outside
    expect(decide(0.05, 0.09, 0.05)).toBe('review'); // 0.04 < 0.05 < 0.14
    expect(decide(0.15, 0.09, 0.05)).toBe('refused');
    // Decimal ends are exact despite binary rounding: 0.09 - 0.05 is 0.039999999999999994 in doubles.
    expect(decide(0.04, 0.09, 0.05)).toBe('accepted');
    expect(decide(0.14, 0.09, 0.05)).toBe('refused');
    expect(reviewInterval(0.09, 0.05)).toEqual({ low: 0.04, high: 0.14 });
    expect(reviewInterval(t, band)).toEqual({ low: 0.125, high: 0.375 });
  });

  it('refuses bad input', () => {
    expect(() => decide(Number.NaN, 0.1)).toThrow(/probability NaN/);
    expect(() => decide(1.2, 0.1)).toThrow(/not in \[0, 1\]/);
    expect(() => decide(0.2, Number.NaN)).toThrow(/threshold is NaN/);
    expect(() => decide(0.2, 0.1, -0.05)).toThrow(/review band is -0.05/);
  });
});
