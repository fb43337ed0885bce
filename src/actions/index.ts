/**
 * The actions a step can take, keyed by the word used in YAML. The scenario schema is built from this
 * registry, so adding an action here makes it valid in scenarios, documented in `cx-shop schema`, and runnable.
 */
import { back } from './back.js';
import { check } from './check.js';
import { goto } from './goto.js';
import { hover } from './hover.js';
import { invoice } from './invoice.js';
import { press } from './press.js';
import { promo } from './promo.js';
import { read } from './read.js';
import { scroll } from './scroll.js';
import { select } from './select.js';
import { tap } from './tap.js';
import { type } from './type.js';
import { wait } from './wait.js';

export const actions = { goto, tap, type, select, check, press, hover, scroll, wait, back, read, promo, invoice };

/** Other words people use for the same action. */
export const actionAliases = { click: 'tap', fill: 'type' } as const satisfies Record<string, ActionName>;

export type ActionName = keyof typeof actions;
export type ActionAlias = keyof typeof actionAliases;

export function canonicalAction(key: string): ActionName | undefined {
  if (key in actions) return key as ActionName;
  if (key in actionAliases) return actionAliases[key as ActionAlias];
  return undefined;
}
