/**
 * A guided run on paper, for a shopper with no browser cx-shop can drive: a printable checklist of the scenario's
 * steps with room for what happened, the time taken, the 1-7 answer and a note; and the reader that turns the
 * filled-in checklist (typed back as text) into the same artifacts a guided run in a browser saves.
 */
import { ARTIFACTS_VERSION, type GuidedArtifacts, type PersonAnswers, type ScenarioArtifacts, type StepArtifacts, unwatched } from '../artifacts/types.js';
import { MASK, redactor } from '../output/safe.js';
import { savedScenario, type ResolvedScenario } from '../scenario/schema.js';
import { EASE_SCALE } from './ask.js';
import { easeStatement, instructionsFor, MASK_LEGEND } from './instructions.js';

const BLANK = '______';

/**
 * The paper shows no secret: one in the scenario's name, a step's name, an address or a locator reads •••, a value to
 * type says to use the one the shopper was given, and a line at the top says what ••• stands for.
 */
export function renderChecklist(scenario: ResolvedScenario, baseUrl: string): string {
  const hide = redactor(scenario.secrets);
  const out = [
    'cx-shop checklist',
    `Scenario: ${hide(scenario.name)}`,
    `File: ${scenario.file}`,
    `Device: ${scenario.device} · Site: ${baseUrl || '(the site you were given)'}`,
    '',
    'Shopper id: ',
    'Date: ',
    '',
    'For each step: do what it says, as you would at home. Tick one box, write how long the step took',
    '(minutes:seconds), write how much you agree with the sentence (1 to 7) after "Answer:", and add a',
    'note if you like. Stop at the first step you could not do. When typing it back, put an x in the box.',
    `Scale: ${EASE_SCALE.join(' · ')}`,
  ];
  scenario.steps.forEach((step, index) => {
    const name = hide(step.name);
    out.push(
      '',
      `--- Step ${index + 1} of ${scenario.steps.length}: ${name}`,
      '    Do:',
      ...instructionsFor(step, scenario, baseUrl).map((line) => `      - ${line.replace('cx-shop opens', 'Open').replace(' for you', '')}`),
      '    [ ] done    [ ] could not do it',
      `    Time taken (m:ss): ${BLANK}`,
      `    "${easeStatement(name)}"`,
      `    Answer: ${BLANK}`,
      '    Note: ',
    );
  });
  out.push('', '--- Overall', `    "${easeStatement(hide(scenario.name))}"`, `    Answer: ${BLANK}`, '    Note: ', '');
  // Anything else from the scenario on the paper (its file, the site) goes through the same redaction.
  const paper = hide(out.join('\n'));
  return paper.includes(MASK) ? paper.replace(`\nScale: `, `\n${MASK_LEGEND}\nScale: `) : paper;
}

/** A mistake in a filled-in checklist, with its line. */
export class ChecklistError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

interface StepAnswers {
  line: number;
  said: PersonAnswers['said'] | null;
  seconds: number | null;
  ease: number | null;
  note?: string;
}

