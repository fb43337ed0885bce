import { analyseInvoice, describeInvoice, englishInvoices } from '../journeys/invoice-analysis.js';
import { defineRule } from './types.js';

const round = (value: number) => Math.round(value * 10) / 10;

export default defineRule({
  title: 'Invoice hard to read',
  area: 'invoice',
  severity: 'medium',
  threshold: "Flesch-Kincaid grade of the invoice's sentences above the step's target (grade 8 unless it sets `grade`); a line in another language is not scored (an English invoice's legal footer in German)",
  source:
    'Flesch-Kincaid grade (Kincaid et al., 1975, from Flesch, 1948); GOV.UK aims for a reading age of 9 (grade ~4); target per scenario',
  class: 'deterministic',
  scope: 'step',
  detect({ documents, url }) {
    return englishInvoices(documents).flatMap((doc) => {
      const r = analyseInvoice(doc).readability;
      if (r.words === 0 || r.fleschKincaidGrade <= doc.gradeTarget) return [];
      const grade = round(r.fleschKincaidGrade);
      const companions =
        `reading ease ${round(r.fleschReadingEase)}, Gunning fog ${round(r.gunningFog)}, SMOG ${round(r.smog)}, ` +
        `Coleman-Liau ${round(r.colemanLiau)}, ARI ${round(r.automatedReadability)}`;
      return [
        {
          message: `The invoice reads at grade ${grade}: ${round(r.words / r.sentences)} words a sentence, ${round(r.syllables / r.words)} syllables a word`,
          evidence: {
            url,
            element: describeInvoice(doc),
            measured: `Flesch-Kincaid grade ${grade} (${companions})`,
            threshold: `grade ${doc.gradeTarget} or below`,
            scores: {
              fleschKincaidGrade: grade,
              fleschReadingEase: round(r.fleschReadingEase),
              gunningFog: round(r.gunningFog),
              smog: round(r.smog),
              colemanLiau: round(r.colemanLiau),
              automatedReadability: round(r.automatedReadability),
            },
            counts: { sentences: r.sentences, words: r.words, syllables: r.syllables, polysyllables: r.polysyllables },
          },
        },
      ];
    });
  },
});
