/**
 * The HTML report: one file that opens offline and asks for nothing over the network. A summary first (the verdict,
 * the journeys, the worst findings), then each scenario's steps: the screenshot with each finding's element outlined,
 * the effort stacked by operator, the changes against the baseline, and the findings in words. Every string from the
 * site or the scenario is escaped, and the content security policy lets only the report's own script run.
 */
import { createHash } from 'node:crypto';
import type { Box } from '../../artifacts/types.js';
import { scenarioLabel, stepKeys } from '../../gate/compare.js';
import type { EffortBreakdown, Finding, GateChange, GuidedRun, PanelSummary, PersonStep, Report, ScenarioResult, StepResult } from '../../report/types.js';
import { formatSpread } from '../../guide/stats.js';
import { bySeverity, countBySeverity, findingsOfSteps, SEVERITIES } from '../../report/severity.js';
import { verdictOf } from '../../report/verdict.js';
import { loadPicture, type Picture } from './picture.js';
import { FILTER_SCRIPT, STYLE } from './assets.js';

/** Text for HTML: the five characters that mean markup, escaped; control characters dropped. */
export function esc(text: unknown): string {
  return String(text ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}


/** The customer's own work, by operator, and then the recovery friction forced on them. */
const OPERATORS: Array<{ key: keyof EffortBreakdown; label: string }> = [
  { key: 'mental', label: 'thinking' },
  { key: 'pointing', label: 'pointing and tapping' },
  { key: 'keystrokes', label: 'typing' },
  { key: 'keyboardSwitches', label: 'keyboard switches' },
  { key: 'homing', label: 'hand to keyboard' },
  { key: 'scrolling', label: 'scrolling' },
  { key: 'reading', label: 'reading' },
  { key: 'recovery', label: 'recovery forced by friction' },
];

const seconds = (value: number) => `${value.toFixed(1)} s`;
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

interface Context {
  outDir: string;
  maxEffort: number;
}

export function renderHtml(report: Report, context: { outDir: string }): string {
  const ctx: Context = { outDir: context.outDir, maxEffort: Math.max(1, ...report.scenarios.flatMap((s) => s.steps.map((step) => step.effort))) };
  const policy = [
    "default-src 'none'",
    'img-src data:',
    // Outlines are placed with style attributes; styles cannot run code, and every string in them is cx-shop's own.
    "style-src 'unsafe-inline'",
    `script-src ${hash(FILTER_SCRIPT)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const findings = report.scenarios.flatMap((s) => s.steps.flatMap((step) => step.findings));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="cx-shop">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">
<title>Customer experience report: ${report.scenarios.length} journey${report.scenarios.length === 1 ? '' : 's'}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>Customer experience report</h1>
<p class="meta">cx-shop ${esc(report.tool.version)} · ${esc(report.startedAt.slice(0, 16).replace('T', ' '))} UTC · ${report.browser ? `${esc(report.browser.version)} · ` : ''}ran in ${seconds(report.durationSeconds)}</p>
</header>
<main>
${summary(report, findings)}
${(report.panel ?? []).map(panelTable).join('\n')}
${filters(findings)}
${report.scenarios.map((scenario, i) => scenarioSection(report, scenario, i, ctx)).join('\n')}
</main>
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}

function verdictLine(report: Report): { passed: boolean; word?: string; text: string } {
  const { byStatus } = report.summary;
  // An interrupted run says so first, as every format does: the journeys listed are those measured before it.
  if (report.interrupted) {
    const how = report.interrupted === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM';
    return { passed: false, word: 'Interrupted', text: `stopped by ${how}; the ${report.summary.scenarios} journey${report.summary.scenarios === 1 ? '' : 's'} below ${report.summary.scenarios === 1 ? 'was' : 'were'} measured before it, the rest were not run` };
  }
  const notPassed = byStatus.failed + byStatus.blocked + byStatus.error;
  const gate = report.gate;
  const parts = [
    notPassed > 0 ? `${notPassed} of ${report.summary.scenarios} journeys did not pass` : `all ${report.summary.scenarios} journeys passed`,
    gate?.regressions.length ? `${gate.regressions.length} regression${gate.regressions.length === 1 ? '' : 's'} against the baseline` : '',
    gate?.budgets.length ? `${gate.budgets.length} budget${gate.budgets.length === 1 ? '' : 's'} exceeded` : '',
    gate?.unstable.length ? `${gate.unstable.length} figure${gate.unstable.length === 1 ? '' : 's'} unstable between repeats` : '',
  ].filter(Boolean);
  return { passed: notPassed === 0 && gate?.passed !== false, text: parts.join('; ') };
}

function summary(report: Report, findings: Finding[]): string {
  const verdict = verdictLine(report);
  const worst = report.scenarios
    .flatMap((scenario, s) => scenario.steps.flatMap((step, i) => step.findings.map((finding) => ({ scenario, s, step, i, finding }))))
    .filter((item) => item.finding.class === 'deterministic')
    .sort((a, b) => bySeverity(a.finding, b.finding))
    .slice(0, 8);
  const gate = report.gate;
  // A long list shows its first ten; the rest is one click away, and printed in full.
  const list = (title: string, items: string[], kind: string) => {
    if (items.length === 0) return '';
    const li = (item: string) => `<li>${esc(item)}</li>`;
    const rest = items.slice(10);
    return `<h3>${esc(title)} (${items.length})</h3>\n<ul class="changes ${kind}">${items.slice(0, 10).map(li).join('')}</ul>${
      rest.length > 0 ? `<details class="more"><summary>${rest.length} more</summary><ul class="changes ${kind}">${rest.map(li).join('')}</ul></details>` : ''
    }`;
  };
  return `<section class="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<p class="verdict ${verdict.passed ? 'passed' : 'failed'}"><strong>${verdict.word ?? (verdict.passed ? 'Passed' : 'Failed')}</strong>: ${esc(verdict.text)}.</p>
<p>Customer effort ${seconds(report.summary.effort)} in all (deterministic: counted actions and the recovery friction forced); ${findings.length} finding${findings.length === 1 ? '' : 's'}: ${report.summary.findings.high} high, ${report.summary.findings.medium} medium, ${report.summary.findings.low} low.${gate?.baseline ? ` Compared with the baseline ${esc(gate.baseline.file)} of ${esc(gate.baseline.startedAt.slice(0, 10))}.` : ''}</p>
<div class="table-wrap"><table>
<caption>Journeys</caption>
<thead><tr><th scope="col">Journey</th><th scope="col">Status</th><th scope="col">Effort</th><th scope="col">High</th><th scope="col">Medium</th><th scope="col">Low</th></tr></thead>
<tbody>
${report.scenarios
  .map((scenario, i) => {
    const c = counts(scenario);
    return `<tr><th scope="row"><a href="#scenario-${i + 1}">${esc(scenario.name)}</a></th><td><span class="status ${scenario.status}">${scenario.status}</span></td><td>${esc(verdictOf(scenario).replace(/^effort /, ''))}</td><td>${c.high}</td><td>${c.medium}</td><td>${c.low}</td></tr>`;
  })
  .join('\n')}
</tbody>
</table></div>
${list('Regressions', (gate?.regressions ?? []).map((r) => r.message), 'worse')}
${list('Budgets exceeded', (gate?.budgets ?? []).map((b) => `${b.scenario}: ${b.message}`), 'worse')}
${list('Unstable between repeats', (gate?.unstable ?? []).map((u) => u.message), 'worse')}
${
  worst.length === 0
    ? ''
    : `<h3>Worst findings</h3>\n<ol class="worst">${worst
        .map((w) => `<li><span class="sev ${w.finding.severity}">${w.finding.severity}</span> <a href="#step-${w.s + 1}-${w.i + 1}">${esc(w.scenario.name)}, step ${w.i + 1}</a>: ${esc(w.finding.message)}</li>`)
        .join('')}</ol>`
}
${list('Improvements', (gate?.improvements ?? []).map((i) => i.message), 'better')}
</section>`;
}

const counts = (scenario: ScenarioResult) => countBySeverity(findingsOfSteps(scenario.steps));

function filters(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const areas = [...new Set(findings.map((f) => f.area))].sort();
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const box = (group: string, value: string, label: string) =>
    `<label><input type="checkbox" name="${group}" value="${esc(value)}" checked> ${esc(label)}</label>`;
  return `<section class="filters" aria-labelledby="filters-title">
<h2 id="filters-title">Filter the findings</h2>
<form id="filters" class="filters-form">
<fieldset><legend>Severity</legend>${SEVERITIES.map((s) => box('severity', s, s)).join('')}</fieldset>
<fieldset><legend>Area</legend>${areas.map((a) => box('area', a, a)).join('')}</fieldset>
<fieldset><legend>Rule</legend><label for="rule-filter">Show</label> <select id="rule-filter" name="rule"><option value="">every rule</option>${rules.map((r) => `<option value="${esc(r)}">${esc(r)}</option>`).join('')}</select></fieldset>
</form>
<p id="filter-count" role="status">Showing all ${findings.length} findings.</p>
</section>`;
}

function scenarioSection(report: Report, scenario: ScenarioResult, s: number, ctx: Context): string {
  const keys = stepKeys(scenario.steps);
  const c = counts(scenario);
  return `<section class="scenario" id="scenario-${s + 1}" aria-labelledby="scenario-${s + 1}-title">
<h2 id="scenario-${s + 1}-title">${esc(scenario.name)}</h2>
<p class="meta">${esc(scenario.file)} · ${esc(scenario.journey)} · ${esc(scenario.device)}${scenario.persona ? ` · ${esc(scenario.persona)}` : ''}</p>
<p><span class="status ${scenario.status}">${scenario.status}</span> ${esc(verdictOf(scenario))} · ${c.high} high, ${c.medium} medium, ${c.low} low${scenario.reason ? `<br><span class="reason">${esc(scenario.reason)}</span>` : ''}</p>
${scenario.guided ? guidedFacts(scenario.guided) : ''}
${scenario.steps.map((step, i) => stepArticle(report, scenario, step, s, i, keys[i]!, ctx)).join('\n')}
</section>`;
}

function stepArticle(report: Report, scenario: ScenarioResult, step: StepResult, s: number, i: number, key: string, ctx: Context): string {
  const id = `step-${s + 1}-${i + 1}`;
  const boxes = step.findings.map((f) => f.evidence.box as Box | null | undefined).filter((b): b is Box => Boolean(b && b.width > 0 && b.height > 0));
  const picture = step.screenshot && step.picture ? loadPicture(ctx.outDir, step.screenshot, step.picture, boxes) : null;
  const changes = [...(report.gate?.regressions ?? []), ...(report.gate?.improvements ?? [])].filter((c) => c.scenario === scenarioLabel(scenario, report.scenarios) && c.step === key);
  return `<article class="step" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title"><span class="num">${i + 1}</span> ${esc(step.name)} <span class="status ${step.status}">${step.status}</span></h3>
${step.reason ? `<p class="reason">${esc(step.reason)}</p>` : ''}
<div class="step-body">
${picture ? figure(step, picture, i) : ''}
<div class="facts">
${step.status === 'skipped' ? '<p>Not reached: an earlier step ended the journey.</p>' : effortChart(step, ctx.maxEffort)}
${deltas(changes)}
${step.person ? personFacts(step.person) : ''}
${step.recovery.length > 0 ? `<p class="recovery-list"><strong>Recovery:</strong> ${step.recovery.map((r) => `${esc(r.what)} (${r.seconds.toFixed(1)} s)`).join('; ')}</p>` : ''}
${step.faults?.length ? `<p><strong>Injected on purpose:</strong> ${step.faults.map((f) => `${esc(f.fault)} (${f.hits} request${f.hits === 1 ? '' : 's'})`).join('; ')}</p>` : ''}
${step.findings.length > 0 ? `<ul class="findings">${step.findings.map((f, n) => findingItem(f, n, picture)).join('\n')}</ul>` : step.status === 'skipped' ? '' : '<p class="none">No findings in this step.</p>'}
</div>
</div>
</article>`;
}

function guidedFacts(g: GuidedRun): string {
  return `<p class="guided">Walked by shopper <strong>${esc(g.shopper)}</strong> ${g.via === 'browser' ? 'in a browser' : 'on a paper checklist'} · overall ease ${g.ease === null ? 'not given' : `${g.ease}/7`}${g.rankCorrelation !== null ? ` · rank correlation of predicted effort and measured time ${g.rankCorrelation.toFixed(2)}` : ''}${g.note ? `<br>“${esc(g.note)}”` : ''}</p>`;
}

function personFacts(p: PersonStep): string {
  const c = p.counts;
  return `<p class="person"><strong>Shopper:</strong> ${esc(p.said)}, ${seconds(p.seconds)} (timing) · ease ${p.ease === null ? '–' : `${p.ease}/7`} · ${c.taps} taps${c.deadTaps ? `, ${c.deadTaps} dead` : ''}${c.rageTaps ? `, ${c.rageTaps} in rage` : ''} · ${c.keystrokes} keys${p.predicted ? ` · predicted ${seconds(p.predicted.effort)}` : ''}${p.gap ? `<br><strong>Perception gap:</strong> ${esc(p.gap)}` : ''}${p.note ? `<br>“${esc(p.note)}”` : ''}</p>`;
}

function panelTable(p: PanelSummary): string {
  return `<section class="panel" aria-labelledby="panel-${esc(slugOf(p.scenario))}">
<h2 id="panel-${esc(slugOf(p.scenario))}">Shoppers: ${esc(p.scenario)}</h2>
<p>${p.shoppers.length} shoppers (${p.shoppers.map(esc).join(', ')}); overall ease ${esc(formatSpread(p.ease))}; rank correlation of predicted effort and median time: ${p.rankCorrelation === null ? 'not enough steps' : p.rankCorrelation.toFixed(2)}.</p>
<table><thead><tr><th scope="col">step</th><th scope="col">runs</th><th scope="col">could not</th><th scope="col">predicted</th><th scope="col">time: median (range)</th><th scope="col">ease: median (range)</th></tr></thead>
<tbody>${p.steps.map((s) => `<tr><td>${esc(s.name)}</td><td>${s.runs}</td><td>${s.couldNot}</td><td>${s.predictedEffort === null ? '–' : seconds(s.predictedEffort)}</td><td>${esc(formatSpread(s.seconds, ' s'))}</td><td>${esc(formatSpread(s.ease))}</td></tr>`).join('')}</tbody></table>
</section>`;
}

function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function figure(step: StepResult, picture: Picture, i: number): string {
  const outlines = step.findings
    .map((f, n) => {
      const box = f.evidence.box as Box | null | undefined;
      const place = box ? picture.place(box) : null;
      if (!place) return '';
      return `<span class="outline ${f.severity}" data-severity="${f.severity}" data-area="${esc(f.area)}" data-rule="${esc(f.rule)}" style="left:${place.left}%;top:${place.top}%;width:${place.width}%;height:${place.height}%"><span class="tag">${n + 1}</span></span>`;
    })
    .join('');
  return `<figure class="shot">
<div class="frame" style="aspect-ratio:${picture.width}/${picture.height}"><img src="${picture.src}" width="${picture.width}" height="${picture.height}" alt="The page after step ${i + 1}, with the elements of its findings outlined and numbered">${outlines}</div>
<figcaption>${esc(step.url)}</figcaption>
</figure>`;
}

function effortChart(step: StepResult, maxEffort: number): string {
  const parts = OPERATORS.map((op) => ({ ...op, value: step.effortBreakdown[op.key] ?? 0 })).filter((p) => p.value > 0.0005);
  const width = 100 * (step.effort / maxEffort);
  let at = 0;
  const bars = parts
    .map((p) => {
      const w = (p.value / Math.max(step.effort, 1e-9)) * width;
      const rect = `<rect x="${at.toFixed(2)}%" y="0" width="${w.toFixed(2)}%" height="16" class="op-${p.key}"><title>${esc(p.label)}: ${p.value.toFixed(2)} s</title></rect>`;
      at += w;
      return rect;
    })
    .join('');
  const words = parts.map((p) => `<li><span class="swatch op-${p.key}" aria-hidden="true"></span>${esc(p.label)} ${p.value.toFixed(1)} s</li>`).join('');
  return `<div class="effort">
<p><strong>Effort ${seconds(step.effort)}</strong> · waited ${seconds(step.wait)} (timing)</p>
<svg class="chart" role="img" aria-label="Effort ${seconds(step.effort)}, stacked by operator" width="100%" height="16" preserveAspectRatio="none">${bars}</svg>
${words ? `<ul class="legend">${words}</ul>` : ''}
</div>`;
}

function deltas(changes: GateChange[]): string {
  if (changes.length === 0) return '';
  const worse = new Set(['new-finding', 'effort-up', 'now-blocked', 'slower']);
  return `<ul class="deltas">${changes
    .map((c) => `<li class="${worse.has(c.kind) ? 'worse' : 'better'}"><strong>${worse.has(c.kind) ? 'Worse' : 'Better'} than the baseline:</strong> ${esc(c.message.replace(/^"[^"]*", step "[^"]*": /, ''))}</li>`)
    .join('')}</ul>`;
}

function findingItem(f: Finding, n: number, picture: Picture | null): string {
  const { element, measured, threshold } = f.evidence;
  const box = f.evidence.box as Box | null | undefined;
  const outlined = picture && box ? picture.place(box) !== null : false;
  return `<li class="finding" data-severity="${f.severity}" data-area="${esc(f.area)}" data-rule="${esc(f.rule)}">
<p><span class="sev ${f.severity}">${f.severity}</span>${outlined ? ` <span class="tag-ref">outline ${n + 1}</span>` : ''} <strong>${esc(f.title)}</strong>${f.class === 'timing' ? ' <span class="timing">(timing)</span>' : ''}</p>
<p>${esc(f.message)}</p>
<dl>${element ? `<dt>Element</dt><dd>${esc(element)}</dd>` : ''}${measured !== undefined ? `<dt>Measured</dt><dd>${esc(measured)}${threshold !== undefined ? ` (threshold: ${esc(threshold)})` : ''}</dd>` : ''}<dt>Rule</dt><dd>${esc(f.rule)} · ${esc(f.area)}</dd><dt>Source</dt><dd>${esc(f.source)}</dd></dl>
</li>`;
}
