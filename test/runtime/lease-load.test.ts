import path from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { conversationMessages } from "../../bench/lib/message-mix.ts";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import { loadDomain } from "../../src/config/loader.ts";
import type {
  Checkpointer,
  LoadOptions,
  StoredConversation,
} from "../../src/persistence/checkpointer.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import { SqliteCheckpointer } from "../../src/persistence/sqlite.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";

/** SQLite, counting the separate loads a turn makes. */
class CountingSqlite extends SqliteCheckpointer {
  loads = 0;
  override load(id: string, _options?: LoadOptions): Promise<StoredConversation | null> {
    this.loads++;
    return super.load(id);
  }
}

async function play(store: Checkpointer): Promise<string[]> {
  const domain = await loadDomain(path.join(import.meta.dirname, "../../examples/banking"));
  let n = 0;
  const runtime = new RuntimeLoop(domain, {
    checkpointer: store,
    handlers: createBankingHandlers({
      clock: () => new Date("2026-03-10T09:30:00Z"),
      nextId: () => ++n,
    }),
    logger: pino({ level: "silent" }),
    clock: () => new Date("2026-03-10T09:30:00Z"),
    newId: () => `id-${++n}`,
  });
  const replies: string[] = [];
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 4; i++) {
      for (const message of conversationMessages(i)) {
        const result = await runtime.processMessage(message, `user-${i}`);
        replies.push(`${result.turnCount} ${result.response}`);
      }
    }
  }
  await runtime.cleanup();
  return replies;
}

describe("a turn's conversation read with its lease", () => {
  it("on SQLite no separate load per turn, and the same conversations as the memory store", async () => {
    const sqlite = new CountingSqlite({ path: ":memory:" });
    const replies = await play(sqlite);
    expect(sqlite.loads).toBe(0);
    expect(replies).toEqual(await play(new MemoryCheckpointer()));
    expect(replies.length).toBeGreaterThan(20);
  });
});
