/**
 * Errors a user can act on. Each prints one message (and a hint) and exits with its code; only an
 * unexpected error prints a stack, because only then is the stack of any use.
 */
import chalk from 'chalk';
import { BrowserLaunchError, BrowserNotFoundError } from '../browser/errors.js';
import { EXIT } from '../gate/budget.js';

/** Bad input or usage: exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** Why a file or folder could not be written, in words (an error's code as Node gives it). */
export function whyNotWritten(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const why: Record<string, string> = {
    ENOTDIR: 'a part of the path is a file',
    EISDIR: 'it is a folder',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'the path cannot be created there',
  };
  return why[code] ?? code;
}

/** The run itself could not be done: exit 3. */
export class RunError extends Error {}

/**
 * The password of an address written with one (`https://team:…@staging.shop.example`) put out of sight: a message
 * that quotes an address the user gave (one that is no URL at all, say) never prints it.
 */
export function withoutPasswords(text: string): string {
  return text.replace(/(\/\/[^\s/:@"]*:)[^\s@"]+@/g, '$1•••@');
}

export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${chalk.red('error:')} ${withoutPasswords(error.message)}\n${error.hint ? `${chalk.gray(`hint: ${error.hint}`)}\n` : ''}`);
    return EXIT.usage;
  }
  if (error instanceof BrowserNotFoundError || error instanceof BrowserLaunchError || error instanceof RunError) {
    process.stderr.write(`${chalk.red('error:')} ${withoutPasswords(error.message)}\n`);
    return EXIT.runError;
  }
  process.stderr.write(`${chalk.red('cx-shop crashed; this is a bug, please report it with the lines below.')}\n`);
  process.stderr.write(`${withoutPasswords(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  return EXIT.runError;
}

/**
 * Opens a browser window a person will use (guide, record): a machine with no screen gets a message saying how to
 * get one (`hint`), any other failure the browser's own first line.
 */
export async function openWindow<T>(executablePath: string, start: () => Promise<T>, hint: string): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const noDisplay = /display|X server|ozone|wayland/i.test(String(error));
    throw new RunError(noDisplay ? `no screen to open the browser window on: ${hint}` : `could not start the browser at ${executablePath}: ${String(error).split('\n')[0]}`);
  }
}
