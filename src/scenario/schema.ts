/**
 * The scenario format. This zod schema is the single source of truth: validation, the types the runner uses
 * and the JSON Schema printed by `cx-shop schema` all come from it.
 */
import { z } from 'zod';
import { isDeviceName } from './device-names.js';
import { actionAliases, actions, type ActionName } from '../actions/index.js';
import { LocatorSchema, locatorFields, requireOneLocator } from './locator.js';
import { JOURNEY_RULE_IDS, STEP_RULE_IDS } from '../rules/ids.js';
import { AddressPatternSchema } from './regex.js';
import { redactJson } from '../output/safe.js';
import { FaultsSchema, type Fault } from './faults.js';

export const JOURNEYS = ['mobile-visit', 'promo-code', 'returns', 'invoice', 'custom'] as const;
export const DEFAULT_DEVICE = 'Pixel 7';
export const DEFAULT_STEP_TIMEOUT_MS = 10_000;

export const ExpectSchema = z
  .strictObject({
    text: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .describe('Text the customer must see on the page (each, when a list)'),
    url: AddressPatternSchema.optional()
      .describe('The address contains this, or matches /a regular expression/'),
    title: z.string().min(1).optional().describe('The page title contains this'),
    visible: LocatorSchema.optional().describe('An element that must be visible'),
    value: requireOneLocator(
      z.strictObject({ ...locatorFields, equals: z.string().describe('The value the field must hold') }),
    )
      .optional()
      .describe('A field that must hold a value'),
  })
  .refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: 'expect needs at least one of text, url, title, visible, value',
  });

const actionFields = Object.fromEntries(
  [
    ...Object.entries(actions).map(([key, action]) => [key, action.schema.optional().describe(action.summary)]),
    ...Object.entries(actionAliases).map(([alias, key]) => [
      alias,
      actions[key].schema.optional().describe(`Same as ${key}`),
    ]),
  ] as Array<[string, z.ZodOptional]>,
) as { [K in ActionName | keyof typeof actionAliases]: z.ZodOptional };

/** Every rule a scenario (or `--rule`) may name, and what it may set each to. */
export const RULE_IDS = [...STEP_RULE_IDS, ...JOURNEY_RULE_IDS] as [string, ...string[]];
export const RULE_SETTINGS = ['off', 'low', 'medium', 'high'] as const;

/** Per rule: 'off' to ignore it, or the severity to give its findings here. */
export const RulesConfigSchema = z
  .partialRecord(z.enum(RULE_IDS), z.enum(RULE_SETTINGS))
  .describe('Turn a rule off or change its severity, e.g. { tap-target-size: off, small-text: low } (see cx-shop rules)');

const ExcludeSchema = z
  .array(z.string().min(1))
  .describe('CSS selectors of page regions to leave out of page checks, e.g. a third-party chat widget');

const SeverityCounts = z.strictObject({
  high: z.number().int().min(0).optional(),
  medium: z.number().int().min(0).optional(),
  low: z.number().int().min(0).optional(),
});

const ForbidSchema = z
  .array(z.enum(RULE_IDS))
  .min(1)
  .describe('Rules that must not report anything here, e.g. [dead-tap, form-cleared]');

/** A budget: the same limits for a whole scenario and for one step. */
const budgetSchema = (where: string) =>
  z.strictObject({
    effort: z.number().positive().optional().describe(`Most seconds of customer effort ${where} may take`),
    findings: SeverityCounts.optional().describe(`Most deterministic findings allowed in ${where} per severity, e.g. { high: 0 }`),
    forbid: ForbidSchema.optional(),
  });

export const BudgetSchema = budgetSchema('the whole scenario');
export const StepBudgetSchema = budgetSchema('this step');

