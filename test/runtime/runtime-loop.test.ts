import { describe, expect, it } from "vitest";
import type { Checkpointer } from "../../src/persistence/checkpointer.ts";
import { VersionConflictError } from "../../src/persistence/errors.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import {
  InvalidInputError,
  RuntimeClosedError,
  RuntimeLoop,
} from "../../src/runtime/runtime-loop.ts";
import { captureLogger, domainFromYaml, testRuntime } from "./helpers.ts";
import { ScriptedUnderstanding, say } from "./scripted-du.ts";

const YAML = `
slots:
  name: { type: string, prompt: "Name?" }
flows:
  hello:
    description: Say hello
    steps:
      - { step: ask, type: collect, slot: name }
      - { step: hi, type: say, message: "Hi {name}" }
`;

const hello = say({ type: "start_flow", flow: "hello" });

describe("processMessage", () => {
  it("returns the turn result and keeps state between turns", async () => {
    const { runtime } = testRuntime(await domainFromYaml(YAML));
    const first = await runtime.processMessage(hello, "u1");
    expect(first).toEqual({
      response: "Name?",
      messages: ["Name?"],
      flowState: "waiting_input",
      activeFlow: "hello",
      turnCount: 1,
      commands: [{ type: "start_flow", flow: "hello" }],
    });
    expect(await runtime.getState("u1")).toEqual({
      user_id: "u1",
      flow_state: "waiting_input",
      active_flow: "hello",
      flow_stack: [{ flow: "hello", step: "ask", instance_id: "id-1" }],
      slots: {},
      waiting_for_slot: "name",
      turn_count: 1,
    });
    const second = await runtime.processMessage(
      say({ type: "set_slot", slot: "name", value: "Ana" }),
      "u1",
    );
    expect(second).toMatchObject({ response: "Hi Ana", flowState: "idle", turnCount: 2 });
    const turns = await runtime.getTurns("u1");
    expect(turns.map((t) => t.messages)).toEqual([["Name?"], ["Hi Ana"]]);
    expect(turns[1]?.steps.map((s) => s.step)).toEqual(["ask", "hi"]);
  });

  it("rejects bad input clearly and changes nothing", async () => {
    const { runtime } = testRuntime(await domainFromYaml(YAML));
    await expect(runtime.processMessage("  ", "u1")).rejects.toThrow(InvalidInputError);
    await expect(runtime.processMessage("x".repeat(10_001), "u1")).rejects.toThrow(
      /limit is 10000/,
    );
    await expect(runtime.processMessage("hi", "")).rejects.toThrow(/user_id must be/);
    await expect(runtime.processMessage("hi", "a/b")).rejects.toThrow(InvalidInputError);
    expect((await runtime.getState("u1")).turn_count).toBe(0);
  });

  it("drops invalid commands from the DU and logs them", async () => {
    const { runtime, lines } = testRuntime(await domainFromYaml(YAML));
    const result = await runtime.processMessage(
      JSON.stringify([
        { type: "start_flow" },
        { type: "explode" },
        { type: "start_flow", flow: "hello" },
      ]),
      "u1",
    );
    expect(result.commands).toEqual([{ type: "start_flow", flow: "hello" }]);
    expect(lines.filter((l) => l.msg === "Dropped invalid command")).toHaveLength(2);
  });

  it("resetState forgets the conversation and says whether it existed", async () => {
    const { runtime } = testRuntime(await domainFromYaml(YAML));
    expect(await runtime.resetState("u1")).toBe(false);
    await runtime.processMessage(hello, "u1");
    expect(await runtime.resetState("u1")).toBe(true);
    expect((await runtime.getState("u1")).turn_count).toBe(0);
  });

  it("runs 50 concurrent turns of one user in order while another user is not blocked", async () => {
    const domain = await domainFromYaml(YAML);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const du = new ScriptedUnderstanding();
    const understand = du.understand.bind(du);
    let blocked = true;
    du.understand = async (message, context) => {
      if (context.state.conversation_id === "busy" && blocked) {
        blocked = false;
        await gate;
      }
      return understand(message, context);
    };
    const { runtime } = testRuntime(domain, {}, { du });
    const busy = Array.from({ length: 50 }, (_, i) =>
      runtime.processMessage(say({ type: "chitchat", kind: "other", message: `m${i}` }), "busy"),
    );
    const other = await runtime.processMessage(hello, "free");
    expect(other.turnCount).toBe(1);
    release();
    const results = await Promise.all(busy);
    expect(results.map((r) => r.turnCount)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await runtime.getState("busy")).turn_count).toBe(50);
  });

  it("re-runs the turn when another process saved the conversation meanwhile", async () => {
    const domain = await domainFromYaml(YAML);
    const store = new MemoryCheckpointer();
    let conflicts = 1;
    const racing: Checkpointer = {
      backend: "memory",
      load: (id) => store.load(id),
      save: async (id, state, expected, turn) => {
        if (conflicts-- > 0) {
          // Another process wins the race: it saves first.
          await store.save(id, { ...state, turn_count: 41 }, expected);
          throw new VersionConflictError(id, expected, expected + 1);
        }
        return store.save(id, state, expected, turn);
      },
      delete: (id) => store.delete(id),
      listTurns: (id, o) => store.listTurns(id, o),
      close: () => store.close(),
    };
    const { runtime, lines } = testRuntime(domain, {}, { checkpointer: racing });
    const result = await runtime.processMessage(hello, "u1");
    expect(result.turnCount).toBe(42);
    expect(
      lines.some((l) => l.msg === "Conversation saved concurrently elsewhere; re-running the turn"),
    ).toBe(true);
  });

  it("refuses a stored state of an unknown schema version", async () => {
    const domain = await domainFromYaml(YAML);
    const store = new MemoryCheckpointer();
    const { runtime } = testRuntime(domain, {}, { checkpointer: store });
    await runtime.processMessage(hello, "u1");
    const stored = (await store.load("u1"))!;
    await store.save("u1", { ...stored.state, schema_version: 7 as 1 }, stored.version);
    await expect(runtime.processMessage(hello, "u1")).rejects.toThrow(/schema_version 7/);
  });
});

