/**
 * Faults a scenario injects on purpose ("what does the customer see when a service fails?"): requests answered with
 * an error status, held back, or dropped, or the whole network off for a step. Written in a scenario (for every
 * step) or in a step (for that step only); the runner applies them and the resilience rules judge what the site did.
 */
import { z } from 'zod';
import { AddressPatternSchema } from './regex.js';

export const FaultSchema = z
  .strictObject({
    match: AddressPatternSchema.optional()
      .describe('Requests whose address contains this, or matches /a regular expression/'),
    method: z
      .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
      .optional()
      .describe('Only requests with this method (all methods when left out)'),
    status: z.number().int().min(400).max(599).optional().describe('Answer with this HTTP error status instead of the site'),
    body: z.string().max(10_000).optional().describe('What the error answer says (the status text when left out)'),
    delay: z.number().int().min(1).max(120_000).optional().describe('Hold each matching request this many milliseconds first'),
    drop: z.literal(true).optional().describe('The connection fails: no answer at all'),
    offline: z.literal(true).optional().describe('The whole network is off (for the step, or for every step)'),
    times: z.number().int().min(1).optional().describe('Only the first N matching requests; later ones reach the site'),
  })
  .superRefine((fault, ctx) => {
    const problem = faultProblem(fault);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('A failure to inject, e.g. { match: /api/payment, status: 503 } or { offline: true }');

export const FaultsSchema = z
  .array(FaultSchema)
  .min(1)
  .max(20)
  .describe('Failures cx-shop injects on purpose, to see how the site treats the customer (see the README, "Break your processes")');

export type Fault = z.output<typeof FaultSchema>;

function faultProblem(fault: Fault): string | null {
  if (fault.offline) {
    const extra = (['match', 'method', 'status', 'body', 'delay', 'drop', 'times'] as const).filter((key) => fault[key] !== undefined);
    return extra.length > 0 ? `offline takes the whole network off: it goes without ${extra.join(', ')}` : null;
  }
  if (fault.match === undefined) return 'a fault needs match (which requests) or offline: true';
  if (fault.status === undefined && fault.drop === undefined && fault.delay === undefined) {
    return 'a fault needs what happens to the requests it matches: status, delay or drop';
  }
  if (fault.drop && fault.status !== undefined) return 'a dropped request gets no answer: use drop or status, not both';
  if (fault.body !== undefined && fault.status === undefined) return 'body is what an error answer says: it needs status';
  return null;
}

/** A fault in a few words, for reports and messages: `503 for /api/payment`, `offline`. */
export function describeFault(fault: Fault): string {
  if (fault.offline) return 'network offline';
  const what = [
    fault.delay !== undefined ? `held ${fault.delay} ms` : '',
    fault.status !== undefined ? `answered ${fault.status}` : '',
    fault.drop ? 'dropped' : '',
  ]
    .filter(Boolean)
    .join(', then ');
  const which = `${fault.method ? `${fault.method} ` : ''}${fault.match}`;
  return `${which} ${what}${fault.times !== undefined ? ` (first ${fault.times})` : ''}`;
}
