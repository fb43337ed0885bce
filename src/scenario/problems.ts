/** A mistake in a scenario file, located so an editor or a terminal can jump to it. */
export interface Problem {
  /** The file as the user named it (relative when they gave it relative). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Where in the scenario, in a readable form such as `steps[2].tap.role`; empty for the file as a whole. */
  path: string;
  message: string;
  /** For the line that stands for problems not listed ("and 30 more…"): how many it stands for. */
  more?: number;
  /** What to do about it, when there is something useful to say. */
  hint?: string;
}

/** One segment of a path into the scenario data: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * Formats a problem as `file:line:col path: message`, and, when there is one, the hint on the next line,
 * indented, so the first line stays in the shape editors and CI problem matchers recognise.
 */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  const what = p.path ? `${p.path}: ${p.message}` : p.message;
  return p.hint ? `${where} ${what}\n  hint: ${p.hint}` : `${where} ${what}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Writes a data path the way people read it: `steps[2].tap.role`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Problems in reading order: by file, then line, then column; the same problem is kept once. */
export function sortProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1));
}
