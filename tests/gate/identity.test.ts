/**
 * A finding's identity on a shop whose pages change on every load: generated ids, rotating banners, shuffled lists,
 * session ids and cache-busters in addresses, reference numbers in messages. What changes on every load moves no
 * finding; a finding about something else (another field, another link, another request, another error) is new.
 */
import { describe, expect, it } from 'vitest';
import { compareReports, subjectsOf } from '../../src/gate/compare.js';
import { unstableAcross } from '../../src/gate/repeat.js';
import type { Finding } from '../../src/report/types.js';
import { finding, report, scenario, step } from '../helpers/report.js';

const run = (...findings: Finding[]) => report([scenario('Check a gift card', [step('Open', 2), step('Check', 5, findings)])]);
const compare = (before: Finding[], after: Finding[]) => compareReports(run(...before), run(...after), 'low');
const messages = (before: Finding[], after: Finding[]) => {
  const { regressions, improvements } = compare(before, after);
  return { regressions: regressions.map((r) => r.message), improvements: improvements.map((i) => i.message) };
};
const nothing = { regressions: [], improvements: [] };

/** An error message in a box whose id the page draws at random (for aria-describedby). */
const errorBox = (id: string, text = 'That gift card number is not valid. Check the 16 digits on the back of the card.') => {
  const f = finding('error-message', 'medium', `div#${id} (role alert)`, `The message "${text}" says nothing the customer can act on`);
  f.evidence.text = text;
  return f;
};

/** A finding of a page rule about several elements, each with its address (broken links, broken images). */
const links = (...items: Array<[string, string]>) => {
  const f = finding('broken-link', 'medium', items[0]![0], `${items.length} links lead nowhere: ${items[0]![0]} → HTTP 404`);
  f.evidence = { ...f.evidence, selector: '#rec > li:nth-of-type(1) > a', count: items.length, items: items.map(([element, href], i) => ({ element, selector: `#rec > li:nth-of-type(${i + 1}) > a`, box: null, measured: `${href}: HTTP 404` })) };
  return f;
};
const parka: [string, string] = ['link "Harbour parka"', 'https://shop.test/p/harbour-parka?sid=a81f0c'];
const beanie: [string, string] = ['link "Alpine beanie"', 'https://shop.test/p/alpine-beanie'];

const failedCall = (method: string, url: string) => {
  const path = new URL(url);
  const f = finding('failed-request', 'high', '', `${method} ${path.pathname}${path.search} answered HTTP 500`);
  f.evidence = { url, measured: 'HTTP 500', threshold: 'HTTP status below 400' };
  return f;
};
const thrown = (text: string) => {
  const f = finding('page-error', 'high', '', `The page threw an uncaught error: ${text}`);
  f.evidence = { url: `https://shop.test/bag?sid=${text.length}`, text, measured: '1 error', threshold: 'none' };
  return f;
};

describe('an identity that survives what changes on every load', () => {
  it('an error message in a box with a generated id is the same message on the next load', () => {
    expect(messages([errorBox('gc-msg-k3x9qa')], [errorBox('gc-msg-p7b2mz')])).toEqual(nothing);
    expect(messages([errorBox('gc-msg-k3x9qa')], [errorBox('gc-msg-mwfjik')])).toEqual(nothing);
    expect(messages([errorBox('gc-msg-mwfjik')], [errorBox('gc-msg-lysunc')])).toEqual(nothing);
    expect(messages([errorBox(':r1:')], [errorBox(':r7:')])).toEqual(nothing);
  });

  it("two fields' errors in one step stay two: one more is new, naming its box", () => {
    const card = errorBox('msg-4kq2x', 'Enter the 16 digits of the card.');
    const pin = errorBox('msg-9zt0c', 'Enter the PIN.');
    expect(compare([card], [errorBox('msg-7ab1y', 'Enter the 16 digits of the card.'), pin]).regressions.map((r) => r.element)).toEqual(['div#msg-9zt0c (role alert)']);
    expect(compare([errorBox('card-error'), errorBox('pin-error')], [errorBox('card-error')]).improvements.map((r) => r.element)).toEqual(['div#pin-error (role alert)']);
  });

  it("a rotating banner's low-contrast strip is known by its place, not the text it shows this time", () => {
    const strip = (text: string) => {
      const f = finding('accessibility', 'medium', `p "${text}"`, `Text is hard to read: p "${text}"`);
      f.evidence = { ...f.evidence, selector: '#promo', items: [{ element: `p "${text}"`, selector: '#promo', box: null }] };
      return f;
    };
    expect(messages([strip('Members save 10% today')], [strip('New in: autumn knitwear')])).toEqual(nothing);
    expect(subjectsOf(strip('Free delivery over £50 this week'))).toEqual(['#promo']);
  });

  it('numbers in a quoted text (a reference number, a time) are no new finding', () => {
    expect(messages([thrown('Order 48213 could not be saved at 12:30')], [thrown('Order 99120 could not be saved at 12:31')])).toEqual(nothing);
    expect(messages([finding('dead-tap', 'high', 'button "Track order 48213"')], [finding('dead-tap', 'high', 'button "Track order 99120"')])).toEqual(nothing);
    expect(compare([finding('dead-tap', 'high', 'button "Track order 48213"')], [finding('dead-tap', 'high', 'button "Cancel order 99120"')]).regressions).toHaveLength(1);
  });

  it('repeats of a page with a generated id are stable', () => {
    expect(unstableAcross([run(errorBox('gc-msg-k3x9qa')), run(errorBox('gc-msg-p7b2mz'))])).toEqual([]);
  });
});

