import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { checkOptions } from '../../src/cli/execute.js';
import { initCommand } from '../../src/cli/init.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { ResolvedScenario } from '../../src/scenario/schema.js';
import { baseUrlProblem, siteAccess, withSiteSecrets } from '../../src/scenario/site-access.js';

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

describe('a base URL without https://', () => {
  const given = 'team:Stag1ngPa55@staging.northwind.example';

  it('is refused, saying https:// is missing, without its password', () => {
    // new URL() takes it as an address of the scheme "team:", which no browser opens.
    expect(URL.canParse(given)).toBe(true);
    expect(baseUrlProblem(given)).toBe('base URL "team:•••@staging.northwind.example" is missing https:// at its start');
    expect(baseUrlProblem('staging.northwind.example/en/')).toMatch(/is missing https:\/\//);
    expect(baseUrlProblem('ftp://team:pw@files.example/')).toBe('base URL "ftp://team:•••@files.example/" is not a web address: it must begin with https:// (or http://)');
    expect(baseUrlProblem('https://team:Stag1ngPa55@staging.northwind.example/')).toBeNull();
    expect(baseUrlProblem('http://127.0.0.1:5711')).toBeNull();
  });

  it('stops a run before it starts (exit 2), from --base-url or a scenario of its own', () => {
    const usage = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof UsageError ? error.message : `not a usage error: ${String(error)}`;
      }
      return 'accepted';
    };
    expect(usage(() => checkOptions([], { baseUrl: given }))).toBe('base URL "team:•••@staging.northwind.example" is missing https:// at its start');
    const own = { file: 's.yaml', baseUrl: given } as unknown as ResolvedScenario;
    expect(usage(() => checkOptions([own], {}))).toMatch(/is missing https:\/\/ at its start/);
    expect(usage(() => checkOptions([own], { baseUrl: 'https://staging.northwind.example' }))).toBe('accepted');
  });

  it('makes init write no template', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cx-shop-init-')), 'scenarios');
    await expect(initCommand(dir, { baseUrl: given })).rejects.toThrow(/is missing https:\/\/ at its start/);
    await expect(initCommand(dir, { baseUrl: given })).rejects.not.toThrow(/Stag1ngPa55/);
    expect(existsSync(dir)).toBe(false);
  });
});
