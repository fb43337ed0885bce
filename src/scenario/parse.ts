/**
 * One scenario file's text to a resolved scenario, or to every problem in it: YAML syntax, environment
 * variables, then the schema.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { redact } from '../output/safe.js';
import { explainIssues } from './explain.js';
import { interpolateEnv } from './interpolate.js';
import { positionOf } from './locate.js';
import { formatPath, sortProblems, type PathSegment, type Problem } from './problems.js';
import { resolveScenario } from './resolve.js';
import { ScenarioSchema, type ResolvedScenario } from './schema.js';

const SYNTAX_HINTS: Record<string, string> = {
  BAD_INDENT: 'check the indentation: keys of one mapping line up, a list item starts with "- "',
  MISSING_CHAR: 'check for a missing quote, bracket or "- " before a list item, and the indentation',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BLOCK_AS_IMPLICIT_KEY: 'put a value that contains ": " in quotes',
  BAD_SCALAR_START: 'put a value that starts with @, ` or % in quotes',
  MULTIPLE_DOCS: 'one scenario per file: move what follows "---" to a file of its own',
};

function syntaxProblem(file: string, source: string, error: YAMLError, lines: LineCounter): Problem {
  const { line, col } = lines.linePos(error.pos[0]);
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(source.slice(error.pos[0]))![0].trim();
    return {
      file,
      line,
      col,
      path: '',
      message: `duplicate key "${key}"`,
      hint: 'a key may appear once per mapping; to do the same thing twice, write two steps',
    };
  }
  return { file, line, col, path: '', message: `YAML syntax error: ${error.message}`, hint: SYNTAX_HINTS[error.code] };
}

function locate(file: string, doc: Document, lines: LineCounter) {
  return (complaint: { path: PathSegment[]; anchor?: 'key' | 'value'; message: string; hint?: string }): Problem => {
    const { through, ...position } = positionOf(doc, lines, complaint.path, complaint.anchor ?? 'value');
    // Through an alias: reported where the scenario uses it, and says where the text it repeats is.
    const via = through ? ` (through the alias *${through.alias}; the text is at ${through.at.line}:${through.at.col})` : '';
    return {
      file,
      ...position,
      path: formatPath(complaint.path),
      message: `${complaint.message}${via}`,
      ...(complaint.hint ? { hint: complaint.hint } : {}),
    };
  };
}

/** Problems that stop a file before its content can be checked: bad YAML, nothing in it, not a mapping. */
function documentProblems(file: string, text: string, doc: Document, lines: LineCounter): Problem[] {
  // A key given twice leaves the rest of the file readable: its content is checked too, every problem said at once.
  if (doc.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return doc.errors.map((error) => syntaxProblem(file, text, error, lines));
  if (doc.contents === null) {
    return [{ file, line: 1, col: 1, path: '', message: 'the file is empty', hint: 'a scenario needs at least a name and steps' }];
  }
  if (!isMap(doc.contents)) {
    const got = isSeq(doc.contents) ? 'a list' : 'a single value';
    return [
      {
        file,
        ...lines.linePos(doc.contents.range?.[0] ?? 0),
        path: '',
        message: `a scenario must be a mapping of keys (name: ..., steps: ...), got ${got}`,
      },
    ];
  }
  return [];
}

/**
 * Parses and validates one scenario file's text; `file` is only used to label problems and the result.
 * Never throws for a mistake in the file: the scenario is returned only when there are no problems.
 */
export function parseScenario(
  file: string,
  source: string,
  env: NodeJS.ProcessEnv = process.env,
): { scenario?: ResolvedScenario; problems: Problem[] } {
  const text = source.replace(/^\uFEFF/, '');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
  const fatal = documentProblems(file, text, doc, lines);
  if (fatal.length > 0) return { problems: sortProblems(fatal) };

  const toProblem = locate(file, doc, lines);
  const interpolation = interpolateEnv(doc, env);
  const problems = [...doc.errors.map((error) => syntaxProblem(file, text, error, lines)), ...interpolation.problems.map(toProblem)];

  let input: unknown;
  try {
    input = doc.toJS();
  } catch (error) {
    // An alias to an anchor that does not exist is only found when the document is turned into data.
    problems.push({ file, line: 1, col: 1, path: '', message: `YAML error: ${(error as Error).message}` });
    return { problems: sortProblems(problems) };
  }

  const result = ScenarioSchema.safeParse(input);
  if (!result.success) {
    const complaints = explainIssues(result.error.issues, input, ScenarioSchema, interpolation.secrets);
    // A value the file was given from a secret is never said back, wherever a message quotes it (a regular
    // expression's own error repeats its pattern).
    problems.push(...complaints.map(toProblem).map((problem) => ({ ...problem, message: redact(problem.message, interpolation.secrets) })));
    if (problems.length === 0) {
      problems.push({ file, line: 1, col: 1, path: '', message: 'the scenario does not match the scenario format' });
    }
  }
  if (!result.success || problems.length > 0) return { problems: sortProblems(problems) };
  const scenario = resolveScenario(file, input as { steps: unknown[] }, result.data, interpolation.secrets);
  for (const [index, step] of scenario.steps.entries()) step.line = positionOf(doc, lines, ['steps', index], 'value').line;
  return { scenario, problems: [] };
}