/** Reads a filled-in checklist of this scenario: who walked it, and what they answered for each step they reached. */
export function readChecklist(
  text: string,
  scenario: ResolvedScenario,
): { shopper: string; steps: StepAnswers[]; overall: { ease: number | null; note?: string }; stopped?: string } {
  const hide = redactor(scenario.secrets);
  const lines = text.split(/\r?\n/);
  let shopper: string | null = null;
  const steps: StepAnswers[] = [];
  const overall: { ease: number | null; note?: string } = { ease: null };
  let current: StepAnswers | typeof overall | null = null;
  const filled = (value: string) => value.replace(/_+/g, '').trim();
  // The answer whose note the lines below a "Note:" go on with, up to the next blank line or part of the paper.
  let noted: { note?: string } | null = null;
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    let m: RegExpExecArray | null;
    const part = /^(Shopper id|Date|Do|Time taken[^:]*|Answer|Note)\s*:|^---|^\[.\]/i.test(line);
    if (noted && line && !part) {
      noted.note = `${noted.note ? `${noted.note}\n` : ''}${line}`.slice(0, 1000);
      return;
    }
    noted = null;
    if ((m = /^Shopper id:(.*)$/i.exec(line))) {
      shopper = filled(m[1]!) || null;
    } else if ((m = /^---\s*Step\s+(\d+)\s+of\s+(\d+):\s*(.*)$/i.exec(line))) {
      const [number, total, name] = [Number(m[1]), Number(m[2]), m[3]!.trim()];
      if (number > scenario.steps.length) throw new ChecklistError(n, `there is no step ${number} in this scenario: it has ${scenario.steps.length} steps`);
      if (total !== scenario.steps.length || number !== steps.length + 1) {
        throw new ChecklistError(n, `"Step ${number} of ${total}" does not follow on: this scenario has ${scenario.steps.length} steps and the step expected here is ${steps.length + 1}`);
      }
      // The paper shows a step's name with its secrets as •••; one printed before that showed them.
      const actual = scenario.steps[number - 1]!.name;
      const expected = hide(actual);
      if (name !== expected && name !== actual) throw new ChecklistError(n, `step ${number} is "${name}" here, but "${expected}" in ${scenario.file}: is this the checklist of another scenario?`);
      current = { line: n, said: null, seconds: null, ease: null };
      steps.push(current);
    } else if (/^---\s*Overall/i.test(line)) {
      current = overall;
    } else if (/^\[.\]\s*done\b/i.test(line) && current && 'said' in current) {
      const done = /^\[\s*[xX✓✔]\s*\]\s*done/i.test(line);
      const couldNot = /\[\s*[xX✓✔]\s*\]\s*could not/i.test(line);
      if (done && couldNot) throw new ChecklistError(n, 'both "done" and "could not do it" are ticked: tick one');
      current.said = done ? 'done' : couldNot ? 'could not' : null;
    } else if ((m = /^Time taken(?:\s*\([^)]*\))?\s*:(.*)$/i.exec(line)) && current && 'said' in current) {
      const value = filled(m[1]!);
      if (value) current.seconds = parseDuration(value, n);
    } else if ((m = /^Answer:(.*)$/i.exec(line)) && current) {
      const value = filled(m[1]!);
      if (value && !/^[1-7]$/.test(value)) throw new ChecklistError(n, `the answer "${value}" is not a number from 1 to 7`);
      current.ease = value ? Number(value) : null;
    } else if ((m = /^Note:(.*)$/i.exec(line)) && current) {
      const value = filled(m[1]!);
      if (value) current.note = value.slice(0, 1000);
      noted = current;
    }
  });
  if (!shopper) throw new ChecklistError(lines.findIndex((l) => /^\s*Shopper id:/i.test(l)) + 1 || 1, 'the shopper id is empty: write who walked the journey after "Shopper id:"');
  if (!/^[\w.@+-]{1,64}$/.test(shopper)) {
    throw new ChecklistError(lines.findIndex((l) => /^\s*Shopper id:/i.test(l)) + 1, `the shopper id "${shopper}" is not one: letters, digits and . _ - @ + only, up to 64 (e.g. S-014)`);
  }
  if (steps.length === 0) throw new ChecklistError(1, `no steps found: this does not look like a cx-shop checklist of ${scenario.file}`);
  // The steps reached: up to the first with no box ticked, or the first the shopper could not do.
  const reached: StepAnswers[] = [];
  for (const step of steps) {
    if (step.said === null) break;
    if (step.seconds === null) throw new ChecklistError(step.line, `step ${reached.length + 1} is ticked but has no time taken: write it as minutes:seconds, e.g. 1:30`);
    reached.push(step);
    if (step.said === 'could not') break;
  }
  const later = steps.slice(reached.length).find((s) => s.said !== null);
  const stoppedAt = reached.at(-1)?.said === 'could not' ? reached.length : reached.length + 1;
  if (later) {
    throw new ChecklistError(later.line, `this step is ticked, but the walk stopped at step ${stoppedAt}: tick the steps in order and stop at the first one you could not do`);
  }
  // A walk that ends before the last step with neither box ticked (or with the steps after it cut off the paper) did
  // not get through the journey, whatever the steps before it say.
  const at = reached.length + 1;
  let stopped: string | undefined;
  if (reached.at(-1)?.said !== 'could not' && reached.length < scenario.steps.length) {
    stopped =
      steps.length >= at
        ? `the checklist has no box ticked at step ${at} "${hide(scenario.steps[at - 1]!.name)}": the walk stopped there`
        : `the checklist ends after step ${reached.length}, and step${at === scenario.steps.length ? ` ${at} is` : `s ${at} to ${scenario.steps.length} are`} not on it: the walk stopped there`;
  }
  return { shopper, steps: reached, overall, ...(stopped ? { stopped } : {}) };
}

/** "1:30", "0:45", "90s", "2 min", "1m30s": seconds. */
function parseDuration(value: string, line: number): number {
  const v = value.toLowerCase().replace(/\s+/g, '');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3}):([0-5]\d)$/.exec(v))) return Number(m[1]) * 60 + Number(m[2]);
  if ((m = /^(?:(\d{1,3})m(?:in)?)?(?:(\d{1,4})s(?:ec)?)?$/.exec(v)) && (m[1] || m[2])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  throw new ChecklistError(line, `the time taken "${value}" is not minutes:seconds (e.g. 1:30)`);
}

/** The artifacts of a checklist run: what the shopper said per step, and no recording (nothing was watched). */
export function checklistArtifacts(
  scenario: ResolvedScenario,
  answers: ReturnType<typeof readChecklist>,
  options: { baseUrl: string; predicted: GuidedArtifacts['predicted'] },
): ScenarioArtifacts {
  const guided: GuidedArtifacts = { shopper: answers.shopper, via: 'checklist', ease: answers.overall.ease, ...(answers.overall.note ? { note: answers.overall.note } : {}), predicted: options.predicted };
  const steps: StepArtifacts[] = answers.steps.map((step, index) => ({
    index,
    name: scenario.steps[index]!.name,
    outcome: step.said === 'could not' ? { status: 'blocked', reason: 'the shopper wrote that they could not do it' } : { status: 'passed' },
    url: '',
    viewport: { width: 0, height: 0 },
    touch: false,
    mobile: false,
    ...unwatched(),
    wallMs: step.seconds! * 1000,
    waitMs: 0,
    person: { said: step.said!, ease: step.ease, ...(step.note ? { note: step.note } : {}) },
  }));
  return {
    version: ARTIFACTS_VERSION,
    driver: 'person',
    scenario: savedScenario(scenario),
    baseUrl: options.baseUrl,
    device: scenario.device,
    startedAt: new Date().toISOString(),
    guided,
    steps,
    ...(answers.stopped ? { brokeOff: answers.stopped } : {}),
  };
}
