/**
 * The friction rules, keyed by id (each id is its file name). Rules are pure functions over a step's
 * artifacts; a rule that throws becomes an error finding for that rule, never a crashed run.
 */
import type { Finding } from '../report/types.js';
import { findingOf, ruleFailure } from './findings.js';
import type { JudgedStep, RuleDefinition } from './types.js';
import type { StepRuleId } from './ids.js';
import accessibility from './accessibility.js';
import backIgnored from './back-ignored.js';
import brokenImage from './broken-image.js';
import brokenLink from './broken-link.js';
import deadTap from './dead-tap.js';
import errorMessage from './error-message.js';
import failedRequest from './failed-request.js';
import faultBlankPage from './fault-blank-page.js';
import faultCartEmptied from './fault-cart-emptied.js';
import faultEndlessSpinner from './fault-endless-spinner.js';
import faultNoRetry from './fault-no-retry.js';
import faultRawError from './fault-raw-error.js';
import faultUnexplained from './fault-unexplained.js';
import formCleared from './form-cleared.js';
import horizontalScroll from './horizontal-scroll.js';
import invoiceAmountHidden from './invoice-amount-hidden.js';
import invoiceEssentials from './invoice-essentials.js';
import invoiceNoThanks from './invoice-no-thanks.js';
import invoiceReadability from './invoice-readability.js';
import invoiceThreats from './invoice-threats.js';
import longTask from './long-task.js';
import missingAutocomplete from './missing-autocomplete.js';
import pageError from './page-error.js';
import placeholderLabel from './placeholder-label.js';
import promoHunt from './promo-hunt.js';
import promoRejected from './promo-rejected.js';
import promoTotalUnchanged from './promo-total-unchanged.js';
import promoUnexplained from './promo-unexplained.js';
import rageTap from './rage-tap.js';
import slowResponse from './slow-response.js';
import smallText from './small-text.js';
import tapTargetSize from './tap-target-size.js';
import tooManyFields from './too-many-fields.js';
import unlabelledField from './unlabelled-field.js';
import vagueError from './vague-error.js';
import valueNotKept from './value-not-kept.js';
import viewportNotMobile from './viewport-not-mobile.js';
import webVitals from './web-vitals.js';
import wordlessError from './wordless-error.js';
import wrongKeyboard from './wrong-keyboard.js';
import zoomDisabled from './zoom-disabled.js';

export const rules: Record<StepRuleId, RuleDefinition> = {
  // errors
  'page-error': pageError,
  'failed-request': failedRequest,
  'broken-image': brokenImage,
  'broken-link': brokenLink,
  // frustration
  'dead-tap': deadTap,
  'rage-tap': rageTap,
  'back-ignored': backIgnored,
  'value-not-kept': valueNotKept,
  // forms
  'error-message': errorMessage,
  'wordless-error': wordlessError,
  'vague-error': vagueError,
  'form-cleared': formCleared,
  'too-many-fields': tooManyFields,
  'wrong-keyboard': wrongKeyboard,
  'missing-autocomplete': missingAutocomplete,
  'unlabelled-field': unlabelledField,
  'placeholder-label': placeholderLabel,
  // mobile
  'viewport-not-mobile': viewportNotMobile,
  'zoom-disabled': zoomDisabled,
  'horizontal-scroll': horizontalScroll,
  'tap-target-size': tapTargetSize,
  'small-text': smallText,
  // accessibility
  accessibility,
  // promo codes
  'promo-rejected': promoRejected,
  'promo-total-unchanged': promoTotalUnchanged,
  'promo-unexplained': promoUnexplained,
  'promo-hunt': promoHunt,
  // invoice
  'invoice-readability': invoiceReadability,
  'invoice-essentials': invoiceEssentials,
  'invoice-amount-hidden': invoiceAmountHidden,
  'invoice-no-thanks': invoiceNoThanks,
  'invoice-threats': invoiceThreats,
  // resilience: how the site treats the customer when a service fails (faults injected on purpose)
  'fault-unexplained': faultUnexplained,
  'fault-raw-error': faultRawError,
  'fault-blank-page': faultBlankPage,
  'fault-endless-spinner': faultEndlessSpinner,
  'fault-no-retry': faultNoRetry,
  'fault-cart-emptied': faultCartEmptied,
  // speed (timing: measured, noisy, never part of the gate-able effort)
  'slow-response': slowResponse,
  'long-task': longTask,
  'web-vitals': webVitals,
};

export type RuleId = StepRuleId;

/** Runs every rule of the registry (all of cx-shop's by default) over one step's artifacts. */
export function applyRules(artifacts: JudgedStep, registry: Record<string, RuleDefinition> = rules): Finding[] {
  const findings: Finding[] = [];
  for (const [id, rule] of Object.entries(registry)) {
    if (rule.scope === 'page' && !artifacts.newPageState) continue;
    try {
      for (const hit of rule.detect(artifacts)) findings.push(findingOf(id, rule, hit));
    } catch (error) {
      findings.push(ruleFailure(id, rule.area, error, artifacts.url));
    }
  }
  return findings;
}
