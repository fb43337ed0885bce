import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarios } from '../../src/scenario/load.js';

const VALID = 'name: A\nsteps:\n  - name: Open the home page\n    goto: /\n';

function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cx-shop-scenarios-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('loadScenarios', () => {
  it('loads a folder recursively, sorted, only .yaml and .yml files', async () => {
    const cwd = folderWith({ 'flows/b.yaml': VALID, 'flows/a.yml': VALID, 'flows/deep/c.yaml': VALID, 'flows/notes.txt': 'x' });
    const { scenarios, problems } = await loadScenarios(['flows'], { cwd, env: {} });
    expect(problems).toEqual([]);
    expect(scenarios.map((s) => s.file)).toEqual(['flows/a.yml', 'flows/b.yaml', 'flows/deep/c.yaml']);
  });

  it('loads globs, and a file named twice once', async () => {
    const cwd = folderWith({ 'a.yaml': VALID, 'b.yaml': VALID });
    const { scenarios } = await loadScenarios(['*.yaml', 'a.yaml'], { cwd, env: {} });
    expect(scenarios.map((s) => s.file)).toEqual(['a.yaml', 'b.yaml']);
  });

  it('collects the problems of every file and still returns the valid ones', async () => {
    const cwd = folderWith({ 'good.yaml': VALID, 'bad.yaml': 'name: A\nsteps: []\n', 'worse.yaml': 'steps: [{ name: B, goto: / }]\n' });
    const { scenarios, problems } = await loadScenarios(['.'], { cwd, env: {} });
    expect(scenarios.map((s) => s.file)).toEqual(['good.yaml']);
    expect(problems.map(formatProblem)).toEqual([
      'bad.yaml:2:8 steps: needs at least one step',
      'worse.yaml:1:1 missing "name"\n  hint: name: What the customer sets out to do',
    ]);
  });

  it('reports inputs that name nothing', async () => {
    const cwd = folderWith({ 'empty/readme.md': '# none' });
    const { problems } = await loadScenarios(['missing.yaml', 'nothing/*.yaml', 'empty'], { cwd, env: {} });
    expect(problems.map(formatProblem)).toEqual([
      'empty:1:1 no scenario files (*.yaml, *.yml) in this folder\n  hint: name scenario files with .yaml or .yml',
      'missing.yaml:1:1 no such file or folder\n  hint: check the spelling; paths are relative to the current folder',
      'nothing/*.yaml:1:1 matches no files\n  hint: check the pattern, and quote it so the shell does not expand it',
    ]);
  });
});

describe('the bundled scenarios', () => {
  const folder = fileURLToPath(new URL('../../scenarios/', import.meta.url));
  const files = existsSync(folder)
    ? readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];

  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s loads without problems', async (name) => {
    const { scenarios, problems } = await loadScenarios([name], { cwd: folder, env: process.env });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(scenarios).toHaveLength(1);
  });
});
