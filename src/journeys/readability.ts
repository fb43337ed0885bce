/**
 * Readability of a text: the counts (sentences, words, syllables, letters) from a small tokenizer and the
 * `syllable` package, and the scores from the words/* formula packages, so the formulas are the well-kept ones.
 * The tokenizer follows textstat's rules where they matter (punctuation dropped inside words, fragments of two
 * words or fewer are not sentences), so scores stay close to textstat's; they are not identical (see the tests).
 */
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of three syllables or more (SMOG). */
  polysyllables: number;
  /** Polysyllables that Gunning counts as hard: not names, compounds, or long only through -es, -ed, -ing. */
  complexWords: number;
  letters: number;
  /** Letters and digits (ARI counts characters of words, not punctuation). */
  characters: number;
  fleschReadingEase: number;
  fleschKincaidGrade: number;
  gunningFog: number;
  smog: number;
  colemanLiau: number;
  automatedReadability: number;
}

/** A sentence ends at . ! or ? (closing quotes or brackets allowed) followed by white space or the end. */
const SENTENCE_END = /[.!?]+["'’”)\]]*(?=\s|$)/g;
/** textstat ignores fragments this short ("Didn't", "p. 4") when counting sentences. */
const FRAGMENT_WORDS = 2;

/**
 * Each line of a text ended as a sentence: a heading or a list line written without its full stop ("Free returns
 * within 30 days") is read as one, not run into the lines after it as one long sentence.
 */
export function linesAsSentences(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (/[.!?]["'’”)]*$/.test(line.trim()) ? line : `${line.trim()}.`))
    .join('\n');
}

/** The words of a text: white-space separated, punctuation dropped (apostrophes kept), at least a letter or digit. */
export function tokenize(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/[^\p{L}\p{N}'’_]/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Sentences with more than two words; one when the text has words but no full sentence. */
export function countSentences(text: string): number {
  const parts = text.split(SENTENCE_END);
  const sentences = parts.filter((part) => tokenize(part).length > FRAGMENT_WORDS).length;
  return sentences === 0 && tokenize(text).length > 0 ? 1 : sentences;
}

/** Syllables of one word by the `syllable` package; every word (a number too) is spoken with at least one. */
export function syllables(word: string): number {
  return Math.max(1, syllable(word.replace(/[^\p{L}'’-]/gu, '')));
}

function isComplex(word: string, count: number, sentenceStart: boolean): boolean {
  if (count < 3) return false;
  if (/^\p{Lu}/u.test(word) && !sentenceStart) return false;
  const stem = word.replace(/(es|ed|ing)$/i, '');
  return stem === word || syllables(stem) >= 3;
}

/** Counts and scores of a text; every score is 0 for a text without words (as textstat does). */
export function readability(text: string): Readability {
  const tokens = text.split(/\s+/).filter(Boolean);
  let words = 0;
  let syllableCount = 0;
  let polysyllables = 0;
  let complexWords = 0;
  let letters = 0;
  let characters = 0;
  let sentenceStart = true;
  for (const token of tokens) {
    const [word] = tokenize(token);
    if (word) {
      const count = syllables(token);
      words += 1;
      syllableCount += count;
      if (count >= 3) polysyllables += 1;
      if (isComplex(word, count, sentenceStart) && !token.includes('-')) complexWords += 1;
      letters += (word.match(/\p{L}/gu) ?? []).length;
      characters += (word.match(/[\p{L}\p{N}]/gu) ?? []).length;
    }
    sentenceStart = /[.!?]["'’”)\]]*$/.test(token);
  }
  const sentences = words === 0 ? 0 : countSentences(text);
  const counts = {
    sentence: sentences,
    word: words,
    syllable: syllableCount,
    polysillabicWord: polysyllables,
    complexPolysillabicWord: complexWords,
    letter: letters,
    character: characters,
  };
  const score = (value: number) => (words === 0 || !Number.isFinite(value) ? 0 : value);
  return {
    sentences,
    words,
    syllables: syllableCount,
    polysyllables,
    complexWords,
    letters,
    characters,
    fleschReadingEase: score(flesch(counts)),
    fleschKincaidGrade: score(fleschKincaid(counts)),
    gunningFog: score(gunningFog(counts)),
    smog: score(smogFormula(counts)),
    colemanLiau: score(colemanLiau(counts)),
    automatedReadability: score(automatedReadability(counts)),
  };
}
