import type { DomainProblem } from "./errors.ts";
import type { FlowGraph } from "./flow-graph.ts";
import type { Domain } from "./schema.ts";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A validated domain, ready for the DM and DU: defaults applied, flows flattened to graphs. */
export interface LoadedDomain {
  domain: Domain;
  graphs: Map<string, FlowGraph>;
  /** Directory that relative paths in the domain (handlers, optimizer examples) resolve against. */
  baseDir: string;
  /** The YAML files it came from, in merge order (empty for a domain given as text). */
  files: string[];
  /** Problems that do not stop loading (severity "warning"); always set by the loader. */
  warnings?: DomainProblem[];
  /** Where a value of the merged document was written, by its path (`["flows","hello","steps",0]`). */
  locate(path: readonly (string | number)[]): SourceLocation | undefined;
}
