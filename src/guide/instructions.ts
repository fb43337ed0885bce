/**
 * A step's actions as instructions for a person: "Tap the button "Add to cart"", "Type your email into the field
 * labelled "Email"". Secrets are never shown: a value to type or choose that holds one says to use the value the
 * shopper was given; one inside other words (an address, a button's text) reads •••.
 */
import { MASK, redactor } from '../output/safe.js';
import { describeLocator, type Locator } from '../scenario/locator.js';
import type { ResolvedScenario, ResolvedStep } from '../scenario/schema.js';

type Args = Record<string, unknown>;

/** What a shopper is told instead of a secret value they type or choose. */
export const GIVEN = 'the value you were given for this (not shown here)';

/** Said once, where a paper or panel shows ••• for a secret inside other words. */
export const MASK_LEGEND = `Where you see ${MASK}, use the value you were given for it (not shown here).`;

/** Actions cx-shop does for the shopper in a guided run: arriving at a page costs the customer nothing. */
export function isOpening(action: string): boolean {
  return action === 'goto';
}

export function instructionsFor(step: ResolvedStep, scenario: Pick<ResolvedScenario, 'secrets' | 'device'>, baseUrl: string): string[] {
  const phone = !/desktop/i.test(scenario.device);
  const press = phone ? 'Tap' : 'Click';
  const hide = redactor(scenario.secrets);
  const value = (text: string) => (hide(text) !== text ? GIVEN : `"${text}"`);
  const lines: string[] = [];
  for (const { action, args } of step.actions) {
    const a = (typeof args === 'object' && args !== null ? args : {}) as Args;
    const where = () => describeLocator(a as Locator);
    switch (action) {
      case 'goto':
        lines.push(`cx-shop opens ${addressOf(String(args), baseUrl)} for you`);
        break;
      case 'tap':
        lines.push(`${press} ${where()}`);
        break;
      case 'hover':
        lines.push(`Point at ${where()} without clicking`);
        break;
      case 'type': {
        const { text, code: _code, clear: _clear, ...locator } = a;
        lines.push(`Type ${value(String(text))} into ${describeLocator(locator as Locator)}`);
        break;
      }
      case 'select': {
        const { option, ...locator } = a;
        const options = Array.isArray(option) ? option.map(String) : [String(option)];
        lines.push(`Choose ${options.map(value).join(' and ')} in ${describeLocator(locator as Locator)}`);
        break;
      }
      case 'check': {
        const { checked, ...locator } = a;
        lines.push(`${checked === false ? 'Untick' : 'Tick'} ${describeLocator(locator as Locator)}`);
        break;
      }
      case 'press':
        lines.push(`Press ${String(a.key)}${Number(a.times) > 1 ? ` ${Number(a.times)} times` : ''}`);
        break;
      case 'scroll':
        lines.push(a.bottom ? 'Scroll to the bottom of the page' : a.to ? `Scroll until you see ${describeLocator(a.to as Locator)}` : 'Scroll the page');
        break;
      case 'read':
        lines.push(`Read ${where()}`);
        break;
      case 'back':
        lines.push("Go back with the browser's back button");
        break;
      case 'wait':
        lines.push(a.text ? `Wait until you see "${String(a.text)}"` : a.url ? 'Wait for the next page' : a.visible ? `Wait until you see ${describeLocator(a.visible as Locator)}` : 'Wait a moment');
        break;
      case 'promo':
        lines.push(
          (a.apply as Args | undefined)?.key === 'Enter'
            ? `Find where to enter a promo code, type ${value(String(a.code))} and press Enter`
            : `Find where to enter a promo code and apply ${value(String(a.code))}`,
        );
        break;
      case 'invoice':
        lines.push(a.download ? 'Download your invoice and read it' : a.file ? 'Open the invoice file you were given and read it' : 'Read your invoice on this page');
        break;
      default: {
        const name: string = action;
        lines.push(`${name[0]!.toUpperCase()}${name.slice(1)}`);
      }
    }
  }
  return lines.map(hide);
}

/** Words a step's name starts with when it says what the customer does: "Add the shoes to the cart". */
const DOING =
  /^(open|go|get|add|apply|enter|type|tap|click|press|choose|pick|find|look|read|return|pay|check|sign|log|fill|select|search|buy|see|view|start|place|confirm|remove|change|track|download|print|accept|close|save|book|order|use|compare|scroll|contact|call|ask|reach|update|create|cancel|subscribe|claim|redeem|give|send|show|swipe|leave|come|follow|try|make|put|take|set|share|rate|write|reply|verify|register|join|continue|finish|complete|review|request|report|upload|copy|paste|switch|turn|allow|decline|dismiss|agree|keep|browse|say|tell|visit|move|wait|hover|point|fix|correct|edit|undo|empty|clear|let|help|learn|note|mark|sort|filter|refine|zoom|expand|drag|slide)\b/i;

/**
 * The CES 2.0 style statement for a step: "It was easy to add the shoes to the cart." A name that does not say what
 * was done ("Recorded journey", "Promo code") is quoted instead: "It was easy to do this: Promo code."
 */
export function easeStatement(name: string): string {
  const words = name.trim().replace(/[.!]+$/, '');
  if (!DOING.test(words)) return `It was easy to do this: ${words}.`;
  const lowered = /^[A-Z][a-z]/.test(words) ? `${words[0]!.toLowerCase()}${words.slice(1)}` : words;
  return `It was easy to ${lowered}.`;
}

/** A page's full address, or its path on the site when the site's address is not known here. */
function addressOf(target: string, baseUrl: string): string {
  if (URL.canParse(target)) return target;
  return baseUrl ? new URL(target, baseUrl).href : `${target} on the site`;
}
