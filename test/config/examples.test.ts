import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainLoadError } from "../../src/config/errors.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const FLOWS = `slots:
  amount: { type: float }
  name: {}
  ok: { type: boolean }
flows:
  pay:
    trigger: { intents: [pay someone] }
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: ask_amount, type: collect, slot: amount }
      - { step: check, type: confirm, slot: ok, message: "Pay {amount} to {name}?" }
  helper:
    internal: true
    steps:
      - { step: hi, type: say, message: hi }
`;

const temp = useTempDir("soni-examples-");

const domainDir = temp.write;

async function problems(target: string): Promise<string[]> {
  try {
    await loadDomain(target);
  } catch (error) {
    if (error instanceof DomainLoadError) return error.format(temp.root()).split("\n");
    throw error;
  }
  throw new Error("expected the domain not to load");
}

describe("examples: in the domain", () => {
  it("defaults to no examples", async () => {
    const dir = await domainDir("none", { "00.yaml": FLOWS });
    expect((await loadDomain(dir)).domain.examples).toEqual({ flows: {}, turns: [] });
  });

  it("appends examples of several files in file order", async () => {
    const dir = await domainDir("merged", {
      "00.yaml": FLOWS,
      "10-hand.yaml":
        'examples:\n  flows:\n    pay: ["settle up with {name}"]\n  turns:\n    - { text: "yes please", context: { flow: pay, confirm: true }, commands: [{ type: affirm }] }\n',
      "90-du-examples.yaml":
        'examples:\n  flows:\n    pay: ["pay back {name}"]\n  turns:\n    - { text: "stop", commands: [{ type: cancel_flow }] }\n',
    });
    const { domain } = await loadDomain(dir);
    expect(domain.examples.flows.pay).toEqual(["settle up with {name}", "pay back {name}"]);
    expect(domain.examples.turns.map((t) => t.text)).toEqual(["yes please", "stop"]);
  });

  it("loads <name>.examples.yaml beside a single-file domain", async () => {
    const dir = await domainDir("single", {
      "bank.yaml": FLOWS,
      "bank.examples.yaml": 'examples:\n  flows:\n    pay: ["pay back {name}"]\n',
    });
    const loaded = await loadDomain(path.join(dir, "bank.yaml"));
    expect(loaded.files.map((f) => path.basename(f))).toEqual(["bank.yaml", "bank.examples.yaml"]);
    expect(loaded.domain.examples.flows.pay).toEqual(["pay back {name}"]);
    const without = await loadDomain(path.join(dir, "bank.yaml"), {
      exclude: [path.join(dir, "bank.examples.yaml")],
    });
    expect(without.domain.examples.flows).toEqual({});
  });
});

describe("examples: validation", () => {
  it("reports unknown and internal flows, unknown slots and bad commands at file:line", async () => {
    const dir = await domainDir("bad", {
      "00.yaml": FLOWS,
      "10-examples.yaml": [
        "examples:",
        "  flows:",
        '    paay: ["pay back {name}"]',
        '    helper: ["help me"]',
        '    pay: ["pay {amout} now"]',
        "  turns:",
        '    - { text: "go", commands: [{ type: start_flow, flow: nope }] }',
        '    - { text: "50", context: { flow: pay, waiting: amount }, commands: [{ type: set_slot, slot: amont, value: 50 }] }',
        '    - { text: "hm", commands: [{ type: teleport }] }',
        '    - { text: "x", context: { flow: pay, waiting: iban }, commands: [] }',
        "",
      ].join("\n"),
    });
    const lines = await problems(dir);
    const at = (n: number) => lines.find((l) => l.startsWith(`bad/10-examples.yaml:${n}:`));
    expect(at(3)).toMatch(/flow 'paay' is not defined — did you mean 'pay'\?/);
    expect(at(4)).toMatch(/flow 'helper' is internal/);
    expect(at(5)).toMatch(/slot 'amout' is not defined — did you mean 'amount'\?/);
    expect(at(7)).toMatch(/start_flow: flow 'nope' is not defined/);
    expect(at(8)).toMatch(/set_slot: slot 'amont' is not defined/);
    expect(at(9)).toMatch(/unknown command type 'teleport' \(command types: start_flow, /);
    expect(at(10)).toMatch(/flow 'pay' never asks for 'iban'/);
  });

  it("locates a problem in the second file's turns at its own index", async () => {
    const dir = await domainDir("second", {
      "00.yaml": FLOWS,
      "10-a.yaml":
        'examples:\n  turns:\n    - { text: "a", commands: [] }\n    - { text: "b", commands: [] }\n',
      "20-b.yaml":
        'examples:\n  turns:\n\n    - { text: "c", commands: [{ type: clear_slot, slot: zzz }] }\n',
    });
    const lines = await problems(dir);
    expect(lines[0]).toMatch(/^second\/20-b\.yaml:4:\d+ .*examples\.turns\[2\].*slot 'zzz'/);
  });
});
