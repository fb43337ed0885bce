import chalk from 'chalk';
import { rules } from '../rules/index.js';
import { journeyRules } from '../rules/journey/index.js';

/** `cx-shop rules`: every friction rule with its id, area, default severity, threshold and source. */
export function rulesCommand(options: { json?: boolean }): number {
  const all = { ...rules, ...journeyRules } as Record<string, (typeof rules)[keyof typeof rules] | (typeof journeyRules)[keyof typeof journeyRules]>;
  const rows = Object.entries(all).map(([id, rule]) => ({
    id,
    area: rule.area,
    journeys: 'journeys' in rule ? rule.journeys : undefined,
    severity: rule.severity,
    class: rule.class,
    title: rule.title,
    threshold: rule.threshold,
    source: rule.source,
  }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const row of rows) {
    const timing = row.class === 'timing' ? chalk.blue(' (timing)') : '';
    const journeys = row.journeys ? chalk.gray(` · ${row.journeys.join(', ')} journeys`) : '';
    process.stdout.write(`${chalk.bold(row.id)}  ${chalk.gray(`${row.area} · ${row.severity}`)}${timing}${journeys}\n`);
    process.stdout.write(`  ${row.title}\n  threshold: ${row.threshold}\n  source: ${row.source}\n\n`);
  }
  process.stdout.write(
    'Turn a rule off or change its severity in a scenario or a step: rules: { tap-target-size: off, small-text: low }\n',
  );
  return 0;
}
