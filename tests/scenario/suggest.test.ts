import { devices } from 'playwright';
import { describe, expect, it } from 'vitest';
import { closestMatches } from '../../src/scenario/suggest.js';

describe('closestMatches', () => {
  const deviceNames = Object.keys(devices);

  it('finds device names despite case, spacing and a missing letter', () => {
    expect(closestMatches('iphone 13', deviceNames)).toEqual(['iPhone 13']);
    expect(closestMatches('Pixl 7', deviceNames)).toEqual(['Pixel 7']);
    expect(closestMatches('desktop-chrome', deviceNames)).toEqual(['Desktop Chrome']);
  });

  it('finds keys with swapped letters or another spelling', () => {
    expect(closestMatches('nmae', ['name', 'steps'])).toEqual(['name']);
    expect(closestMatches('base_url', ['baseUrl', 'budget'])).toEqual(['baseUrl']);
  });

  it('accepts a shortened word, and suggests nothing for an unrelated one', () => {
    expect(closestMatches('promo', ['mobile-visit', 'promo-code', 'returns'])).toEqual(['promo-code']);
    expect(closestMatches('colour', ['name', 'goto', 'tap'])).toEqual([]);
  });
});
