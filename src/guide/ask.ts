/**
 * Questions to the shopper in the terminal, one line each: whether a step is done, how easy it was (1 to 7), a note.
 * Lines are read from any stream (a terminal, or a test's standard input); a wait for a line can be called off when
 * the shopper answered in the page instead, so the line they type next goes to the next question.
 */
import { createInterface } from 'node:readline';
import { terminalSafe } from '../output/safe.js';

export const EASE_SCALE = [
  '1 strongly disagree',
  '2 disagree',
  '3 somewhat disagree',
  '4 neither agree nor disagree',
  '5 somewhat agree',
  '6 agree',
  '7 strongly agree',
] as const;

export class Prompter {
  private readonly lines: string[] = [];
  private waiter: ((line: string | null) => void) | null = null;
  private ended = false;
  private readonly close: () => void;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
  ) {
    const reader = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    reader.on('line', (line) => {
      if (this.waiter) {
        const take = this.waiter;
        this.waiter = null;
        take(line);
      } else this.lines.push(line);
    });
    reader.on('close', () => {
      this.ended = true;
      this.waiter?.(null);
      this.waiter = null;
    });
    this.close = () => reader.close();
  }

  say(text: string): void {
    this.output.write(`${terminalSafe(text)}\n`);
  }

  /** The next line typed, or null when the input has ended or the wait was called off. */
  line(signal?: AbortSignal): Promise<string | null> {
    if (this.lines.length > 0) return Promise.resolve(this.lines.shift()!);
    if (this.ended || signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const take = (line: string | null) => {
        signal?.removeEventListener('abort', off);
        resolve(line);
      };
      const off = () => {
        if (this.waiter === take) this.waiter = null;
        resolve(null);
      };
      this.waiter = take;
      signal?.addEventListener('abort', off, { once: true });
    });
  }

  /** Asks how much the shopper agrees (1 to 7); an empty answer is no answer. Asks again when the answer is not 1-7. */
  async ease(statement: string): Promise<number | null> {
    this.say(`\n  "${statement}"`);
    this.say(`  ${EASE_SCALE.join(' · ')}`);
    for (let tries = 0; tries < 5; tries += 1) {
      this.output.write('  Your answer (1-7, Enter to skip): ');
      const answer = await this.line();
      if (answer === null) return null;
      const trimmed = answer.trim();
      if (trimmed === '') return null;
      if (/^[1-7]$/.test(trimmed)) return Number(trimmed);
      this.say(`  "${trimmed}" is not a number from 1 to 7.`);
    }
    return null;
  }

  /** An optional note: empty is none. */
  async note(question = '  A note (optional, Enter to skip): '): Promise<string | undefined> {
    this.output.write(question);
    const answer = await this.line();
    const trimmed = answer?.trim() ?? '';
    return trimmed === '' ? undefined : trimmed.slice(0, 1000);
  }

  end(): void {
    this.close();
  }
}
