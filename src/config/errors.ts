import path from "node:path";

export type Severity = "error" | "warning";

/** One thing wrong (or suspicious) in a domain, with where it was written. */
export interface DomainProblem {
  /** The file as given to the loader (absolute for files on disk, the text's name otherwise). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  severity: Severity;
  /** A stable machine code (`dialect.action_call`, `slot-kind-undeclared`), for tools and tests. */
  code?: string;
}

/** `file:line:col  message`, with the file relative to `cwd` when it lies inside it. */
export function formatProblem(problem: DomainProblem, cwd: string = process.cwd()): string {
  const prefix =
    problem.severity === "warning" ? `warning${problem.code ? `[${problem.code}]` : ""}: ` : "";
  return `${displayPath(problem.file, cwd)}:${problem.line}:${problem.column}  ${prefix}${problem.message}`;
}

/** A path relative to `cwd` when it lies inside it; anything else (a text's name) unchanged. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative)
    ? file
    : relative;
}

/** Errors are listed first, then warnings; within each, by file, line and column. */
export function sortProblems(problems: readonly DomainProblem[]): DomainProblem[] {
  const rank = (p: DomainProblem) => (p.severity === "error" ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/**
 * A domain that cannot be loaded. Carries every problem found (errors and the warnings
 * seen along the way), not only the first, so one run shows everything to fix.
 */
export class DomainLoadError extends Error {
  readonly problems: readonly DomainProblem[];

  constructor(problems: readonly DomainProblem[]) {
    const sorted = sortProblems(problems);
    const errors = sorted.filter((p) => p.severity === "error");
    const first = errors[0] ?? sorted[0];
    super(
      first
        ? `invalid domain: ${errors.length} error(s); first: ${formatProblem(first)}`
        : "invalid domain",
    );
    this.name = "DomainLoadError";
    this.problems = sorted;
  }

  get errors(): DomainProblem[] {
    return this.problems.filter((p) => p.severity === "error");
  }

  /** One `file:line:col  message` per line (files relative to `cwd`). */
  format(cwd: string = process.cwd()): string {
    return this.problems.map((p) => formatProblem(p, cwd)).join("\n");
  }
}
