/** No browser where cx-shop looked for one: the message says where it looked and how to get one. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** A browser was found but would not start. */
export class BrowserLaunchError extends Error {}
