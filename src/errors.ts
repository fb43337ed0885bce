/** The first line of an error's message: Playwright's messages go on with call logs a reader does not need. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** What a Playwright call was doing, in the customer's words, for a timeout it reports. */
const DOING: Record<string, string> = {
  tap: 'the tap',
  click: 'the click',
  dblclick: 'the click',
  fill: 'the typing',
  type: 'the typing',
  pressSequentially: 'the typing',
  press: 'the key press',
  selectOption: 'the choice',
  check: 'the tick',
  uncheck: 'the tick',
  setChecked: 'the tick',
  hover: 'the hover',
  goto: 'opening the page',
  reload: 'reloading the page',
  goBack: 'going back',
  waitForLoadState: "the page's load",
  waitForURL: 'the next page',
  fetch: 'the request',
};

/**
 * A Playwright timeout ("locator.tap: Timeout 5000ms exceeded.") said in cx-shop's words ("the tap did not finish
 * within 5 s"), wherever it stands in a message; the rest of the message is kept.
 */
export function timeoutsInWords(message: string): string {
  return message.replace(/\b(?:locator|page|frame|elementHandle|mouse|keyboard|apiRequestContext)\.(\w+): Timeout (\d+)ms exceeded\.?/g, (_, call: string, ms: string) => {
    const doing = DOING[call] ?? `the ${call}`;
    return `${doing} did not finish within ${Number(ms) / 1000} s`;
  });
}
