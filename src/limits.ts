/** Limits on a run that its command line and its runner share (kept light: the command line loads it for --help). */

/** Most time one scenario may take unless the run says otherwise (`--scenario-timeout`). */
export const DEFAULT_SCENARIO_TIMEOUT_MS = 600_000;
