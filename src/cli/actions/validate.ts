import { DomainLoadError, displayPath, formatProblem } from "../../config/errors.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { loadDomain } from "../../config/loader.ts";
import {
  foldedSynonyms,
  negatedTriggerPhrases,
  wordlessTriggerPhrases,
} from "../../du/heuristic/trigger-warnings.ts";
import { HandlerLoadError, loadHandlers } from "../../runtime/handler-loader.ts";
import { chosenHandlerModules } from "../handler-modules.ts";

export interface ValidateOptions {
  skipHandlers?: boolean;
  handlers?: string[];
}

/** Imports the handler modules and matches them with the domain; the problems found. */
async function handlerProblems(loaded: LoadedDomain, modules?: string[]): Promise<string[]> {
  try {
    await loadHandlers(loaded, { modules });
    return [];
  } catch (error) {
    if (error instanceof HandlerLoadError) return error.problems;
    throw error;
  }
}

function summary(loaded: LoadedDomain): string {
  const { domain, graphs } = loaded;
  let steps = 0;
  for (const graph of graphs.values()) steps += graph.order.length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [
    count(Object.keys(domain.flows).length, "flow"),
    count(Object.keys(domain.slots).length, "slot"),
    count(Object.keys(domain.actions).length, "action"),
    count(steps, "step"),
  ].join(", ");
}

/** `soni validate`: reports every problem of the domain; the process exit code. */
export async function runValidate(domainPath: string, options: ValidateOptions): Promise<number> {
  const shown = displayPath(domainPath);
  let loaded: LoadedDomain;
  try {
    loaded = await loadDomain(domainPath);
  } catch (error) {
    if (!(error instanceof DomainLoadError)) throw error;
    const errors = error.errors.length;
    const warnings = error.problems.length - errors;
    console.error(error.format());
    console.error(
      `${shown}: invalid — ${errors} error${errors === 1 ? "" : "s"}` +
        (warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""),
    );
    return 1;
  }
  if (!options.skipHandlers) {
    const problems = await handlerProblems(loaded, chosenHandlerModules(options.handlers));
    if (problems.length) {
      const at = loaded.locate(["settings", "handlers"]) ?? {
        file: loaded.files[0] ?? domainPath,
        line: 1,
        column: 1,
      };
      for (const message of problems) {
        console.error(formatProblem({ ...at, message, severity: "error" }));
      }
      console.error(
        `${shown}: invalid — ${problems.length} handler problem${problems.length === 1 ? "" : "s"}`,
      );
      return 1;
    }
  }
  const warnings = [
    ...(loaded.warnings ?? []),
    ...wordlessTriggerPhrases(loaded),
    ...negatedTriggerPhrases(loaded),
    ...foldedSynonyms(loaded),
  ];
  console.log(
    `${shown}: valid — ${summary(loaded)}` +
      (warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? "" : "s"})` : ""),
  );
  for (const warning of warnings) console.log(formatProblem(warning));
  const dialect = warnings.filter((w) => w.code?.startsWith("dialect.")).length;
  if (dialect > 0) {
    console.log(
      `${dialect} of these are forms of the original Soni (Python) dialect; \`soni migrate ${shown} --out DIR\` rewrites them (docs/migrating-from-python.md)`,
    );
  }
  return 0;
}