describe('a finding about several links or images is matched link by link', () => {
  it('a second dead link is a regression that names it; the first one is not', () => {
    expect(messages([links(parka)], [links(parka, beanie)]).regressions).toEqual([
      '"Check a gift card", step "Check": new medium broken-link on link "Alpine beanie" (/p/alpine-beanie): 2 links lead nowhere: link "Harbour parka" → HTTP 404',
    ]);
  });

  it('two dead links in a shuffled list, with a new session id in their addresses, are the same two', () => {
    const shuffledParka: [string, string] = [parka[0], 'https://shop.test/p/harbour-parka?sid=77d0e2'];
    expect(messages([links(parka, beanie)], [links(beanie, shuffledParka)])).toEqual(nothing);
  });

  it('after one of two broken images is fixed, the other is no regression and the fixed one is gone, by name', () => {
    const images = (...srcs: string[]) => {
      const f = finding('broken-image', 'medium', `img "${srcs[0]}"`, `${srcs.length} images did not load`);
      f.evidence = { ...f.evidence, items: srcs.map((src) => ({ element: `img "${src}"`, selector: 'img', box: null, measured: `https://cdn.shop.test/${src}.jpg?v=1712345678 (HTTP 404)` })) };
      return f;
    };
    const { regressions, improvements } = compare([images('coat', 'scarf')], [images('scarf')]);
    expect(regressions).toEqual([]);
    expect(improvements.map((i) => i.element)).toEqual(['img "coat" (/coat.jpg)']);
  });
});

describe('failed requests and uncaught errors are known by what failed', () => {
  it('a new failing call behind a fixed one is a regression, the fixed one an improvement', () => {
    const { regressions, improvements } = compare([failedCall('POST', 'https://shop.test/api/giftcard')], [failedCall('POST', 'https://shop.test/api/loyalty')]);
    expect(regressions.map((r) => r.element)).toEqual(['POST /api/loyalty']);
    expect(improvements.map((i) => i.element)).toEqual(['POST /api/giftcard']);
  });

  it('the same call with another session id or cache-buster is the same failure', () => {
    expect(messages([failedCall('POST', 'https://shop.test/api/giftcard?sid=9f8e7d6c5b4a&_=1796450011061')], [failedCall('POST', 'https://shop.test/api/giftcard?_=1796450099999&sid=0a1b2c3d4e5f')])).toEqual(nothing);
    expect(compare([failedCall('GET', 'https://shop.test/api/giftcard')], [failedCall('POST', 'https://shop.test/api/giftcard')]).regressions).toHaveLength(1);
  });

  it('another uncaught error is a regression', () => {
    expect(compare([thrown('Order 48213 could not be saved')], [thrown('basket is not defined')]).regressions.map((r) => r.element)).toEqual(['basket is not defined']);
    expect(compare([thrown("Cannot read properties of undefined (reading 'track')")], [thrown('basket is not defined')]).regressions.map((r) => r.message)).toEqual([
      '"Check a gift card", step "Check": new high page-error: The page threw an uncaught error: basket is not defined',
    ]);
  });
});
