import { describe, expect, it } from "vitest";
import type { SaveOptions } from "../../src/persistence/checkpointer.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import type { DialogueState, TurnRecord } from "../../src/protocol/state.ts";
import { playBankingMix } from "../helpers/banking-mix.ts";

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

describe("state shared between the memory store and the turns", () => {
  it("no turn changes in place what the store holds: the same replies with frozen stored states", async () => {
    const frozen = await playBankingMix(new FreezingStore(), 16);
    expect(frozen).toEqual(await playBankingMix(new MemoryCheckpointer(), 16));
    expect(frozen.length).toBeGreaterThan(100);
  });
});
