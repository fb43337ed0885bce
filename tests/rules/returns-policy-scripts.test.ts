/**
 * A returns policy, and the reading it costs, in a script written without spaces (Japanese): its words are the ones
 * its language's word-break rules find, not the few runs between its spaces.
 */
import { describe, expect, it } from 'vitest';
import { readingTime, wordCount } from '../../src/effort/model.js';
import { applyJourneyRules } from '../../src/rules/journey/index.js';
import { judgedStep, pageSnapshot } from '../helpers/artifacts.js';

const policyFindings = (found: ReturnType<typeof applyJourneyRules>) => found.filter(({ finding }) => finding.rule === 'returns-policy');

const policyStep = (text: string) =>
  judgedStep({
    index: 0,
    url: 'https://shop.test/returns',
    page: pageSnapshot({ url: 'https://shop.test/returns', pageText: text }),
    documents: [{ kind: 'text', source: 'page', location: 'https://shop.test/returns', text, items: [], bodyFontSize: 0, gradeTarget: 8 }],
  });

const rulesOn = (text: string) => policyFindings(applyJourneyRules({ journey: 'returns', steps: [policyStep(text), judgedStep({ index: 1, url: 'https://shop.test/done', page: pageSnapshot({ url: 'https://shop.test/done', pageText: '返品を受け付けました。返品番号 R-1', contactLinks: ['お問い合わせ'] }) })], statuses: ['passed', 'passed'] }));

describe('text in a script without spaces', () => {
  it('counts the words its language has, as the customer reads them', () => {
    expect(wordCount('カートに追加しました')).toBe(5);
    expect(wordCount('Added to your bag')).toBe(4);
    expect(wordCount('カートに追加しました カートを見る')).toBeGreaterThan(wordCount('Added to your bag View bag'));
    expect(readingTime('返品は商品到着後30日以内に受け付けます。')).toBeCloseTo(11 * (60 / 238), 6);
  });

  it('a Japanese returns policy of several minutes of reading is long; a short one is not', () => {
    const sentence = '返品は商品到着後30日以内に受け付けます。未使用で、タグが付いたままの商品に限ります。返送料はお客様のご負担となります。';
    const long = rulesOn(sentence.repeat(20));
    expect(long.map(({ finding }) => [finding.rule, finding.evidence.measured])).toEqual([['returns-policy', `${wordCount(sentence.repeat(20))} words`]]);
    expect(wordCount(sentence.repeat(20))).toBeGreaterThan(400);
    expect(rulesOn(sentence.repeat(3)).map(({ finding }) => finding.rule)).toEqual([]);
  });
});
