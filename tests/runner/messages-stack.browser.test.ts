/**
 * Toasts stacked in one live region, in real Chromium on an emulated Pixel 7: the customer reads the toast their tap
 * brought, not the older ones still there until their own timers take them away, and the same refusal twice is read
 * twice. A toast whose words are all in a live region of its own inside it is read as that region says them, wherever
 * on the screen it shows. A toast that fades in a moment after it is put in is read in the step it answers.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const steps = [
  '  - name: Type the old code',
  '    type: { label: Promo code, text: SUMMER24 }',
  '  - name: Apply',
  '    tap: { role: button, name: Apply }',
  '    expect: { text: expired }',
  '  - name: Type a made-up code',
  '    type: { label: Promo code, text: FREESTUFF }',
  '  - name: Apply again',
  '    tap: { role: button, name: Apply }',
  '    expect: { text: Something went wrong }',
  '  - name: Apply once more',
  '    tap: { role: button, name: Apply }',
  '',
].join('\n');

/** One made-up code typed and applied: the shop answers "Something went wrong" in a toast. */
const oneCode = ['  - name: Type a made-up code', '    type: { label: Promo code, text: FREESTUFF }', '  - name: Apply', '    tap: { role: button, name: Apply }', ''].join('\n');

/** One made-up code applied on the sonner stack, drawn as `query` (&fade=, &wait=, &region=) says. */
const applyOne = (query: string) => fixtures.run(pageScenario('stacks', `toasts.html?lib=sonner${query}`, { head: 'device: Pixel 7\n', steps: oneCode }));

/** The messages read in answer to the code's Apply (the scenario's third step, after opening the page and typing). */
const readOnApply = async (result: Awaited<ReturnType<typeof applyOne>>) => (await savedArtifacts(result)).steps[2]!.appeared.map((m) => m.text);

async function said(lib: string) {
  const result = await fixtures.run(pageScenario('stacks', `toasts.html?lib=${lib}`, { head: 'device: Pixel 7\n', steps }));
  expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
  const artifacts = await savedArtifacts(result);
  return { result, appeared: [2, 4, 5].map((i) => artifacts.steps[i]!.appeared) };
}

describe('a toast stack in one live region (sonner, as shadcn/ui ships it)', () => {
  it('reads only the new toast, named as the toast, while the one before is still there', async () => {
    const { result, appeared } = await said('sonner');
    expect(appeared.map((messages) => messages.map((m) => [m.text, m.where]))).toEqual([
      [['This code expired on 31 August', 'li']],
      [['Something went wrong', 'li']],
      [['Something went wrong', 'li']],
    ]);
    expect(appeared.flat().every((m) => m.pinned === true)).toBe(true);
    // "Something went wrong" says nothing the customer can act on, every time it is said.
    expect(findingsOf(result, 'vague-error').length).toBeGreaterThan(0);
    const reading = [4, 5].map((i) => result.steps[i]!.effortBreakdown.reading);
    expect(reading[0]).toBeGreaterThan(0);
    expect(reading[1]).toBeCloseTo(reading[0]!, 5);
  });

  it('reads the same whether the toast before has gone or not', async () => {
    // Here each toast goes at once after a second: the one before has always gone when the next comes.
    const gone = await fixtures.run(pageScenario('stacks', 'toasts.html?lib=sonner&ms=1000', { head: 'device: Pixel 7\n', steps }));
    const stays = await fixtures.run(pageScenario('stacks', 'toasts.html?lib=sonner', { head: 'device: Pixel 7\n', steps }));
    const judged = (result: typeof gone) => result.steps.map((s) => [s.name, s.effort, s.findings.filter((f) => f.rule !== 'accessibility').map((f) => [f.rule, f.evidence.text])]);
    expect(judged(stays)).toEqual(judged(gone));
  });

  it('a toast that fades in a moment after it is put in is read in the step it answers, as one shown at once', async () => {
    // Transparent until its animation, or its transition, starts (400 ms after the toast is put in): the step may end
    // before then, on a fast machine or a slow one, and the customer still reads it. One set to fade in 3 s later is
    // not there yet.
    const [shown, fading, waiting, later] = await Promise.all([applyOne(''), applyOne('&fade=400'), applyOne('&wait=400'), applyOne('&fade=3000')]);
    expect(await readOnApply(fading)).toEqual(['Something went wrong']);
    expect(fading.steps.map((s) => s.effort)).toEqual(shown.steps.map((s) => s.effort));
    expect(await readOnApply(waiting)).toEqual(['Something went wrong']);
    expect(waiting.steps.map((s) => s.effort)).toEqual(shown.steps.map((s) => s.effort));
    expect(await readOnApply(later)).toEqual([]);
    expect(later.steps[2]!.effortBreakdown.reading).toBe(0);
  });

  it('a toast in a notification area kept transparent is not read; one whose area fades in as the toast goes in is', async () => {
    // The toast itself is drawn as ever: only the area around it is at opacity 0, so the customer sees nothing.
    const [shown, transparent, fading] = await Promise.all([applyOne(''), applyOne('&region=transparent'), applyOne('&region=fading')]);
    expect(await readOnApply(shown)).toEqual(['Something went wrong']);
    expect(await readOnApply(transparent)).toEqual([]);
    expect(transparent.steps[2]!.effortBreakdown.reading).toBe(0);
    expect(findingsOf(transparent, 'vague-error')).toEqual([]);
    expect(await readOnApply(fading)).toEqual(['Something went wrong']);
    expect(fading.steps.map((s) => s.effort)).toEqual(shown.steps.map((s) => s.effort));
  });

  it('a log of paragraphs in one live region: only the new paragraph', async () => {
    const { appeared } = await said('log');
    expect(appeared.map((messages) => messages.map((m) => m.text))).toEqual([['This code expired on 31 August'], ['Something went wrong'], ['Something went wrong']]);
  });
});

describe('toasts each in a live region of their own', () => {
  it('react-hot-toast (role="status") and notistack (role="alert", an error, at the bottom of the screen) are read one by one, each named by its role', async () => {
    for (const [lib, kind, where] of [
      ['hot', 'status', 'div (role status)'],
      ['notistack', 'error', 'div (role alert)'],
    ] as const) {
      const { appeared } = await said(lib);
      expect(appeared.map((messages) => messages.map((m) => [m.text, m.kind, m.where]))).toEqual([
        [['This code expired on 31 August', kind, where]],
        [['Something went wrong', kind, where]],
        [['Something went wrong', kind, where]],
      ]);
    }
  });
});
