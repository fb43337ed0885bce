/**
 * The returns journey rules in real Chromium, one fixture page per case: a login wall, a return that ends in
 * "call us", one that ends with nothing to keep and nobody to ask, and one confirmed with a number and a chat.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const journey = (steps: string) => `name: return\njourney: returns\nsteps:\n${steps}`;
const through = (link: string) =>
  journey(`  - name: Start a return\n    goto: /returns/start.html\n  - name: Continue\n    tap: { role: link, name: ${link} }\n`);
const returnsRules = (result: Awaited<ReturnType<typeof fixtures.run>>) =>
  result.steps.flatMap((step, i) => step.findings.filter((f) => f.rule.startsWith('returns-')).map((f) => [f.rule, f.severity, i]));

describe('returns journey rules', () => {
  it('a sign-in form before the return is a medium login wall, naming the password field', async () => {
    const result = await fixtures.run(journey('  - name: Open my returns\n    goto: /returns/login.html\n'));
    const [wall] = findingsOf(result, 'returns-login-wall');
    expect(wall).toMatchObject({ severity: 'medium', area: 'returns', evidence: { element: 'textbox labelled "Password"', selector: '#password' } });
  });

  it('a sign-in page with a link "Return without signing in", taken to a guest return by order number, is no login wall', async () => {
    const result = await fixtures.run(
      journey(
        '  - name: Start a return\n    goto: /returns/login-guest-link.html\n' +
          '  - name: Go on as a guest\n    tap: { role: link, name: Return without signing in }\n' +
          '  - name: Order number\n    type: { label: Order number, text: "55012" }\n' +
          '  - name: Email\n    type: { label: Email address, text: "priya@example.com" }\n' +
          '  - name: Continue\n    tap: { role: button, name: Continue }\n',
      ),
    );
    expect(result.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    // "Your return request has been submitted … Confirmation #A1234", "We'll email you a label to print": something to keep.
    expect(returnsRules(result)).toEqual([]);
  });

  it('a long order number ("302-4471288-1654321") is no phone number: a return with no contact has nobody to ask', async () => {
    const result = await fixtures.run(journey('  - name: Done\n    goto: /returns/order-number-only.html\n'));
    expect(returnsRules(result)).toEqual([['returns-no-human', 'medium', 0]]);
  });

  it('a return that ends in "please call our returns team" is a high dead end with nothing to keep', async () => {
    const result = await fixtures.run(through('Continue to the phone page'));
    expect(returnsRules(result)).toEqual([
      ['returns-dead-end', 'high', 1],
      ['returns-no-confirmation', 'high', 1],
    ]);
    expect(findingsOf(result, 'returns-dead-end')[0]!.evidence.measured).toBe('contact only: 0800 000 0000');
  });

  it('a dead end behind a header search, a language picker and a footer sign-up and help link is still a dead end', async () => {
    const result = await fixtures.run(journey('  - name: Return it\n    goto: /returns/call-us-framed.html\n'));
    expect(returnsRules(result).filter(([rule]) => rule !== 'returns-no-human')).toEqual([
      ['returns-dead-end', 'high', 0],
      ['returns-no-confirmation', 'high', 0],
    ]);
    // Quoted from the content (its heading and sentence), not from the site's name and search before it.
    expect(findingsOf(result, 'returns-dead-end')[0]!.evidence.text).toBe('Returns To return an item please call us on 0800 048 7731 (Monday to Friday, 9am to 5pm).');
  });

  it('a "Thank you" with a footer help link about returns labels, and no <main>, leaves nothing to keep', async () => {
    const result = await fixtures.run(journey('  - name: Done\n    goto: /returns/thanks-framed.html\n'));
    expect(returnsRules(result)).toEqual([['returns-no-confirmation', 'high', 0]]);
  });

  it('a return that ends in a plain "Thanks" leaves nothing to keep and nobody to ask', async () => {
    const result = await fixtures.run(through('Continue to thanks'));
    expect(returnsRules(result)).toEqual([
      ['returns-no-confirmation', 'high', 1],
      ['returns-no-human', 'medium', 1],
    ]);
  });

  it("a chat service's bubble, an icon named for screen readers, is a person to ask", async () => {
    const result = await fixtures.run(journey('  - name: Done\n    goto: /returns/thanks-chat.html\n'));
    expect(returnsRules(result)).toEqual([['returns-no-confirmation', 'high', 0]]);
  });

  it('a return "booked" with a returns label and a drop-off code, and "Customer service" in the footer, has no returns findings', async () => {
    const result = await fixtures.run(through('Continue to booking'));
    expect(returnsRules(result)).toEqual([]);
  });

  it("a \"Contact customer service\" link in a footer drawn as a web component is a person to ask", async () => {
    const result = await fixtures.run(journey('  - name: Done\n    goto: /returns/booked-component.html\n'));
    expect(returnsRules(result)).toEqual([]);
  });

  it('a confirmed return with a number and a chat link has no returns findings, and its summary counts the journey', async () => {
    const result = await fixtures.run(through('Continue to confirmation'));
    expect(returnsRules(result)).toEqual([]);
    expect(result.journeySummary).toMatchObject({ pages: 2, taps: 1, fields: 0 });
  });
});
