/** A step's artifacts for pure rule tests: a quiet step on a phone, with whatever the test overrides. */
import type { PageSnapshot } from '../../src/probes/page-snapshot.js';
import { unwatched, type FieldInfo, type StepArtifacts } from '../../src/artifacts/types.js';
import type { JudgedStep } from '../../src/rules/types.js';
import { failuresToJudge } from '../../src/rules/support/faults.js';

export function stepArtifacts(overrides: Partial<StepArtifacts> = {}): StepArtifacts {
  return {
    index: 0,
    name: 'Open the basket',
    outcome: { status: 'passed' },
    url: 'https://shop.test/basket',
    viewport: { width: 390, height: 844 },
    touch: true,
    ...unwatched(),
    wallMs: 0,
    waitMs: 0,
    screenshot: { path: 'scenarios/01-basket/01-open-the-basket.png', width: 390, height: 844, offset: { x: 0, y: 0 }, scroll: { x: 0, y: 0 } },
    mobile: true,
    ...overrides,
  };
}

/** A step as the rules see it: new page state, on a new page, no previous page, unless the test says otherwise. */
export function judgedStep(overrides: Partial<JudgedStep> = {}): JudgedStep {
  const step = { ...stepArtifacts(), previousPage: null, newPageState: true, newPage: true, vitalsBefore: null, earlierUnanswered: [], ...overrides };
  return { ...step, injectedFailures: overrides.injectedFailures ?? failuresToJudge(step) };
}

/** A page as the snapshot sees it: a plain phone page with a locked zoom, with whatever the test overrides. */
export function pageSnapshot(overrides: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'https://shop.test/',
    signature: 'home',
    viewport: { width: 412, height: 839 },
    viewportMeta: 'width=device-width, initial-scale=1, user-scalable=no',
    scrollWidth: 412,
    scroll: { x: 0, y: 0 },
    text: { chars: 500, legibleChars: 500, smallSamples: [] },
    targets: [],
    overflowing: [],
    fields: [],
    forms: [],
    images: [],
    links: [],
    pageText: '',
    contactLinks: [],
    ...overrides,
  };
}


/** A text field as the snapshot sees it, labelled (or, with no label, with "Email" as its placeholder). */
export function fieldInfo(label: string | null, overrides: Partial<FieldInfo> = {}): FieldInfo {
  return {
    element: label ? `textbox labelled "${label}"` : 'textbox',
    selector: '#field',
    text: '',
    box: { x: 0, y: 0, width: 300, height: 48 },
    tag: 'input',
    type: 'text',
    inputMode: null,
    autocomplete: null,
    name: 'field',
    label,
    placeholder: label ? null : 'Email',
    filled: false,
    length: 0,
    form: 0,
    ...overrides,
  };
}
