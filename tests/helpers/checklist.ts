/** A paper checklist filled in as a shopper would type it back: boxes ticked, times, answers and notes. */

/** One step's answers: the box ticked ('' for none), the time taken, the 1-7 answer, and a note. */
export type StepFill = [box: 'done' | 'could not' | '', time: string, ease: string, note?: string];

export function fillChecklist(blank: string, answers: { shopper?: string; steps: StepFill[]; overall?: string }): string {
  let step = -1;
  return blank
    .split('\n')
    .map((line) => {
      if (line.startsWith('Shopper id:')) return `Shopper id: ${answers.shopper ?? ''}`;
      if (line.startsWith('--- Step')) step += 1;
      if (line.startsWith('--- Overall')) step = -2;
      if (step === -2 && line.trim().startsWith('Answer:')) return `    Answer: ${answers.overall ?? ''}`;
      const a = answers.steps[step];
      if (!a) return line;
      const [box, time, ease, note] = a;
      if (line.includes('[ ] done')) return box === 'done' ? '    [x] done    [ ] could not do it' : box === 'could not' ? '    [ ] done    [x] could not do it' : line;
      if (line.trim().startsWith('Time taken')) return `    Time taken (m:ss): ${time}`;
      if (line.trim().startsWith('Answer:')) return `    Answer: ${ease}`;
      if (line.trim().startsWith('Note:') && note) return `    Note: ${note}`;
      return line;
    })
    .join('\n');
}
