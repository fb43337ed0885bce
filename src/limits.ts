/** Limits on a run that its command line and its runner share (kept light: the command line loads it for --help). */

/** Most time one scenario may take unless the run says otherwise (`--scenario-timeout`). */
export const DEFAULT_SCENARIO_TIMEOUT_MS = 600_000;

/** The work's result, or a rejection after `ms` (the error `late` makes, "no answer within N s" by default): a frozen page must not hold cx-shop. */
export function timed<T>(work: Promise<T>, ms: number, late: (message: string) => Error = (message) => new Error(message)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late(`no answer within ${ms / 1000} s`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
