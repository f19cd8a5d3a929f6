import { describe, expect, it } from "vitest";
import { parseCommands } from "../../src/protocol/commands.ts";
import { emptyState, migrateState, StateMigrationError } from "../../src/protocol/state.ts";

describe("parseCommands", () => {
  it("keeps valid commands in order and drops + logs the invalid ones", () => {
    const warnings: { details: object; message: string }[] = [];
    const logger = {
      warn: (details: object, message: string) => warnings.push({ details, message }),
    };
    const commands = parseCommands(
      [
        { type: "start_flow", flow: "transfer_funds", slots: { amount: 50 } },
        { type: "set_slot", slot: "amount" },
        { type: "launch_missiles" },
        "affirm",
        { type: "affirm" },
        { type: "deny", slot_to_change: "amount", extra: true },
      ],
      logger,
    );
    expect(commands).toEqual([
      { type: "start_flow", flow: "transfer_funds", slots: { amount: 50 } },
      { type: "affirm" },
    ]);
    expect(warnings.map((w) => (w.details as { index: number }).index)).toEqual([1, 2, 3, 5]);
    expect(warnings[0]?.message).toBe("Dropped invalid command");
  });
});

describe("migrateState", () => {
  it("accepts schema_version 1 and fills defaults", () => {
    const state = emptyState("c1");
    const { failed_attempts: _f, history: _h, ...partial } = state;
    const migrated = migrateState(JSON.parse(JSON.stringify(partial)));
    expect(migrated).toEqual(state);
  });

  it("rejects unknown versions and non-states with a clear message", () => {
    expect(() => migrateState({ ...emptyState("c1"), schema_version: 2 })).toThrow(
      /schema_version 2, but this version of Soni reads only schema_version 1; upgrade Soni or reset the conversation/,
    );
    expect(() => migrateState("nope")).toThrow(StateMigrationError);
    expect(() => migrateState({ schema_version: 1 })).toThrow(
      /lacks conversation_id or flow_stack/,
    );
  });
});