describe("initialize", () => {
  it("is idempotent and reports handler problems", async () => {
    const domain = await domainFromYaml(`
actions:
  act: {}
flows:
  f:
    steps:
      - { step: a, type: action, action: act }
`);
    const broken = new RuntimeLoop(domain, {
      du: new ScriptedUnderstanding(),
      handlers: { actions: {} },
      logger: captureLogger().logger,
    });
    await expect(broken.initialize()).rejects.toThrow(/action 'act' is declared/);
    expect(broken.initialized).toBe(false);
    const ok = new RuntimeLoop(domain, {
      du: new ScriptedUnderstanding(),
      handlers: { actions: { act: () => ({}) } },
      logger: captureLogger().logger,
    });
    await Promise.all([ok.initialize(), ok.initialize()]);
    expect(ok.initialized).toBe(true);
    await ok.cleanup();
  });
});

describe("cleanup", () => {
  function withClose(close: () => unknown): Checkpointer & { closes: number } {
    const store = new MemoryCheckpointer();
    const cp = {
      backend: "memory",
      closes: 0,
      load: (id: string) => store.load(id),
      save: store.save.bind(store),
      delete: (id: string) => store.delete(id),
      listTurns: store.listTurns.bind(store),
      close: () => {
        cp.closes++;
        return close();
      },
    };
    return cp as unknown as Checkpointer & { closes: number };
  }

  async function setup(checkpointer?: Checkpointer) {
    const domain = await domainFromYaml(YAML);
    const t = testRuntime(domain, {}, { checkpointer, resourceCloseTimeoutMs: 100 });
    return t;
  }

  const messages = (lines: Record<string, unknown>[]) => lines.map((l) => l.msg);

  it("closes an async-closing checkpointer and the DU, in order, with the expected logs", async () => {
    const cp = withClose(async () => {});
    const { runtime, lines, du } = await setup(cp);
    await runtime.processMessage(hello, "u1");
    const report = await runtime.cleanup();
    expect(report).toEqual({ ok: true, problems: [] });
    expect(cp.closes).toBe(1);
    expect(du.closed).toBe(1);
    const log = messages(lines);
    const i = log.indexOf("RuntimeLoop cleanup starting...");
    expect(i).toBeGreaterThanOrEqual(0);
    expect(log.indexOf("Checkpointer closed (async)")).toBeGreaterThan(i);
    expect(log.indexOf("RuntimeLoop cleanup completed")).toBeGreaterThan(
      log.indexOf("Checkpointer closed (async)"),
    );
  });

  it("handles a sync-only close", async () => {
    const cp = withClose(() => undefined);
    const { runtime, lines } = await setup(cp);
    await runtime.initialize();
    expect((await runtime.cleanup()).ok).toBe(true);
    expect(messages(lines)).toContain("Checkpointer closed (sync)");
  });

  it("logs a throwing close as a warning and still completes", async () => {
    const cp = withClose(() => {
      throw new Error("disk on fire");
    });
    const { runtime, lines } = await setup(cp);
    await runtime.initialize();
    const report = await runtime.cleanup();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(["Error closing checkpointer: disk on fire"]);
    expect(lines.find((l) => l.msg === "Error closing checkpointer: disk on fire")?.level).toBe(40);
    expect(messages(lines)).toContain("RuntimeLoop cleanup completed");
  });

  it("logs a rejecting async close the same way", async () => {
    const cp = withClose(() => Promise.reject(new Error("connection reset")));
    const { runtime, lines } = await setup(cp);
    await runtime.initialize();
    expect((await runtime.cleanup()).problems).toEqual([
      "Error closing checkpointer: connection reset",
    ]);
    expect(messages(lines)).toContain("Error closing checkpointer: connection reset");
  });

  it("gives up on a hanging close after resourceCloseTimeoutMs", async () => {
    const cp = withClose(() => new Promise(() => {}));
    const { runtime, lines } = await setup(cp);
    await runtime.initialize();
    const started = Date.now();
    const report = await runtime.cleanup();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(/did not finish within 100 ms/);
    expect(messages(lines)).toContain("RuntimeLoop cleanup completed");
  });

  it("is safe before initialize and without a checkpointer", async () => {
    const domain = await domainFromYaml(YAML);
    const { logger, lines } = captureLogger();
    const runtime = new RuntimeLoop(domain, { logger });
    expect(await runtime.cleanup()).toEqual({ ok: true, problems: [] });
    expect(messages(lines)).toEqual([
      "RuntimeLoop cleanup starting...",
      "RuntimeLoop cleanup completed",
    ]);
  });

  it("is idempotent and later calls reject with RuntimeClosedError", async () => {
    const cp = withClose(async () => {});
    const { runtime } = await setup(cp);
    await runtime.processMessage(hello, "u1");
    const [a, b] = await Promise.all([runtime.cleanup(), runtime.cleanup()]);
    expect(a).toBe(b);
    expect(await runtime.cleanup()).toBe(a);
    expect(cp.closes).toBe(1);
    await expect(runtime.processMessage(hello, "u1")).rejects.toThrow(RuntimeClosedError);
    await expect(runtime.getState("u1")).rejects.toThrow(RuntimeClosedError);
    await expect(runtime.initialize()).rejects.toThrow(RuntimeClosedError);
  });

  it("aborts running handlers and waits for the turn before closing", async () => {
    const domain = await domainFromYaml(`
actions:
  slow: {}
flows:
  f:
    steps:
      - { step: a, type: action, action: slow }
`);
    let aborted = false;
    const cp = withClose(async () => {});
    const t = testRuntime(
      domain,
      {
        actions: {
          slow: (_i, ctx) =>
            new Promise((resolve) => {
              ctx.signal.addEventListener("abort", () => {
                aborted = true;
                resolve({});
              });
            }),
        },
      },
      { checkpointer: cp, resourceCloseTimeoutMs: 1_000 },
    );
    const turn = t.runtime.processMessage(say({ type: "start_flow", flow: "f" }), "u1");
    await new Promise((r) => setTimeout(r, 20));
    const report = await t.runtime.cleanup();
    expect(report.ok).toBe(true);
    expect(aborted).toBe(true);
    await expect(turn).rejects.toThrow(RuntimeClosedError);
    expect(cp.closes).toBe(1);
  });
});

