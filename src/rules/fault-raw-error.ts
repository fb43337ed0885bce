import { excerpt } from './support/message-words.js';
import { describeFailures } from './support/faults.js';
import { defineRule } from './types.js';

/** What a developer would recognise and a customer would not: each kind with the words that give it away. */
const RAW: Array<{ kind: string; pattern: RegExp }> = [
  { kind: 'a stack trace', pattern: /\bat [\w$.<>[\]]+ \(?(?:https?:\/\/|file:\/\/|\/|webpack:)[^\s)]*:\d+:\d+\)?|Traceback \(most recent call last\)|\bat [\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)|Exception in thread "/ },
  { kind: 'a programming error', pattern: /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|Uncaught|Unhandled(?:PromiseRejection)?|NullPointerException|NullReferenceException|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND)\b|Failed to fetch|NetworkError when attempting to fetch|net::ERR_[A-Z_]+/ },
  { kind: 'a raw HTTP status', pattern: /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?|error|code)\s*:?\s*[45]\d\d\b|\b[45]\d\d\s*:?\s*(?:Service Unavailable|Internal Server Error|Bad Gateway|Gateway Time-?out|Bad Request|Forbidden|Unauthori[sz]ed|Not Found)\b|\b(?:Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out)\b/i },
  { kind: 'a raw data answer', pattern: /\{\s*"(?:error|errors|message|status|code|detail|exception)"\s*:|<\?xml|<html[\s>]/i },
  { kind: 'an unfilled value', pattern: /\[object (?:Object|Error|Response)\]|\bundefined\b|\bNaN\b/ },
];

function rawErrorIn(text: string): { kind: string; excerpt: string } | null {
  for (const { kind, pattern } of RAW) {
    const match = pattern.exec(text);
    if (match) {
      const from = Math.max(0, match.index - 40);
      return { kind, excerpt: text.slice(from, match.index + match[0].length + 40).trim() };
    }
  }
  return null;
}

export default defineRule({
  title: 'A raw error was shown',
  area: 'resilience',
  severity: 'high',
  threshold: 'after an injected failure, the customer is shown a stack trace, a programming error, a bare HTTP status, a raw data answer or an unfilled value',
  source: 'Nielsen Norman Group, error-message guidelines (human-readable language, no codes); OWASP ASVS 4.0 V7.4 (no stack traces or internals shown to users)',
  class: 'deterministic',
  detect(step) {
    const failures = step.injectedFailures;
    if (failures.length === 0) return [];
    // What the customer was shown because of it: new messages, and the page itself when they landed on a new one.
    const shown = [
      ...step.appeared.map((message) => ({ text: message.text, where: message.where })),
      ...(step.pages.length > 0 && step.page ? [{ text: step.page.pageText, where: 'the page' }] : []),
    ];
    for (const { text, where } of shown) {
      const raw = rawErrorIn(text);
      if (!raw) continue;
      return [
        {
          message: `After ${describeFailures(failures)} failed, the customer was shown ${raw.kind}: "${excerpt(raw.excerpt, 120)}"`,
          evidence: {
            element: where,
            text: raw.excerpt.slice(0, 500),
            url: step.url,
            measured: raw.kind,
            threshold: 'a message in the customer\'s words',
            screenshot: step.screenshot?.path ?? null,
          },
        },
      ];
    }
    return [];
  },
});
