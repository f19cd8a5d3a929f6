import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { runConversations } from "../../src/runtime/evaluation/conversations.ts";
import { readDomainEvalSet } from "../../src/runtime/evaluation/eval-file.ts";
import { sameAnswer } from "../../src/runtime/evaluation/same-answer.ts";
import { loadHandlers } from "../../src/runtime/handler-loader.ts";
import { ScriptedUnderstanding, say } from "./scripted-du.ts";

const minimal = path.resolve(import.meta.dirname, "../fixtures/domains/minimal");
const START = say({ type: "start_flow", flow: "check_balance" });
const set = (value: string) => say({ type: "set_slot", slot: "account_type", value });
const now = () => new Date("2027-03-10T12:00:00Z");

let domain: LoadedDomain;
let tmp: string;
beforeAll(async () => {
  domain = await loadDomain(minimal);
  tmp = await mkdtemp(path.join(os.tmpdir(), "soni-eval-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("sameAnswer", () => {
  it("compares lists as sets and strings without case or spacing", () => {
    expect(sameAnswer(["pineapple", "Ham"], ["ham", "pineapple"])).toBe(true);
    expect(sameAnswer(["ham"], ["ham", "pineapple"])).toBe(false);
    expect(sameAnswer("ham and pineapple", ["ham", "pineapple"])).toBe(false);
    expect(sameAnswer("612345678", "612 345 678")).toBe(true);
    expect(sameAnswer(undefined, null)).toBe(true);
    expect(sameAnswer("x", null)).toBe(false);
    expect(sameAnswer(4, 4)).toBe(true);
  });
});

describe("runConversations", () => {
  const play = async (turns: string[], expect_: Record<string, unknown>) => {
    const { handlers } = await loadHandlers(domain);
    return runConversations(
      domain,
      [
        {
          name: "c",
          turns,
          expect: { action: "get_balance", inputs: {}, not: [], ...expect_ },
        },
      ],
      { du: new ScriptedUnderstanding(), handlers, now },
    );
  };

  it("completes when the action ran with the expected inputs, and records the calls", async () => {
    const report = await play([START, set("savings")], { inputs: { account_type: "savings" } });
    expect(report.completion).toBe(1);
    expect(report.results[0]?.calls).toEqual([
      { action: "get_balance", inputs: { account_type: "savings" } },
    ]);
    expect(report.results[0]?.transcript).toHaveLength(2);
  });

  it("is not completed when an input differs, the action never ran or a forbidden one ran", async () => {
    const wrong = await play([START, set("checking")], { inputs: { account_type: "savings" } });
    expect(wrong.completion).toBe(0);
    const never = await play([START, "hello"], {});
    expect(never.completion).toBe(0);
    const forbidden = await play([START, set("savings")], { not: ["get_balance"] });
    expect(forbidden.completion).toBe(0);
  });

  it("without an action, completes when none of the forbidden actions ran", async () => {
    const declined = await play([START, "hello"], { action: undefined, not: ["get_balance"] });
    expect(declined.completion).toBe(1);
    const ran = await play([START, set("savings")], { action: undefined, not: ["get_balance"] });
    expect(ran.completion).toBe(0);
  });
});

describe("readDomainEvalSet", () => {
  it("reads cases with list values and conversations, with the domain relative to the file", async () => {
    const file = path.join(tmp, "set.yaml");
    await writeFile(
      file,
      [
        `domain: ${JSON.stringify(minimal)}`,
        'today: "2027-03-10"',
        "cases:",
        "  - { text: hi, intent: check_balance, slots: { account_type: [a, b] } }",
        "conversations:",
        "  - { name: c, turns: [hi], expect: { action: get_balance } }",
      ].join("\n"),
    );
    const { set: read, domainPath } = await readDomainEvalSet(file);
    expect(domainPath).toBe(minimal);
    expect(read.cases[0]?.slots).toEqual({ account_type: ["a", "b"] });
    expect(read.conversations[0]?.expect).toEqual({ action: "get_balance", inputs: {}, not: [] });
  });

  it("names the file and the field of a malformed set", async () => {
    const file = path.join(tmp, "bad.yaml");
    await writeFile(
      file,
      'domain: x\ntoday: "2027-03-10"\nconversations: [{ name: c, turns: [] }]\n',
    );
    await expect(readDomainEvalSet(file)).rejects.toThrow(
      /bad\.yaml: not a valid evaluation set:\n.*conversations\.0/,
    );
  });

  it("reads a conversation that only forbids actions, and refuses one that expects nothing", async () => {
    const file = path.join(tmp, "declined.yaml");
    const conversation = (expect_: string) =>
      `domain: x\ntoday: "2027-03-10"\nconversations: [{ name: c, turns: [hi], expect: ${expect_} }]\n`;
    await writeFile(file, conversation("{ not: [get_balance] }"));
    const { set } = await readDomainEvalSet(file);
    expect(set.conversations[0]?.expect).toEqual({ inputs: {}, not: ["get_balance"] });
    await writeFile(file, conversation("{}"));
    await expect(readDomainEvalSet(file)).rejects.toThrow(/the actions that must not/);
    await writeFile(file, conversation("{ inputs: { a: b }, not: [get_balance] }"));
    await expect(readDomainEvalSet(file)).rejects.toThrow(/inputs belong to an action/);
  });
});
