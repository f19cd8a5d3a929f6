import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DomainLoadError, displayPath } from "../../config/errors.ts";
import { didYouMean } from "../../config/hints.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { loadDomain } from "../../config/loader.ts";
import { flowToMermaid } from "../../config/mermaid.ts";

export interface GraphOptions {
  flow?: string;
  out?: string;
}

/**
 * The domain's flows as one Mermaid flowchart: a single flow as it is, several flows each in
 * its own subgraph (node ids are already prefixed with the flow name, so they never clash).
 */
export function domainToMermaid(loaded: LoadedDomain, flow?: string): string {
  if (flow !== undefined) {
    const graph = loaded.graphs.get(flow);
    if (!graph) {
      const known = [...loaded.graphs.keys()];
      const hint = didYouMean(flow, known) || ".";
      throw new UnknownFlowError(
        `unknown flow '${flow}'${hint} Flows in this domain: ${known.join(", ") || "(none)"}`,
      );
    }
    return flowToMermaid(graph);
  }
  const lines = ["flowchart TD"];
  for (const [name, graph] of loaded.graphs) {
    const body = flowToMermaid(graph).split("\n").slice(1);
    lines.push(`  subgraph flow_${name} ["${name}"]`, ...body.map((l) => `  ${l}`), "  end");
  }
  return lines.join("\n");
}

export class UnknownFlowError extends Error {
  override readonly name = "UnknownFlowError";
}

/** Markdown renders Mermaid only inside a fenced block. */
function asFile(diagram: string, file: string): string {
  return /\.(md|markdown)$/i.test(file) ? `\`\`\`mermaid\n${diagram}\n\`\`\`\n` : `${diagram}\n`;
}

/** `soni graph`: prints (or writes) the Mermaid diagram; the process exit code. */
export async function runGraph(domainPath: string, options: GraphOptions): Promise<number> {
  let diagram: string;
  try {
    diagram = domainToMermaid(await loadDomain(domainPath), options.flow);
  } catch (error) {
    if (error instanceof DomainLoadError) console.error(error.format());
    else if (error instanceof UnknownFlowError) console.error(`error: ${error.message}`);
    else throw error;
    return 1;
  }
  if (!options.out) {
    process.stdout.write(`${diagram}\n`);
    return 0;
  }
  try {
    await writeFile(options.out, asFile(diagram, options.out));
  } catch (error) {
    console.error(
      `error: cannot write ${options.out}: ${(error as Error).message}; check that its directory exists and is writable`,
    );
    return 1;
  }
  console.error(`wrote ${displayPath(path.resolve(options.out))}`);
  return 0;
}
