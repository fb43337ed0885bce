/**
 * A site behind the browser's own sign-in prompt (a staging or preview site with HTTP basic authentication) is given
 * as a base URL with a user name and password: `https://team:PASSWORD@staging.shop.example/`. The browser is given
 * them as its answer to the prompt, for that site only, and the address cx-shop goes to, records and reports is the
 * one without them; the password is a secret like `${env.NAME}` values, masked wherever it might still show.
 */
export interface SiteCredentials {
  username: string;
  password: string;
  /** The only site they are sent to (`https://staging.shop.example`): never to a third party's. */
  origin: string;
}

export interface SiteAccess {
  /** The base URL without its user name and password. */
  baseUrl: string;
  credentials: SiteCredentials | null;
  /** Hosts on other domains that are the site's own too (a scenario's `siteHosts`: its API, its image host). */
  hosts?: readonly string[];
  /**
   * Open the site whatever its certificate (`--ignore-https-errors`): a staging site with a self-signed certificate or
   * one of the team's own authority, which the browser does not trust and a customer never meets.
   */
  ignoreHttpsErrors?: boolean;
}

export function siteAccess(baseUrl: string): SiteAccess {
  if (!URL.canParse(baseUrl)) return { baseUrl, credentials: null };
  const url = new URL(baseUrl);
  if (!url.username && !url.password) return { baseUrl, credentials: null };
  const credentials = { username: decode(url.username), password: decode(url.password), origin: url.origin };
  url.username = '';
  url.password = '';
  // Written as it was given, but for the part taken out (new URL() would add a slash to `https://host`).
  const bare = baseUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
  return { baseUrl: URL.canParse(bare) ? bare : url.href, credentials };
}

/** The site a scenario runs on: its base URL's access, the scenario's `siteHosts`, and whether to trust any certificate. */
export function siteFor(baseUrl: string, hosts: readonly string[] | undefined, ignoreHttpsErrors = false): SiteAccess {
  return { ...siteAccess(baseUrl), hosts: hosts ?? [], ...(ignoreHttpsErrors && { ignoreHttpsErrors: true }) };
}

/**
 * What a browser context, or the link check's requests, are given to reach the site: its user name and password, sent
 * to it alone once it asks, and whether to trust any certificate.
 */
export function accessOptions(site: Pick<SiteAccess, 'credentials' | 'ignoreHttpsErrors'>) {
  return {
    ...(site.credentials && { httpCredentials: { ...site.credentials, send: 'unauthorized' as const } }),
    ...(site.ignoreHttpsErrors && { ignoreHTTPSErrors: true }),
  };
}

/**
 * Why a base URL cannot be the site's address, or null when it can: a web address (https:// or http://) that parses.
 * Written without https:// ("team:PASSWORD@staging.shop.example"), an address reads as one of the scheme "team:",
 * which no browser opens, and whose password is no password to mask: it is refused before anything is run or
 * written. Told without its password.
 */
export function baseUrlProblem(baseUrl: string): string | null {
  const shown = `base URL "${baseUrl.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^:@/?#\s]*:)[^@/?#]*@/i, '$1•••@')}"`;
  if (/^https?:\/\//i.test(baseUrl)) return URL.canParse(baseUrl) ? null : `${shown} is not a URL`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl)) return `${shown} is not a web address: it must begin with https:// (or http://)`;
  return `${shown} is missing https:// at its start`;
}

/** The password of a base URL, as written and as the browser is given it: a secret in either form. */
export function siteSecrets(baseUrl: string | undefined): string[] {
  if (!baseUrl || !URL.canParse(baseUrl)) return [];
  const written = new URL(baseUrl).password;
  return written ? [...new Set([written, decode(written)])] : [];
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The scenarios with the password of the base URL they run on (`--base-url`, or their own) among their secrets. */
export function withSiteSecrets<T extends { baseUrl?: string | undefined; secrets: string[] }>(scenarios: T[], baseUrl: string | undefined): T[] {
  return scenarios.map((scenario) => {
    const site = siteSecrets(baseUrl ?? scenario.baseUrl);
    return site.length === 0 ? scenario : { ...scenario, secrets: [...new Set([...scenario.secrets, ...site])] };
  });
}
