import { describe, expect, it } from "vitest";
import { compareAcknowledged } from "../../bench/lib/acknowledged.ts";

describe("acknowledged turns against the store", () => {
  it("counts acknowledged turns the store lacks and stored turns never acknowledged", () => {
    const acked = new Map([
      ["a", 3],
      ["b", 5],
      ["c", 2],
    ]);
    const stored = new Map<string, number | null>([
      ["a", 3],
      ["b", 4],
      ["c", 4],
    ]);
    expect(compareAcknowledged(acked, stored)).toEqual({
      conversations: 3,
      ackedTurns: 10,
      lostTurns: 1,
      conversationsWithLoss: 1,
      unacknowledgedStored: 2,
    });
  });

  it("treats a conversation missing from the store as all its turns lost", () => {
    const result = compareAcknowledged(new Map([["gone", 4]]), new Map([["gone", null]]));
    expect(result.lostTurns).toBe(4);
    expect(result.conversationsWithLoss).toBe(1);
  });
});
