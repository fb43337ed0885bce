/**
 * Readability against the reference vectors in tests/fixtures/reference/readability-vectors.json (a copy of the
 * team's reference data from textstat 0.7.11 and the words/* packages' own tests; see the README beside it). Formula-level vectors check the formula packages from counts alone, exactly.
 * Text-level vectors come from textstat, whose tokenizer and CMUdict syllable counts differ from ours (a small
 * tokenizer and the `syllable` package's heuristics), so those are checked within the tolerances the file gives.
 */
import { readFileSync } from 'node:fs';
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { readability } from '../../src/journeys/readability.js';

interface Vector { counts: Record<string, number>; expected: number; source_text?: string; grade_band?: [number, number | string] }
const reference = JSON.parse(readFileSync(new URL('../fixtures/reference/readability-vectors.json', import.meta.url), 'utf8'));
const formulas: Record<string, Vector[]> = reference.formula_level;
const texts: Record<string, string> = reference.text_level.texts;
const expected: Record<string, Record<string, number>> = reference.text_level.expected;

/** The source tests round to 6 decimals before comparing. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** The vectors' counts are untyped JSON: each formula reads the fields it knows. */
type Formula = (counts: Record<string, number>) => number;
const FORMULAS = {
  flesch_reading_ease: flesch,
  flesch_kincaid_grade: fleschKincaid,
  gunning_fog: gunningFog,
  smog: smogFormula,
  coleman_liau_0_0588: colemanLiau,
  automated_readability_index: automatedReadability,
  dale_chall: daleChallFormula,
} as unknown as Record<string, Formula>;

describe('formula-level vectors: the words/* packages from counts, to 1e-6', () => {
  for (const [name, vectors] of Object.entries(formulas).filter(([key]) => !key.startsWith('_'))) {
    it.each(vectors.map((v) => [JSON.stringify(v.counts), v] as const))(`${name} %s`, (_, vector) => {
      const formula = FORMULAS[name];
      expect(formula, `no formula for ${name}`).toBeDefined();
      expect(Math.abs(round6(formula!(vector.counts)) - vector.expected)).toBeLessThanOrEqual(1e-6);
      if (vector.grade_band) {
        const band = daleChallGradeLevel(formula!(vector.counts)).map((g) => (Number.isFinite(g) ? g : 'Infinity'));
        expect(band).toEqual(vector.grade_band);
      }
    });
  }

  it('our counts of the ARI source text are the counts of the vector, so the score is exact too', () => {
    const [vector] = formulas.automated_readability_index!;
    const result = readability(vector!.source_text!);
    expect({ sentence: result.sentences, word: result.words, character: result.characters }).toEqual(vector!.counts);
    expect(round6(result.automatedReadability)).toBeCloseTo(vector!.expected, 6);
  });
});

describe('text-level vectors (textstat): within tolerance, because tokenizer and syllable counter differ', () => {
  const near = (name: string, text: string) => expected[name]![text]!;

  it('an empty text scores 0 everywhere, as textstat does (the formulas alone would give NaN)', () => {
    const result = readability(texts.EMPTY_STR!);
    for (const value of Object.values(result)) expect(value).toBe(0);
  });

  it.each(['EASY_TEXT', 'PUNCT_TEXT'])('%s: Flesch-Kincaid grade within 0.6, Flesch reading ease within 4', (name) => {
    const result = readability(texts[name]!);
    expect(Math.abs(result.fleschKincaidGrade - near('flesch_kincaid_grade', name))).toBeLessThanOrEqual(0.6);
    expect(Math.abs(result.fleschReadingEase - near('flesch_reading_ease', name))).toBeLessThanOrEqual(4);
  });

  // Sentences (fragments of two words or fewer ignored, as textstat does), words and polysyllables count the same.
  it.each(['EASY_TEXT', 'PUNCT_TEXT'])('%s: sentences, words a sentence and polysyllables match textstat', (name) => {
    const result = readability(texts[name]!);
    expect(result.sentences).toBe(near('count_sentences', name));
    expect(result.words / result.sentences).toBeCloseTo(near('words_per_sentence', name), 3);
    expect(result.polysyllables).toBe(expected.count_polysyllable_words![name]);
  });

  // SMOG depends on polysyllables and sentences only; Coleman-Liau on letters, with 0.0588 here and 0.058 in textstat.
  it.each(['EASY_TEXT', 'PUNCT_TEXT'])('%s: SMOG and Coleman-Liau within 0.5', (name) => {
    const result = readability(texts[name]!);
    expect(Math.abs(result.smog - near('smog_index', name))).toBeLessThanOrEqual(0.5);
    expect(Math.abs(result.colemanLiau - near('coleman_liau_index', name))).toBeLessThanOrEqual(0.5);
  });

  it('PUNCT_TEXT has 74 syllables by the syllable package, textstat 74 (margin 2)', () => {
    const [vector] = reference.syllables.textstat_text_level;
    expect(Math.abs(readability(texts[vector.text]!).syllables - vector.syllables)).toBeLessThanOrEqual(vector.allowed_margin);
  });

  // Gunning fog and ARI are defined differently by textstat (complex = not on the Dale-Chall easy list; ARI counts
  // punctuation as characters): they are not compared with textstat, only checked to be the packages' scores.
  it('Gunning fog and ARI are the packages\' formulas over our counts', () => {
    const r = readability(texts.EASY_TEXT!);
    expect(r.gunningFog).toBe(gunningFog({ sentence: r.sentences, word: r.words, complexPolysillabicWord: r.complexWords }));
    expect(r.automatedReadability).toBe(automatedReadability({ sentence: r.sentences, word: r.words, character: r.characters }));
  });
});

describe('the syllable package', () => {
  const words: Array<[string, number]> = reference.syllables.words_syllable_js_api.map((v: { word: string; syllables: number }) => [v.word, v.syllables]);
  it.each(words)('"%s" has %i syllables', (word, count) => expect(syllable(word)).toBe(count));
});
