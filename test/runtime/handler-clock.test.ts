import pino from "pino";
import { describe, expect, it } from "vitest";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import type { HandlerContext } from "../../src/runtime/handlers.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { domainFromYaml } from "./helpers.ts";
import { say } from "./scripted-du.ts";

/**
 * Handlers judge dates against ctx.now, the turn's reading of the runtime's clock, never the
 * real date: the clocks below are years away from any day these tests run on, and the dates
 * asked for lie on the other side of the real date from the clock.
 */
const DOMAIN = `
slots:
  visit_day: { type: date, prompt: "Which day?", validator: not_past }
  party: { type: string, prompt: "Name?" }
  booked: { type: string }
actions:
  book_visit: { inputs: [visit_day, party], outputs: [booked] }
flows:
  visit:
    description: Book a visit
    steps:
      - { step: name, type: collect, slot: party }
      - { step: day, type: collect, slot: visit_day }
      - { step: book, type: action, action: book_visit }
      - { step: done, type: say, message: "Booked {booked}." }
`;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

interface Seen {
  handler: string;
  now: Date;
  value: unknown;
}

function handlers(seen: Seen[], validate: boolean) {
  return {
    validators: {
      not_past: (value: unknown, ctx: HandlerContext) => {
        seen.push({ handler: "not_past", now: ctx.now, value });
        if (!validate) return true;
        return String(value) >= isoDay(ctx.now) || "That day has already passed.";
      },
    },
    actions: {
      book_visit: ({ visit_day }: Record<string, unknown>, ctx: HandlerContext) => {
        seen.push({ handler: "book_visit", now: ctx.now, value: visit_day });
        if (String(visit_day) < isoDay(ctx.now)) {
          throw Object.assign(new Error("past day"), { userMessage: "That day is gone." });
        }
        return { booked: String(visit_day) };
      },
    },
  };
}

async function conversation(clock: string, validate: boolean) {
  const seen: Seen[] = [];
  const runtime = new RuntimeLoop(await domainFromYaml(DOMAIN), {
    du: {
      understand: async (text) => ({ commands: JSON.parse(text), source: "t", latency_ms: 0 }),
    },
    checkpointer: new MemoryCheckpointer(),
    handlers: handlers(seen, validate),
    logger: pino({ level: "silent" }),
    clock: () => new Date(clock),
  });
  await runtime.initialize();
  const send = async (day: string) => {
    await runtime.processMessage(say({ type: "start_flow", flow: "visit" }), "u");
    await runtime.processMessage(say({ type: "set_slot", slot: "party", value: "Rui" }), "u");
    return (
      await runtime.processMessage(say({ type: "set_slot", slot: "visit_day", value: day }), "u")
    ).response;
  };
  return { runtime, seen, send };
}

describe("ctx.now: the conversation's clock in handlers", () => {
  it("a validator refuses a day before the clock's date, though it is after the real date", async () => {
    const { runtime, seen, send } = await conversation("2061-07-20T08:00:00Z", true);
    expect(await send("2061-07-19")).toContain("That day has already passed.");
    expect(seen.map((s) => s.handler)).toEqual(["not_past"]);
    expect(seen[0]!.now.toISOString()).toBe("2061-07-20T08:00:00.000Z");
    await runtime.cleanup();
  });

  it("an action refuses a day before the clock's date, and books one after it", async () => {
    const late = await conversation("2061-07-20T08:00:00Z", false);
    expect(await late.send("2061-07-19")).toContain("That day is gone.");
    await late.runtime.cleanup();
    // The clock long before the real date: a day the real calendar has passed is still ahead.
    const early = await conversation("2001-03-05T23:30:00Z", false);
    expect(await early.send("2001-03-06")).toContain("Booked 2001-03-06.");
    expect(early.seen.find((s) => s.handler === "book_visit")?.now.toISOString()).toBe(
      "2001-03-05T23:30:00.000Z",
    );
    await early.runtime.cleanup();
  });

  it("sees the instant the DM resolved relative dates against; a copy it may change", async () => {
    const { runtime, seen, send } = await conversation("2061-07-20T08:00:00Z", true);
    expect(await send("tomorrow")).toContain("Booked 2061-07-21.");
    expect(seen.map((s) => [s.handler, s.value])).toEqual([
      ["not_past", "2061-07-21"],
      ["book_visit", "2061-07-21"],
    ]);
    seen[0]!.now.setUTCFullYear(1999);
    expect(seen[1]!.now.toISOString()).toBe("2061-07-20T08:00:00.000Z");
    await runtime.cleanup();
  });

  it("an understanding made by the runtime reads relative dates on the same clock", async () => {
    const seen: Seen[] = [];
    const runtime = new RuntimeLoop(
      await domainFromYaml(`${DOMAIN}\nsettings:\n  du: { mode: heuristic }\n`),
      {
        checkpointer: new MemoryCheckpointer(),
        handlers: handlers(seen, true),
        logger: pino({ level: "silent" }),
        clock: () => new Date("2061-07-20T08:00:00Z"),
      },
    );
    await runtime.initialize();
    await runtime.processMessage("book a visit", "u");
    await runtime.processMessage("Rui", "u");
    const reply = await runtime.processMessage("the day after tomorrow", "u");
    expect(reply.response).toContain("Booked 2061-07-22.");
    await runtime.cleanup();
  });
});
