/**
 * From the page's events to what the customer did: a press followed by keystrokes in a field is typing into it,
 * a press on a list followed by its change is a choice, gestures are swipes. Pure, so the same events always make
 * the same interactions, whoever's hands made them.
 */
import type { Interaction, TargetInfo } from '../artifacts/types.js';
import { keyboardSwitches } from '../effort/keyboard.js';
import type { FieldNote, PageEvent } from './in-page.js';

/** Field words that mark a code: customers type codes character by character, checking each one. */
const CODE_FIELD = /promo|coupon|voucher|discount|gift.?card|order.?(number|no\b|id)|tracking.?(?:number|no\b|id|code)|\breference\b|\bcode\b/i;

/** Codes the customer knows by heart, typed as any word is: their postcode or ZIP code, their country's dialling code. */
const KNOWN_CODE = /\b(?:postal|post|zip|area|country|dial(?:l?ing)?)[\s_-]?code\b|\bc[oó]digo[\s_-]postal\b|\bcode[\s_-]postal\b/giu;

function isCodeField(field: Pick<FieldNote, 'words' | 'target'>): boolean {
  return CODE_FIELD.test(`${field.words} ${field.target.description}`.replace(KNOWN_CODE, ' '));
}

/** What the driver meant by the typing into the next field, when it knows (a person's intent is not known). */
export interface TypingIntent {
  code?: boolean;
}

interface Session {
  field: FieldNote;
  pointed: TargetInfo | null;
  chars: number;
  deletes: number;
  classes: string;
  intent: TypingIntent | undefined;
}

/**
 * Whether the event is an input of the customer's own that ends a run of typing. Keystrokes that land in another
 * field with none in between are the same typing: the page moved the focus on as the customer typed (a code in six
 * boxes, a date in three), as they move on themselves only with a tap or a key such as Tab.
 */
export function endsTyping(event: PageEvent): boolean {
  if (event.type === 'key') return !(event.field && (event.key === 'char' || event.key === 'delete'));
  return event.type === 'press' || event.type === 'select' || event.type === 'choice' || event.type === 'scroll' || event.type === 'hover' || event.type === 'document';
}

/** A press this close before the first keystroke is the customer tapping the field to type into it. */
const PRESS_TO_TYPE_MS = 10_000;

/**
 * `backs`: when the customer pressed the browser's back button (cx-shop's clock, as events' `received`): the page's
 * route popped after one is their going back, however soon after a press of theirs it came.
 */
export function interactionsOf(
  events: readonly (PageEvent & { received?: number })[],
  touch: boolean,
  { intents = [], personDrives = false, backs = [] }: { intents?: TypingIntent[]; personDrives?: boolean; backs?: readonly number[] } = {},
): Interaction[] {
  const out: Interaction[] = [];
  const backQueue = [...backs].sort((a, b) => a - b);
  /** Whether the customer's back press came before this event (and is taken by it). */
  const afterBack = (event: { received?: number }) => {
    if (backQueue.length === 0 || event.received === undefined || event.received < backQueue[0]!) return false;
    backQueue.shift();
    return true;
  };
  let pending: (PageEvent & { type: 'press' }) | null = null;
  let session: Session | null = null;
  const intentQueue = [...intents];

  const flushPress = () => {
    if (pending) out.push({ kind: 'tap', target: pending.target, pointer: pending.pointer });
    pending = null;
  };
  const closeSession = () => {
    if (!session) return;
    const { field, pointed, chars, deletes, classes, intent } = session;
    session = null;
    if (chars === 0 && deletes === 0) {
      if (pointed) out.push({ kind: 'tap', target: pointed, pointer: touch ? 'touch' : 'mouse' });
      return;
    }
    out.push({
      kind: 'type',
      target: pointed ?? field.target,
      pointed: pointed !== null,
      chars,
      deletes,
      code: intent?.code ?? isCodeField(field),
      keyboardSwitches: touch ? keyboardSwitches(classes, field) : 0,
    });
  };

  for (const event of events) {
    // Keystrokes with none of these between them are one stretch of typing, across fields too (see endsTyping).
    if (endsTyping(event)) closeSession();
    switch (event.type) {
      case 'press':
        flushPress();
        pending = event;
        break;
      case 'key': {
        const typing = event.key === 'char' || event.key === 'delete';
        if (typing && event.field) {
          if (!session) {
            const pointedAt = pending && event.t - pending.t <= PRESS_TO_TYPE_MS ? pending.target : null;
            if (!pointedAt) flushPress();
            pending = null;
            session = { field: event.field, pointed: pointedAt, chars: 0, deletes: 0, classes: '', intent: intentQueue.shift() };
          }
          if (event.key === 'char') {
            session!.chars += 1;
            session!.classes += event.cls;
          } else session!.deletes += 1;
          break;
        }
        flushPress();
        out.push({ kind: 'press', key: typing ? (event.key === 'char' ? 'character' : 'Backspace') : event.key });
        break;
      }
      case 'select': {
        const pointed = pending !== null && pending.field?.id === event.field.id;
        if (!pointed) flushPress();
        pending = null;
        out.push({ kind: 'select', target: event.target, choices: event.choices, pointed });
        break;
      }
      case 'scroll':
        flushPress();
        out.push({ kind: 'scroll', pixels: event.pixels, viewports: Math.ceil(event.pixels / Math.max(1, event.size)), direction: event.direction });
        break;
      case 'hover':
        flushPress();
        out.push({ kind: 'hover', target: event.target });
        break;
      case 'document':
        flushPress();
        if (event.how === 'back_forward' || event.how === 'restored') {
          afterBack(event);
          out.push({ kind: 'navigate', url: event.url, via: 'back' });
        }
        // A reload is the customer's only where a person drives (their browser's reload button): a script never
        // reloads, and a page that reloads itself (an order status that refreshes) costs the customer nothing.
        else if (event.how === 'reload' && personDrives) out.push({ kind: 'navigate', url: event.url, via: 'reload' });
        break;
      case 'route':
        // A route popped right after a press is the page's own back button, which the press already paid for, unless
        // the customer pressed the browser's.
        if (event.how === 'pop' && (afterBack(event) || !events.some((e) => e.type === 'press' && e.t <= event.t && event.t - e.t < 1000))) {
          closeSession();
          flushPress();
          out.push({ kind: 'navigate', url: event.url, via: 'back' });
        }
        break;
      default:
        break;
    }
  }
  closeSession();
  flushPress();
  return withoutHoversBeforeTheirTap(out);
}

/** A pointer resting on a control before pressing it is part of the press, not a hover of its own. */
function withoutHoversBeforeTheirTap(interactions: Interaction[]): Interaction[] {
  return interactions.filter((interaction, i) => {
    if (interaction.kind !== 'hover') return true;
    const next = interactions.slice(i + 1).find((n) => n.kind !== 'scroll');
    return !(next && 'target' in next && next.target.description === interaction.target.description && next.kind !== 'hover');
  });
}
