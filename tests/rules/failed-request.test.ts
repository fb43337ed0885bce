/**
 * failed-request on hand-built artifacts: a call the site refuses (a used voucher, an email already registered) while
 * the page tells the customer why is the site's answer, judged by the message rules; the same refusal with nothing
 * shown, a server error, a timeout or a page that is not there is a failure.
 */
import { describe, expect, it } from 'vitest';
import type { AppearedText, RequestRecord, StepOutcome } from '../../src/artifacts/types.js';
import failedRequest from '../../src/rules/failed-request.js';
import { judgedStep } from '../helpers/artifacts.js';

const request = (status: number, resourceType = 'fetch', method = 'POST'): RequestRecord => ({
  url: 'https://shop.test/api/voucher',
  method,
  resourceType,
  status,
  failure: null,
  party: 'site',
  cause: 'action',
  telemetry: false,
});

const reason: AppearedText = { kind: 'error', text: 'This voucher has already been used.', where: 'div#vc-note' };
const saved: AppearedText = { kind: 'status', text: 'Saved', where: 'div.toast' };

const findings = (requests: RequestRecord[], appeared: AppearedText[]) => failedRequest.detect(judgedStep({ requests, appeared }));

describe('failed-request and a site that is not there', () => {
  const page = (failure: string, status: 'error' | 'passed'): [RequestRecord[], StepOutcome] => [
    [{ url: 'https://shop.test/', method: 'GET', resourceType: 'document', status: null, failure, party: 'site', cause: 'action', telemetry: false }],
    status === 'error' ? { status: 'error', reason: 'goto: could not open https://shop.test/' } : { status: 'passed' },
  ];
  const judge = ([requests, outcome]: [RequestRecord[], StepOutcome]) => failedRequest.detect(judgedStep({ requests, outcome }));

  it('a page no server answered, where the step could not go on, is the run error the step says, not a finding', () => {
    expect(judge(page('net::ERR_CONNECTION_REFUSED', 'error'))).toEqual([]);
    expect(judge(page('net::ERR_NAME_NOT_RESOLVED', 'error'))).toEqual([]);
  });

  it('a page the server gave up on, or one that failed while the journey went on, still is', () => {
    expect(judge(page('net::ERR_EMPTY_RESPONSE', 'error'))).toHaveLength(1);
    expect(judge(page('net::ERR_CONNECTION_REFUSED', 'passed'))).toHaveLength(1);
  });
});

describe('failed-request and refusals', () => {
  it.each([400, 401, 402, 403, 404, 409, 410, 422])('a fetch refused with %i while the page says why is no failure', (status) => {
    expect(findings([request(status)], [reason])).toEqual([]);
  });

  it('an XHR refusal with an error message is no failure either', () => {
    expect(findings([request(422, 'xhr')], [reason])).toEqual([]);
  });

  it('a refusal explained in an alert ("That code is not right") is no failure', () => {
    const alert: AppearedText = { kind: 'alert', text: 'That code is not right. Check the latest text we sent, or ask for a new code.', where: 'p#msg (role alert)' };
    expect(findings([request(422)], [alert])).toEqual([]);
  });

  it('a refusal explained in a status or an alert with no word of error ("SPRING24 ended on 31 May") is no failure', () => {
    const ended: AppearedText = { kind: 'status', text: 'SPRING24 ended on 31 May. Check your latest email for a current code.', where: 'p#code-msg' };
    expect(findings([request(422)], [ended])).toEqual([]);
    expect(findings([request(422)], [{ ...ended, kind: 'alert' }])).toEqual([]);
    // The same words as plain text in the page are no answer to the refusal: any content may change with a step.
    expect(findings([request(422)], [{ ...ended, kind: 'text' }])).toHaveLength(1);
  });

  it('a refusal the page shows nothing for is a high failure', () => {
    expect(findings([request(409)], []).map((f) => [f.severity, f.evidence.measured])).toEqual([['high', 'HTTP 409']]);
  });

  it('a refusal shown with words that are no error (a "Saved" toast) is still a failure', () => {
    expect(findings([request(422)], [saved])).toHaveLength(1);
  });

  it.each([408, 429, 500, 503])('HTTP %i is the service failing, whatever the page says', (status) => {
    expect(findings([request(status)], [reason])).toHaveLength(1);
  });

  it('a page that is not there is a failure even when it shows an error', () => {
    expect(findings([request(404, 'document', 'GET')], [reason]).map((f) => f.severity)).toEqual(['high']);
  });
});

describe('failed-request once per address', () => {
  it('the same address failing twice in a step (the browser asking again by itself) is one failure; another address is another', () => {
    const empty = { ...request(0, 'document', 'GET'), status: null, failure: 'net::ERR_EMPTY_RESPONSE' };
    const other = { ...request(500), url: 'https://shop.test/api/bag' };
    expect(findings([empty, { ...empty }, other], []).map((f) => f.message)).toEqual(['GET /api/voucher failed (net::ERR_EMPTY_RESPONSE)', 'POST /api/bag answered HTTP 500']);
  });

  it("a call retried with a cache-buster of its own each try (jQuery's cache: false, ?_=time) is one failure; another query is another", () => {
    const tries = [1796450011061, 1796450011223, 1796450011529].map((time) => ({ ...request(500), url: `https://shop.test/api/giftcard?_=${time}` }));
    const other = { ...request(500), url: 'https://shop.test/api/giftcard?card=2&_=1796450011600' };
    expect(findings([...tries, other], []).map((f) => f.message)).toEqual(['POST /api/giftcard?_=1796450011061 answered HTTP 500', 'POST /api/giftcard?card=2&_=1796450011600 answered HTTP 500']);
    expect(findings(tries, [])[0]!.evidence).toMatchObject({ method: 'POST', url: 'https://shop.test/api/giftcard?_=1796450011061' });
  });
});
