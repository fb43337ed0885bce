import { linesAsSentences, readability } from '../../journeys/readability.js';
import { wordCount, writtenWithoutSpaces } from '../../effort/model.js';
import { defineJourneyRule } from '../types.js';

/** About two minutes of reading (200 words a minute): longer than a customer gives a returns policy. */
const MAX_WORDS = 400;
const MAX_GRADE = 10;

export default defineJourneyRule({
  title: 'A returns policy that is long or hard to read',
  area: 'returns',
  severity: 'medium',
  threshold: `text the customer must read over ${MAX_WORDS} words, or above grade ${MAX_GRADE} (Flesch-Kincaid; a heading or a list line without its full stop is a sentence of its own; a text in a script without spaces, Japanese, Chinese or Thai, is judged by its words alone, as its language's word-break rules find them)`,
  source: 'Flesch-Kincaid grade; the word limit (two minutes at 200 words a minute) is a cx-shop convention',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    return steps.flatMap((step) =>
      step.documents
        .filter((doc) => doc.kind === 'text')
        .flatMap((doc) => {
          // A policy in a script without spaces (Japanese, Chinese, Thai) is judged by its length in the words its
          // language's own rules find; grade formulas count syllables of spaced words, and say nothing of it.
          if (writtenWithoutSpaces(doc.text)) {
            const words = wordCount(doc.text);
            if (words <= MAX_WORDS) return [];
            return [
              {
                step: step.index,
                message: `The customer must read ${words} words to return an item`,
                evidence: { url: doc.location, text: doc.text.slice(0, 300), measured: `${words} words`, threshold: `${MAX_WORDS} words` },
              },
            ];
          }
          // A heading or a list line without its full stop is a sentence of its own, as the customer reads it.
          const score = readability(linesAsSentences(doc.text));
          if (score.words <= MAX_WORDS && score.fleschKincaidGrade <= MAX_GRADE) return [];
          const grade = score.fleschKincaidGrade.toFixed(1);
          return [
            {
              step: step.index,
              message: `The customer must read ${score.words} words at grade ${grade} to return an item`,
              evidence: {
                url: doc.location,
                text: doc.text.slice(0, 300),
                measured: `${score.words} words, grade ${grade}, reading ease ${score.fleschReadingEase.toFixed(0)}`,
                threshold: `${MAX_WORDS} words, grade ${MAX_GRADE}`,
              },
            },
          ];
        }),
    );
  },
});
