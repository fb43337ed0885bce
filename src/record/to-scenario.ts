/**
 * What a person did while `cx-shop record` watched, as a scenario file: a step per act, named from what was done
 * ("Tap "Add to cart"", "Type into "Email""), pages of the site as paths of its baseUrl, the address each act led to
 * as the step's expectation, and values typed into secret fields never written out (they become `${env.NAME}`).
 */
import { stringify } from 'yaml';
import type { RecordedAct, RecordedLocator } from './in-page.js';

/** A page that loads this soon after an act was brought by it (a link, a form sent). */
const LED_TO_MS = 5000;

export interface RecordedScenario {
  yaml: string;
  steps: number;
  notes: string[];
}

export function scenarioFromActs(acts: readonly RecordedAct[], options: { startUrl: string; device: string; name?: string; testIdAttribute?: string }): RecordedScenario {
  const origin = new URL(options.startUrl).origin;
  const where = (url: string) => {
    const u = new URL(url);
    return u.origin === origin ? `${u.pathname}${u.search}` || '/' : url;
  };
  const steps: Array<Record<string, unknown>> = [];
  const notes: string[] = [];
  const secrets = new Map<string, string>();
  let lastAct = null as { step: Record<string, unknown>; t: number } | null;
  let lastPage: string | null = null;

  for (const act of acts) {
    switch (act.kind) {
      case 'document': {
        const page = where(act.url);
        if (act.how === 'reload') break;
        if (lastPage === null) {
          steps.push({ name: `Open ${page === '/' ? 'the home page' : page}`, goto: page });
        } else if (act.how === 'back_forward') {
          steps.push({ name: 'Go back', back: true });
        } else if (lastAct && act.t - lastAct.t <= LED_TO_MS) {
          // Brought by the person's last act: what replaying that act must lead to.
          if (page !== lastPage) lastAct.step.expect = { url: new URL(act.url).pathname };
        } else if (page !== lastPage && act.how !== 'route') {
          steps.push({ name: `Open ${page === '/' ? 'the home page' : page}`, goto: page });
        }
        lastPage = page;
        lastAct = null;
        break;
      }
      case 'tap':
        push({ name: `Tap "${act.words}"`, tap: clean(act.locator) }, act.t);
        break;
      case 'type': {
        const previous = steps.at(-1);
        // The same field typed into again straight away: one step, with what it held in the end.
        if (previous?.type && JSON.stringify(withoutText(previous.type as Record<string, unknown>)) === JSON.stringify(clean(act.locator))) steps.pop();
        let text = act.value;
        if (act.secret && text !== '') {
          const key = JSON.stringify(act.locator);
          if (!secrets.has(key)) {
            const name = `CX_SHOP_SECRET_${secrets.size + 1}`;
            secrets.set(key, name);
            notes.push(`what was typed into "${act.words}" looks secret: it is not written out; set ${name} when you run the scenario`);
          }
          text = `\${env.${secrets.get(key)}}`;
        }
        push({ name: `Type into "${act.words}"`, type: { ...clean(act.locator), text } }, act.t);
        break;
      }
      case 'select':
        push({ name: `Choose "${act.option}" in "${act.words}"`, select: { ...clean(act.locator), option: act.option } }, act.t);
        break;
      case 'check':
        push({ name: `${act.checked ? 'Tick' : 'Untick'} "${act.words}"`, check: { ...clean(act.locator), ...(act.checked ? {} : { checked: false }) } }, act.t);
        break;
      case 'press':
        push({ name: `Press ${act.key}`, press: act.key }, act.t);
        break;
    }
  }
  for (const [i, step] of steps.entries()) if (steps.findIndex((s) => s.name === step.name) !== i) step.name = `${String(step.name)} (${i + 1})`;
  const scenario = {
    name: options.name?.trim() || `Recorded journey on ${new URL(options.startUrl).host}`,
    description: "Recorded with cx-shop record: rename the steps in the customer's words, and add what they should see with expect:",
    journey: 'custom',
    device: options.device,
    baseUrl: origin,
    ...(options.testIdAttribute && options.testIdAttribute !== 'data-testid' ? { testIdAttribute: options.testIdAttribute } : {}),
    steps,
  };
  return { yaml: stringify(scenario, { lineWidth: 0 }), steps: steps.length, notes };

  function push(step: Record<string, unknown>, t: number) {
    steps.push(step);
    lastAct = { step, t };
  }
}

function clean(locator: RecordedLocator): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['role', 'name', 'label', 'placeholder', 'text', 'testId', 'css', 'exact'] as const) if (locator[key] !== undefined) out[key] = locator[key];
  return out;
}

function withoutText(args: Record<string, unknown>): Record<string, unknown> {
  const { text: _text, ...rest } = args;
  return rest;
}
