import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadOrExplain } from '../../src/cli/load.js';
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

describe('files that are not scenario text', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'cx-shop-input-'));

  it('a Latin-1 file gets one located message, not corrupted text', async () => {
    const root = dir();
    writeFileSync(path.join(root, 'latin1.yaml'), Buffer.concat([Buffer.from('name: A\nsteps:\n  - name: Caf'), Buffer.from([0xe9]), Buffer.from('\n    goto: /\n')]));
    const { scenarios, problems } = await loadScenarios(['latin1.yaml'], { cwd: root });
    expect(scenarios).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'latin1.yaml:3:14 is not UTF-8 text (byte 0xE9)\n  hint: save the file as UTF-8 (in most editors: File > Save with encoding > UTF-8)',
    ]);
  });

  it('bytes that look like UTF-8 but are not (an encoded surrogate) are located where they are', async () => {
    const root = dir();
    writeFileSync(path.join(root, 'surrogate.yaml'), Buffer.concat([Buffer.from('name: A'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\nsteps: []\n')]));
    const { problems } = await loadScenarios(['surrogate.yaml'], { cwd: root });
    expect(problems.map(formatProblem)[0]).toMatch(/^surrogate\.yaml:1:8 is not UTF-8 text \(byte 0xED\)/);
  });

  it('a binary file gets one message, and none of its bytes are echoed', async () => {
    const root = dir();
    writeFileSync(path.join(root, 'picture.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...Array(4000).fill(7)]));
    const { problems } = await loadScenarios(['picture.yaml'], { cwd: root });
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toBe('picture.yaml:1:1 is a binary file, not a scenario\n  hint: scenario files are YAML text (*.yaml, *.yml)');
  });

  it('thousands of bad steps print at most 50 problems and a count of the rest', async () => {
    const root = dir();
    const steps = Array.from({ length: 3000 }, (_, i) => `  - name: Step ${i}\n    tapp: x\n`).join('');
    writeFileSync(path.join(root, 'huge.yaml'), `name: A\nsteps:\n${steps}`);
    const { problems } = await loadScenarios(['huge.yaml'], { cwd: root });
    expect(problems).toHaveLength(51);
    expect(problems.at(-1)!.message).toBe('and 2950 more problems in this file, not listed');
    // The command's count is of every problem, the ones not listed too.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(loadOrExplain(['huge.yaml'], root)).rejects.toThrow('3000 problems in 1 file; nothing was run');
    } finally {
      stderr.mockRestore();
    }
  });

  it('a file reached twice through a link is loaded once', async () => {
    const root = dir();
    writeFileSync(path.join(root, 'a.yaml'), VALID);
    const { symlinkSync } = await import('node:fs');
    symlinkSync(path.join(root, 'a.yaml'), path.join(root, 'b.yaml'));
    const { scenarios, problems } = await loadScenarios(['a.yaml', 'b.yaml'], { cwd: root });
    expect(problems).toEqual([]);
    expect(scenarios).toHaveLength(1);
  });
});