export const StepSchema = z
  .strictObject({
    name: z.string().min(1).describe("What the customer does, in the customer's words"),
    description: z.string().optional(),
    timeout: z.number().int().min(100).max(300_000).optional().describe('Milliseconds each action may take'),
    ...actionFields,
    expect: ExpectSchema.optional().describe('What the customer must see once the step is done'),
    rules: RulesConfigSchema.optional(),
    exclude: ExcludeSchema.optional(),
    faults: FaultsSchema.optional(),
    budget: StepBudgetSchema.optional().describe('Limits for this step that fail the run (exit code 1) when exceeded'),
  })
  .refine(
    (step) => Object.keys(step).some((key) => key in actions || key in actionAliases) || step.expect !== undefined,
    { message: `a step needs an action (${Object.keys(actions).join(', ')}) or an expect` },
  );

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1).describe('What the customer sets out to do'),
  description: z.string().optional(),
  journey: z.enum(JOURNEYS).default('custom').describe('Which journey this is; picks the default checks'),
  device: z
    .string()
    .default(DEFAULT_DEVICE)
    .refine((name) => isDeviceName(name), { message: 'is not a Playwright device name' })
    .describe(`A Playwright device name, e.g. "${DEFAULT_DEVICE}", "iPhone 13" or "Desktop Chrome"`),
  baseUrl: z.url().optional().describe('Where the site is; --base-url or CX_SHOP_BASE_URL override it'),
  siteHosts: z
    .array(z.string().regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i, 'is not a host name (such as api.shop-backend.example)'))
    .optional()
    .describe(
      "Other hosts that are the site's own, on another domain than its pages (its API, its image host): their failures are the site's, not a third party's",
    ),
  persona: z.string().optional().describe('Who the customer is, for the report'),
  goal: z
    .string()
    .min(1)
    .optional()
    .describe('Text that shows the customer found what they came for; the report says what it took to reach it'),
  tags: z.array(z.string().min(1)).default([]),
  timeout: z
    .number()
    .int()
    .min(100)
    .max(300_000)
    .default(DEFAULT_STEP_TIMEOUT_MS)
    .describe('Milliseconds each action may take, unless a step says otherwise'),
  testIdAttribute: z
    .string()
    .regex(/^[A-Za-z_][\w.:-]*$/, 'is not an attribute name')
    .default('data-testid')
    .describe('The attribute a testId locator matches, e.g. data-test or data-qa (--test-id-attribute overrides it)'),
  budget: BudgetSchema.optional().describe('Limits that fail the run (exit code 1) when exceeded'),
  rules: RulesConfigSchema.optional(),
  exclude: ExcludeSchema.optional(),
  faults: FaultsSchema.optional(),
  steps: z.array(StepSchema).min(1).describe('What the customer does, one step at a time'),
});

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type Expectation = z.output<typeof ExpectSchema>;
export type Budget = z.output<typeof BudgetSchema>;
export type StepBudget = z.output<typeof StepBudgetSchema>;
export type RulesConfig = z.output<typeof RulesConfigSchema>;

/** A step ready to run: its actions in the order the file wrote them. */
export interface ResolvedStep {
  name: string;
  timeout?: number;
  rules?: RulesConfig;
  exclude?: string[];
  faults?: Fault[];
  budget?: StepBudget;
  /** Where the step starts in its file. */
  line?: number;
  actions: Array<{ action: ActionName; args: unknown }>;
  expect?: Expectation;
}

/** A validated scenario with the file it came from and the secrets it uses (never shown in reports). */
export interface ResolvedScenario extends Omit<Scenario, 'steps'> {
  file: string;
  steps: ResolvedStep[];
  secrets: string[];
}

/** A scenario as saved with its artifacts: no secrets (their values in steps are shown as •••). */
export type SavedScenario = Omit<ResolvedScenario, 'secrets'>;

export function savedScenario(scenario: ResolvedScenario): SavedScenario {
  const { secrets, ...rest } = scenario;
  return secrets.length > 0 ? (JSON.parse(redactJson(JSON.stringify(rest), secrets)) as SavedScenario) : rest;
}
