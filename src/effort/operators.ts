/**
 * The constants of the effort model, each with where it comes from. Seconds of customer effort.
 * Keystroke-Level Model (Card, Moran & Newell 1980) as CogTool applies it, with Fitts' law for pointing.
 */
export const OPERATORS = {
  /** M: mental preparation before a tap, before typing a field's value, per choice in a list. Card et al. */
  mental: 1.35,
  /** P on touch: a + b * log2(D/W + 1). b from MacKenzie 2015 (6.95 bit/s); a is a cx-shop convention. */
  touchA: 0.2,
  touchB: 0.144,
  /** P with a mouse: max(0.1, 0.1 * log2(D/W + 0.5)) plus 0.2 for the click. ACT-R / CogTool. */
  mouseMin: 0.1,
  mouseB: 0.1,
  mouseClick: 0.2,
  /** K: one keystroke of an average typist (40 wpm). Card et al. */
  keystroke: 0.28,
  /** K for codes (promo codes, order numbers), typed while checking each character. Card et al. */
  codeKeystroke: 0.5,
  /** A switch between the letter and digit layers of a phone keyboard: one more keystroke. */
  keyboardSwitch: 0.28,
  /** H: moving the hand between mouse and keyboard. Card et al. */
  homing: 0.4,
  /** One swipe or wheel gesture per viewport height (cx-shop convention), plus one M to search. */
  swipe: 0.5,
  /** Reading, per non-space character (textstat's reading time: 14.69 ms per character). */
  readingPerChar: 0.0147,
} as const;

/** Seconds added per finding: a moment of thought, a thought plus a retry, Nielsen's 10 s attention limit. */
export const PENALTIES = { low: 1.35, medium: 3, high: 10 } as const;

export const SOURCES = {
  klm: 'Card, Moran & Newell (1980), The Keystroke-Level Model; CogTool',
  touch: 'MacKenzie (2015), touch throughput 6.95 bit/s; intercept a = 0.2 s is a cx-shop convention',
  mouse: 'ACT-R / CogTool Fitts coefficients',
  reading: "textstat's reading time, 14.69 ms per character",
  penalties: 'cx-shop convention: Low 1.35 s, Medium 3 s, High 10 s (Nielsen response-time limits)',
} as const;
