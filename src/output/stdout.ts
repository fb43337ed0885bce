/**
 * Standard output when a format is asked for on it (`--reporter sarif=-`, `cx-shop report --reporter junit`): then
 * standard output holds that document alone, for a program to read, and what cx-shop says to the person (progress,
 * the terminal report) goes to standard error.
 */

/** Standard output as the process started, kept for the documents written on it. */
const documentOut = process.stdout.write.bind(process.stdout);

/** Writes a document (a report in a format asked for on standard output) to standard output. */
export function writeDocument(text: string): void {
  documentOut(text);
}

/** From now on, whatever else cx-shop writes to standard output goes to standard error. */
export function keepStdoutForDocuments(): void {
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}
