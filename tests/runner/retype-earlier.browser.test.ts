/**
 * The retyping an error message forces, judged from a real run: the field it names may have been typed in an earlier
 * step than the one that sent the form, and the customer types it again all the same.
 */
import { expect, it } from 'vitest';
import { pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

it('an email typed a step before the tap that sends the form is typed again, as when typed in the same step', async () => {
  const name = '  - name: Name\n    type: { label: Full name, text: Ada Lovelace }\n';
  const email = '    type: { label: Email address, text: ada.lovelace.example.com }\n';
  const send = '    tap: { role: button, name: Create account }\n    expect: { text: valid email address }\n';
  const split = await fixtures.run(pageScenario('forms', 'signup-email-check.html', { steps: `${name}  - name: Email\n${email}  - name: Send\n${send}` }));
  const together = await fixtures.run(pageScenario('forms', 'signup-email-check.html', { steps: `${name}  - name: Email and send\n${email}${send}` }));
  const retyping = (result: typeof split) => result.steps.flatMap((s) => s.recovery.filter((r) => r.rule === 'error-message').map((r) => r.what));
  expect(retyping(together)).toEqual(['go to textbox labelled "Email address" and type it again (24 characters)']);
  expect(retyping(split)).toEqual(retyping(together));
});
