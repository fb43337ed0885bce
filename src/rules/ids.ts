/**
 * Every rule's id, without the rules themselves: what a scenario file may name in `rules:`. Validating a scenario
 * needs only these words, not the code that judges pages (readability, invoice analysis). The registries in
 * index.ts and journey/index.ts are typed against these lists, so an id cannot be in one and not the other.
 */
export const STEP_RULE_IDS = [
  'page-error',
  'failed-request',
  'broken-image',
  'broken-link',
  'dead-tap',
  'rage-tap',
  'back-ignored',
  'value-not-kept',
  'error-message',
  'vague-error',
  'wordless-error',
  'form-cleared',
  'too-many-fields',
  'wrong-keyboard',
  'missing-autocomplete',
  'unlabelled-field',
  'placeholder-label',
  'viewport-not-mobile',
  'zoom-disabled',
  'horizontal-scroll',
  'tap-target-size',
  'small-text',
  'accessibility',
  'promo-rejected',
  'promo-total-unchanged',
  'promo-unexplained',
  'promo-hunt',
  'invoice-readability',
  'invoice-essentials',
  'invoice-amount-hidden',
  'invoice-no-thanks',
  'invoice-threats',
  'fault-unexplained',
  'fault-raw-error',
  'fault-blank-page',
  'fault-endless-spinner',
  'fault-no-retry',
  'fault-cart-emptied',
  'slow-response',
  'long-task',
  'web-vitals',
] as const;

export const JOURNEY_RULE_IDS = ['returns-login-wall', 'returns-policy', 'returns-dead-end', 'returns-no-confirmation', 'returns-no-human'] as const;

export type StepRuleId = (typeof STEP_RULE_IDS)[number];
export type JourneyRuleId = (typeof JOURNEY_RULE_IDS)[number];
