/** The first line of an error's message: Playwright's messages go on with call logs a reader does not need. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
