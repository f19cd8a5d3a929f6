import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import type { PersistenceSettings } from "../../src/persistence/create.ts";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { BANKING_DIR } from "./temp-domain.ts";

/** A conversation engine the in-process benchmarks can drive turn by turn. */
export interface TurnDriver {
  name: string;
  /** Runs one user message; resolves with the bot's reply text. */
  send(conversationId: string, text: string): Promise<string>;
  close(): Promise<void>;
}

let banking: Promise<LoadedDomain> | undefined;

/** examples/banking, loaded once per process. */
export function bankingDomain(): Promise<LoadedDomain> {
  banking ??= loadDomain(BANKING_DIR);
  return banking;
}

export interface SoniDriverOptions {
  /** Over the domain's `settings.persistence`, e.g. `{ synchronous: "full" }` for SQLite. */
  persistence?: Partial<PersistenceSettings>;
}

/**
 * RuntimeLoop on the banking domain with the heuristic DU and the given store. Logging is
 * silent: the figure is the framework's own time, as for Bot Framework (which logs nothing).
 * SQLite gets a fresh file in a temp directory, removed on close.
 */
export async function createSoniDriver(
  backend: "memory" | "sqlite",
  options: SoniDriverOptions = {},
): Promise<TurnDriver> {
  const domain = await bankingDomain();
  const logger = pino({ level: "silent" });
  const persistence = options.persistence ?? {};
  const dir = backend === "sqlite" ? mkdtempSync(join(tmpdir(), "soni-bench-sqlite-")) : undefined;
  const checkpointer = await createCheckpointer(
    {
      ...domain.domain.settings.persistence,
      ...persistence,
      backend,
      ...(dir ? { path: join(dir, "bench.db") } : {}),
    },
    { baseDir: domain.baseDir, logger },
  );
  const runtime = new RuntimeLoop(domain, { checkpointer, logger });
  await runtime.initialize();
  return {
    name: `soni-${backend}${persistence.synchronous ? `-${persistence.synchronous}` : ""}`,
    async send(conversationId, text) {
      const result = await runtime.processMessage(text, conversationId);
      return result.messages.join("\n");
    },
    async close() {
      await runtime.cleanup();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
