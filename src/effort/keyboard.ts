/**
 * Keyboard switches on a phone: an on-screen keyboard shows letters or digits, not both. Each change between
 * the two costs one extra key press (the switch key). Fields whose type or inputmode brings up a digit
 * keyboard (tel, number, inputmode=numeric/decimal/tel) type digits without switching.
 */
export interface FieldKind {
  type: string;
  inputMode: string | null;
}

const DIGIT_KEYBOARD_TYPES = new Set(['tel', 'number']);
const DIGIT_INPUT_MODES = new Set(['numeric', 'decimal', 'tel']);

/** Each character as the keyboard layer it needs: L a letter, D a digit, O anything else (either layer has it). */
export function characterClasses(text: string): string {
  return [...text].map((char) => (/\p{L}/u.test(char) ? 'L' : /\p{Nd}/u.test(char) ? 'D' : 'O')).join('');
}

/** Switches for characters given as classes (see characterClasses): the value itself is never needed. */
export function keyboardSwitches(classes: string, field: FieldKind): number {
  const digitKeyboard =
    DIGIT_INPUT_MODES.has(field.inputMode ?? '') || (field.inputMode === null && DIGIT_KEYBOARD_TYPES.has(field.type));
  let layer: 'L' | 'D' = digitKeyboard ? 'D' : 'L';
  let switches = 0;
  for (const cls of classes) {
    if ((cls === 'L' || cls === 'D') && cls !== layer) {
      switches += 1;
      layer = cls;
    }
  }
  return switches;
}
