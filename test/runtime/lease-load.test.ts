import { describe, expect, it } from "vitest";
import type { LoadOptions, StoredConversation } from "../../src/persistence/checkpointer.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import { SqliteCheckpointer } from "../../src/persistence/sqlite.ts";
import { playBankingMix } from "../helpers/banking-mix.ts";

/** SQLite, counting the separate loads a turn makes. */
class CountingSqlite extends SqliteCheckpointer {
  loads = 0;
  override load(id: string, _options?: LoadOptions): Promise<StoredConversation | null> {
    this.loads++;
    return super.load(id);
  }
}

describe("a turn's conversation read with its lease", () => {
  it("on SQLite no separate load per turn, and the same conversations as the memory store", async () => {
    const sqlite = new CountingSqlite({ path: ":memory:" });
    const replies = await playBankingMix(sqlite, 4);
    expect(sqlite.loads).toBe(0);
    expect(replies).toEqual(await playBankingMix(new MemoryCheckpointer(), 4));
    expect(replies.length).toBeGreaterThan(20);
  });
});
