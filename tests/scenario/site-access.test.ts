import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { siteAccess, withSiteSecrets } from '../../src/scenario/site-access.js';

describe('a base URL with a user name and password', () => {
  it('gives the browser its login for that site alone, and an address without it', () => {
    expect(siteAccess('https://team:p%40ss%20w@staging.shop.example/en/')).toEqual({
      baseUrl: 'https://staging.shop.example/en/',
      credentials: { username: 'team', password: 'p@ss w', origin: 'https://staging.shop.example' },
    });
    // Written as given otherwise: no slash added to a bare host.
    expect(siteAccess('https://team:x@staging.shop.example').baseUrl).toBe('https://staging.shop.example');
    expect(siteAccess('https://shop.example/')).toEqual({ baseUrl: 'https://shop.example/', credentials: null });
  });

  it('makes the password a secret, as written and as sent, from --base-url or the scenario', () => {
    const [scenario] = withSiteSecrets([{ secrets: ['4111111111111111'] }], 'https://team:p%40ss@staging.shop.example/');
    expect(scenario!.secrets).toEqual(['4111111111111111', 'p%40ss', 'p@ss']);
    const parsed = parseScenario('s.yaml', 'name: s\nbaseUrl: https://team:Tr0ub4dor@staging.shop.example/\nsteps:\n  - name: Open\n    goto: /\n', {});
    expect(parsed.scenario?.secrets).toEqual(['Tr0ub4dor']);
    // One without a password has none to add.
    expect(withSiteSecrets([{ secrets: [] }], 'https://shop.example/')[0]!.secrets).toEqual([]);
  });
});
