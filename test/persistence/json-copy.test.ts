import { describe, expect, it } from "vitest";
import { asJsonData, copyJson } from "../../src/persistence/json-copy.ts";
import { sampleState, sampleTurn } from "./contract.ts";

describe("copyJson", () => {
  it("gives what a JSON round trip gives, sharing nothing with the original", () => {
    const state = { ...sampleState("c", 3), last_turn: sampleTurn(3) };
    const copy = copyJson(state);
    expect(copy).toEqual(JSON.parse(JSON.stringify(state)));
    expect(copy.flow_stack).not.toBe(state.flow_stack);
    copy.flow_stack.push(copy.flow_stack[0]!);
    (copy.last_turn!.messages as string[]).push("changed");
    expect(state).toEqual({ ...sampleState("c", 3), last_turn: sampleTurn(3) });
  });

  it("drops undefined properties and stores what JSON stores for holes and non-finite numbers", () => {
    const value = { a: undefined, b: [1, undefined, Number.NaN], c: Number.POSITIVE_INFINITY };
    expect(copyJson(value)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it("keeps a __proto__ key as data, never as the prototype", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<
      string,
      unknown
    >;
    const copy = copyJson(value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "x"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["a function", { slots: { f: () => 1 } }, /\$\.slots\.f is a function/],
    ["a bigint", { n: [1n] }, /\$\.n\[0\] is a bigint/],
    ["a Date", { at: new Date(0) }, /\$\.at is a Date/],
    ["a Map", { m: new Map() }, /\$\.m is a Map/],
  ])("refuses %s, naming where it is", (_name, value, message) => {
    expect(() => copyJson(value)).toThrow(message);
  });

  it("refuses a cycle but copies an object shared by two branches", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => copyJson(cyclic)).toThrow(/\$(\.self)+ refers back to itself/);
    const shared = { x: 1 };
    const copy = copyJson({ left: shared, right: shared });
    expect(copy).toEqual({ left: { x: 1 }, right: { x: 1 } });
    expect(copy.left).not.toBe(copy.right);
  });
});

describe("asJsonData", () => {
  it("returns plain JSON data itself, without a copy", () => {
    const state = { ...sampleState("c", 3), last_turn: sampleTurn(3) };
    expect(asJsonData(state)).toBe(state);
  });

  it("makes what copyJson makes of anything else, or refuses it the same way", () => {
    const value = { a: undefined, b: [1, undefined, Number.NaN] };
    expect(asJsonData(value)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(() => asJsonData({ slots: { when: new Date(0) } })).toThrow(
      "$.slots.when is a Date, which is not JSON data",
    );
  });

  it("does not walk again what the kept version shares, and checks everything else", () => {
    // A part read again would throw: only the parts that are new may be read.
    const unreadable = (): object => {
      const object = {};
      Object.defineProperty(object, "x", {
        enumerable: true,
        get() {
          throw new Error("walked again");
        },
      });
      return object;
    };
    const old = [unreadable(), unreadable(), unreadable()];
    const previous = { history: old, data: unreadable(), turn: 2 };
    // The oldest entry dropped, one appended: a log keeping its newest entries.
    const next = { history: [old[1], old[2], { text: "new" }], data: previous.data, turn: 3 };
    expect(asJsonData(next, previous)).toBe(next);
  });

  it("refuses or converts a new part as without the kept version", () => {
    const old = [{ text: "a" }, { text: "b" }];
    const previous = { history: old, data: { n: 1 }, turn: 2 };
    const next = { history: [...old, { at: new Date(0) }], data: previous.data, turn: 3 };
    expect(() => asJsonData(next, previous)).toThrow("$.history[2].at is a Date");
    const changed = { ...previous, data: { when: new Date(0) } };
    expect(() => asJsonData(changed, previous)).toThrow("$.data.when is a Date");
    const nan = { ...previous, turn: Number.NaN };
    expect(asJsonData(nan, previous)).toEqual({ ...previous, turn: null });
  });
});
