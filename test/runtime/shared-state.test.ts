import path from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { conversationMessages } from "../../bench/lib/message-mix.ts";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import { loadDomain } from "../../src/config/loader.ts";
import type { SaveOptions } from "../../src/persistence/checkpointer.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import type { DialogueState, TurnRecord } from "../../src/protocol/state.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";

function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

/**
 * The memory store keeps what the runtime hands over and shares history, last_turn and data
 * between loads. Frozen, any change in place to what the store holds throws (ES modules are
 * strict), so a turn that mutated a shared part would fail here instead of silently changing a
 * stored conversation.
 */
class FreezingStore extends MemoryCheckpointer {
  override async save(
    id: string,
    state: DialogueState,
    expectedVersion: number,
    turn?: TurnRecord,
    options?: SaveOptions,
  ): Promise<number> {
    const version = await super.save(id, state, expectedVersion, turn, options);
    if (options?.handOver) {
      deepFreeze(state);
      deepFreeze(turn);
    }
    return version;
  }
}

async function play(store: MemoryCheckpointer): Promise<string[]> {
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
  // Two rounds per user: the second one loads states the first one saved.
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 16; i++) {
      for (const message of conversationMessages(i)) {
        replies.push((await runtime.processMessage(message, `user-${i}`)).response);
      }
    }
  }
  await runtime.cleanup();
  return replies;
}

describe("state shared between the memory store and the turns", () => {
  it("no turn changes in place what the store holds: the same replies with frozen stored states", async () => {
    const frozen = await play(new FreezingStore());
    expect(frozen).toEqual(await play(new MemoryCheckpointer()));
    expect(frozen.length).toBeGreaterThan(100);
  });
});