describe("a slot's declared pattern", () => {
  const PATTERN_YAML = (message: string) => `
slots:
  ref:
    type: string
    extract: pattern
    pattern: "RC-\\\\d{5}"
    label: booking reference
    prompt: "Reference?"${message}
flows:
  look:
    description: Look a booking up
    steps:
      - { step: ask, type: collect, slot: ref }
      - { step: show, type: say, message: "Found {ref}" }
`;
  const start = say({ type: "start_flow", flow: "look" });
  const setRef = (value: string) => say({ type: "set_slot", slot: "ref", value });

  it("refuses a value that does not match it, whichever DU sent it, and keeps asking", async () => {
    const { runtime } = testRuntime(await domainFromYaml(PATTERN_YAML("")));
    await runtime.processMessage(start, "p1");
    const refused = await runtime.processMessage(setRef("van"), "p1");
    expect(refused.messages).toEqual([
      'Sorry, "van" doesn\'t look like a booking reference.',
      "Reference?",
    ]);
    expect((await runtime.getState("p1"))?.slots).toEqual({});
    const taken = await runtime.processMessage(setRef("rc-12345"), "p1");
    expect(taken.messages).toEqual(["Found rc-12345"]);
  });

  it("says the slot's validation_error_message instead, when it has one", async () => {
    const yaml = PATTERN_YAML('\n    validation_error_message: "Codes look like RC-12345."');
    const { runtime } = testRuntime(await domainFromYaml(yaml));
    await runtime.processMessage(start, "p2");
    const refused = await runtime.processMessage(setRef("12345"), "p2");
    expect(refused.messages[0]).toBe("Codes look like RC-12345.");
  });
});
