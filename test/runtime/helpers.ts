import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { buildFlowGraph } from "../../src/config/flow-graph.ts";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { type DomainInput, domainSchema } from "../../src/config/schema.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import type { Command } from "../../src/protocol/commands.ts";
import type { HandlerSet } from "../../src/runtime/handlers.ts";
import { RuntimeLoop, type RuntimeLoopOptions } from "../../src/runtime/runtime-loop.ts";
import { ScriptedUnderstanding, say } from "./scripted-du.ts";

/** A pino logger whose lines are kept as parsed objects. */
export function captureLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

/** A domain from YAML text, loaded and validated like a file. */
export function domainFromYaml(yaml: string): Promise<LoadedDomain> {
  return loadDomainFromText(yaml, "test.yaml");
}

/** A domain that skips semantic validation (to reach runtime guards the loader would reject). */
export function unvalidatedDomain(input: DomainInput): LoadedDomain {
  const domain = domainSchema.parse(input);
  const graphs = new Map(
    Object.entries(domain.flows).map(([name, flow]) => [name, buildFlowGraph(name, flow)]),
  );
  return { domain, graphs, baseDir: process.cwd(), files: [], locate: () => undefined };
}

export interface TestRuntime {
  runtime: RuntimeLoop;
  du: ScriptedUnderstanding;
  checkpointer: MemoryCheckpointer;
  lines: Record<string, unknown>[];
}

/** A RuntimeLoop with the scripted DU, an in-memory store, a fixed clock and counted ids. */
export function testRuntime(
  domain: LoadedDomain,
  handlers: HandlerSet = {},
  options: RuntimeLoopOptions = {},
): TestRuntime {
  const { logger, lines } = captureLogger();
  const du = new ScriptedUnderstanding();
  const checkpointer = new MemoryCheckpointer();
  let id = 0;
  const runtime = new RuntimeLoop(domain, {
    du,
    checkpointer,
    handlers,
    logger,
    clock: () => new Date("2026-03-10T09:30:00Z"),
    newId: () => `id-${++id}`,
    ...options,
  });
  return { runtime, du, checkpointer, lines };
}

/**
 * A conversation with the scripted DU on a domain given as YAML: `send(...commands)` plays one
 * turn that understands exactly those commands and returns the assistant's messages.
 */
export async function scriptedConversation(yaml: string) {
  const t = testRuntime(await domainFromYaml(yaml));
  const send = async (...commands: Command[]) =>
    (await t.runtime.processMessage(say(...commands), "u")).messages;
  return { ...t, send };
}
