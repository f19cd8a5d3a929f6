import { describe, expect, it } from "vitest";
import { type HandlerContext, UserFacingError } from "../../src/runtime/handlers.ts";
import { domainFromYaml, testRuntime } from "./helpers.ts";
import { say } from "./scripted-du.ts";

const YAML = `
settings:
  dm: { handler_timeout_ms: 100 }
slots:
  item: { type: string, prompt: "Which item?" }
  code: { type: string, internal: true }
actions:
  reserve: { inputs: [item], outputs: [code] }
flows:
  buy:
    description: Buy an item
    steps:
      - { step: ask_item, type: collect, slot: item }
      - { step: do_reserve, type: action, action: reserve }
      - { step: done, type: say, message: "Reserved {item}: {code}" }
  buy_safely:
    steps:
      - { step: ask_item, type: collect, slot: item }
      - { step: do_reserve, type: action, action: reserve, on_error: failed }
      - { step: done, type: say, message: "Reserved {item}: {code}", jump_to: end }
      - { step: failed, type: say, message: "Could not reserve {item}; try another." }
`;

const buy = (flow = "buy") => say({ type: "start_flow", flow, slots: { item: "lamp" } });

describe("action handler failures", () => {
  it("a throwing handler ends the flow with the action_error message and is logged", async () => {
    const domain = await domainFromYaml(YAML);
    const { runtime, lines } = testRuntime(domain, {
      actions: {
        reserve: () => {
          throw new Error("warehouse offline");
        },
      },
    });
    const result = await runtime.processMessage(buy(), "bob");
    expect(result.messages).toEqual([
      "Sorry, something went wrong while processing your request. Please try again later.",
    ]);
    expect(result.flowState).toBe("idle");
    const state = await runtime.getState("bob");
    expect(state).toMatchObject({ flow_state: "idle", flow_stack: [], turn_count: 1 });
    // The throw itself is logged at error level with its stack, naming the handler.
    const thrown = lines.find((l) => l.msg === "Handler threw");
    expect(thrown).toMatchObject({ level: 50, handler: "actions.reserve" });
    const stack = (thrown?.err as { stack?: string } | undefined)?.stack ?? "";
    expect(stack).toContain("warehouse offline");
    expect(stack).toMatch(/\n\s+at /);
    const error = lines.find((l) => l.msg === "Action failed");
    expect(error).toMatchObject({
      level: 50,
      conversation_id: "bob",
      action: "reserve",
      error: "warehouse offline",
    });
    // The conversation goes on normally afterwards.
    const next = await runtime.processMessage(say({ type: "start_flow", flow: "buy" }), "bob");
    expect(next.messages).toEqual(["Which item?"]);
  });

  it("a UserFacingError's message reaches the user instead of action_error", async () => {
    const domain = await domainFromYaml(YAML);
    const { runtime, lines } = testRuntime(domain, {
      actions: {
        reserve: () => {
          throw new UserFacingError("Sorry, the lamp is sold out.");
        },
      },
    });
    const result = await runtime.processMessage(buy(), "bob");
    expect(result.messages).toEqual(["Sorry, the lamp is sold out."]);
    expect(result.flowState).toBe("idle");
    // An expected refusal: the throw and the failed action are logged at info, not error, so
    // `logging.level: warn` keeps them out of the output.
    expect(lines.find((l) => l.msg === "Handler threw")).toMatchObject({ level: 30 });
    expect(lines.find((l) => l.msg === "Action failed")).toMatchObject({
      level: 30,
      action: "reserve",
    });
    // With on_error, the message comes first and the error step still runs.
    const safely = await runtime.processMessage(buy("buy_safely"), "eve");
    expect(safely.messages).toEqual([
      "Sorry, the lamp is sold out.",
      "Could not reserve lamp; try another.",
    ]);
  });

  it("any Error with a string userMessage counts; internal messages stay internal", async () => {
    const domain = await domainFromYaml(YAML);
    const { runtime } = testRuntime(domain, {
      actions: {
        reserve: ({ item }) => {
          if (item === "lamp") {
            throw Object.assign(new Error("stock=0"), { userMessage: "No lamps left, sorry." });
          }
          throw Object.assign(new Error("db down"), { userMessage: 42 });
        },
      },
    });
    expect((await runtime.processMessage(buy(), "bob")).messages).toEqual([
      "No lamps left, sorry.",
    ]);
    const other = say({ type: "start_flow", flow: "buy", slots: { item: "desk" } });
    expect((await runtime.processMessage(other, "eve")).messages).toEqual([
      "Sorry, something went wrong while processing your request. Please try again later.",
    ]);
  });

  it("a hanging handler times out, its signal aborts, and on_error takes over", async () => {
    const domain = await domainFromYaml(YAML);
    let signal: AbortSignal | undefined;
    const { runtime, lines } = testRuntime(domain, {
      actions: {
        reserve: (_inputs: unknown, ctx: HandlerContext) => {
          signal = ctx.signal;
          return new Promise(() => {});
        },
      },
    });
    const started = Date.now();
    const result = await runtime.processMessage(buy("buy_safely"), "bob");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.messages).toEqual(["Could not reserve lamp; try another."]);
    expect(signal?.aborted).toBe(true);
    expect(lines.find((l) => l.msg === "Action failed")).toMatchObject({
      conversation_id: "bob",
      timed_out: true,
    });
    expect((await runtime.getState("bob")).flow_state).toBe("idle");
  });

  it("a handler returning a non-object has no outputs: the flow goes on", async () => {
    const domain = await domainFromYaml(YAML);
    const { runtime, lines } = testRuntime(domain, { actions: { reserve: () => [1, 2] as never } });
    const result = await runtime.processMessage(buy(), "bob");
    expect(result.messages).toEqual(["Reserved lamp: "]);
    expect(lines.find((l) => l.msg === "Action failed")).toBeUndefined();
  });

  it("handlers receive inputs, a copy of the slots, the conversation id and a logger", async () => {
    const domain = await domainFromYaml(YAML);
    let seen: { inputs: unknown; ctx: HandlerContext } | undefined;
    const { runtime } = testRuntime(domain, {
      actions: {
        reserve: async (inputs: unknown, ctx: HandlerContext) => {
          seen = { inputs, ctx };
          ctx.logger.info("reserving");
          return { code: "R-1" };
        },
      },
    });
    const result = await runtime.processMessage(buy(), "carol");
    expect(result.messages).toEqual(["Reserved lamp: R-1"]);
    expect(seen?.inputs).toEqual({ item: "lamp" });
    expect(seen?.ctx.conversationId).toBe("carol");
    expect(seen?.ctx.slots).toEqual({ item: "lamp" });
    expect(Object.isFrozen(seen?.ctx.slots)).toBe(true);
  });
});

describe("step budget", () => {
  it("a loop that never waits trips the budget: error message, logged, flow ended", async () => {
    const domain = await domainFromYaml(`
settings:
  dm: { step_budget: 50 }
slots:
  n: { type: integer, internal: true }
flows:
  spin:
    description: Spin forever
    steps:
      - step: forever
        type: while
        condition: "true"
        max_iterations: 10000
        do:
          - { step: bump, type: set, slots: { n: { expr: "n + 1" } } }
`);
    const { runtime, lines } = testRuntime(domain);
    const result = await runtime.processMessage(say({ type: "start_flow", flow: "spin" }), "dan");
    expect(result.messages).toEqual([
      "Sorry, something went wrong with spin forever, so I had to stop it.",
    ]);
    expect(result.flowState).toBe("idle");
    expect(lines.find((l) => l.msg === "Step budget exceeded; ending the flow")).toMatchObject({
      level: 50,
      conversation_id: "dan",
      flow: "spin",
      step_budget: 50,
    });
  });
});
