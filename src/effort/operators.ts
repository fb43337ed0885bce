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
  /**
   * Reading, per word: silent reading of non-fiction at 238 words a minute (Brysbaert 2019, a meta-analysis of 190
   * studies). Harder text is read more slowly (longer words take longer; Brysbaert finds the rate tracks word length),
   * but cx-shop keeps one rate for every text and reports readability apart, so effort does not double-count it.
   */
  readingPerWord: 60 / 238,
} as const;

/**
 * What recovering from friction costs, in the operators above where the work is one the model already prices.
 * The values that are not operators are cx-shop conventions, named as such in SOURCES.
 */
export const RECOVERY = {
  /** A tap with no answer: the customer waits this long before deciding it did nothing (PostHog's dead-click window). */
  deadTapWait: 2.5,
  /** One pinch-zoom gesture (cx-shop convention); reading small text takes a pinch in and a pinch out. */
  pinch: 0.5,
  /** Absolute finger precision, the spread of touch points around the aimed point (Bi, Li & Zhai 2013: FFitts law). */
  fingerSigmaMm: 1.5,
  /** CSS pixels are 1/160 inch on a phone (Android's mdpi baseline; iOS points are the same size within 10%). */
  mmPerCssPx: 25.4 / 160,
  /** Targets at or above this size (CSS px) are taken as hit first time (WCAG 2.5.5, 44 px). */
  comfortablePx: 44,
} as const;

export const SOURCES = {
  klm: 'Card, Moran & Newell (1980), The Keystroke-Level Model; CogTool',
  touch: 'MacKenzie (2015), touch throughput 6.95 bit/s; intercept a = 0.2 s is a cx-shop convention',
  mouse: 'ACT-R / CogTool Fitts coefficients',
  reading: 'Brysbaert (2019), How many words do we read per minute? 238 words a minute for silent reading of non-fiction',
  misses:
    'Bi, Li & Zhai (2013), FFitts law: modeling finger touch with Fitts law (CHI); touch-point spread 1.5 mm, validated for on-screen starts by Yamanaka & Usuba (2020)',
  deadTap: 'PostHog dead-click window (2.5 s) as the wait; the second tap is M + P (Card et al.)',
  pinch: 'cx-shop convention: 0.5 s per pinch gesture, two per small-text page, plus M',
  swipe: 'cx-shop convention: 0.5 s per swipe plus M to look for the target',
} as const;
