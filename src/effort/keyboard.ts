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

export function keyboardSwitches(text: string, field: FieldKind): number {
  const digitKeyboard =
    DIGIT_INPUT_MODES.has(field.inputMode ?? '') || (field.inputMode === null && DIGIT_KEYBOARD_TYPES.has(field.type));
  let layer: 'letters' | 'digits' = digitKeyboard ? 'digits' : 'letters';
  let switches = 0;
  for (const char of text) {
    const wanted = /\p{L}/u.test(char) ? 'letters' : /\p{Nd}/u.test(char) ? 'digits' : layer;
    if (wanted !== layer) {
      switches += 1;
      layer = wanted;
    }
  }
  return switches;
}
