import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../bench/lib/args.ts";

const KNOWN = ["in-process", "http", "memory"];

describe("bench command-line options", () => {
  it("defaults to the full run of every suite", () => {
    expect(parseBenchArgs([], KNOWN)).toEqual({ quick: false, only: [], help: false });
  });

  it("accepts --quick and --only in both spellings, repeated or comma-separated", () => {
    expect(
      parseBenchArgs(["--quick", "--only", "http", "--only=memory,in-process"], KNOWN),
    ).toEqual({ quick: true, only: ["http", "memory", "in-process"], help: false });
  });

  it("names the valid choices when --only gets an unknown suite", () => {
    expect(() => parseBenchArgs(["--only", "htp"], KNOWN)).toThrow(
      "unknown name 'htp' for --only; choose from: in-process, http, memory",
    );
  });

  it("rejects unknown options and a missing --only value", () => {
    expect(() => parseBenchArgs(["--fast"], KNOWN)).toThrow(/unknown option '--fast'/);
    expect(() => parseBenchArgs(["--only"], KNOWN)).toThrow(/needs a name/);
  });
});
