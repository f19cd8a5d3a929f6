import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues, startedFlows } from "../helpers.ts";

/**
 * Requests and values read on small domains no rule was written for: a tipping service (a full
 * name right before the amount it gets, "pay Lena Vogel 5 euros"; an answer that opens with the
 * preposition of another free-text question of the flow, "from my wallet" asked who gets the
 * tip), a plant nursery (a thing asked for after "some" or "any"), a gym ("how many" asked with a
 * class, as only one flow's phrase opens) and a loyalty card (the values of a flow without
 * trigger phrases, when the card's word points at a flow that takes none of them).
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tips: LoadedDomain;
let garden: LoadedDomain;
let gym: LoadedDomain;
let loyalty: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

beforeAll(async () => {
  tips = await domainFromLines(
    [
      "slots:",
      "  waiter: { type: string, prompt: 'Who should get the tip?', validator: person_name }",
      "  tip: { type: number, prompt: 'How much?' }",
      "  pocket: { type: string, prompt: 'From which pocket?' }",
      "  street: { type: string, prompt: 'Street?' }",
      "flows:",
      "  leave_tip:",
      "    description: Leave a tip for a waiter",
      "    trigger: { intents: ['leave a tip', 'pay a tip to someone'] }",
      "    steps:",
      "      - { step: waiter, type: collect, slot: waiter }",
      "      - { step: tip, type: collect, slot: tip }",
      "      - { step: pocket, type: collect, slot: pocket, message: 'And from which pocket should it come?' }",
    ],
    "tips",
  );
  garden = await domainFromLines(
    [
      "slots:",
      "  plant: { type: string, prompt: 'Which plant?' }",
      "flows:",
      "  find_plant:",
      "    description: Find plants in the nursery",
      "    trigger: { intents: ['show me', 'find me'] }",
      "    steps:",
      "      - { step: plant, type: collect, slot: plant }",
    ],
    "garden",
  );
  gym = await domainFromLines(
    [
      "slots:",
      "  class_type: { type: string, choices: [yoga, spinning], prompt: 'Which class?' }",
      "flows:",
      "  class_places:",
      "    description: Tell the places left in a class",
      "    trigger: { intents: ['How many places are left in a class?'] }",
      "    steps:",
      "      - { step: class_type, type: collect, slot: class_type }",
      "  join_class:",
      "    description: Join a class",
      "    trigger: { intents: ['join a class', 'sign me up'] }",
      "    steps:",
      "      - { step: class_type, type: collect, slot: class_type }",
    ],
    "gym",
  );
  loyalty = await domainFromLines(
    [
      "slots:",
      "  card_kind: { type: string, choices: [gift, loyalty], prompt: 'Which card?' }",
      "  source_card: { type: string, choices: [gift, loyalty], prompt: 'From which card?' }",
      "  period: { type: string, choices: [last week, last month], prompt: 'Which period?' }",
      "flows:",
      "  activate:",
      "    description: Activate a new card",
      "    trigger: { intents: ['Activate my card', 'Start my card'] }",
      "    steps:",
      "      - { step: done, type: say, message: Done }",
      "  points:",
      "    description: Points balance",
      "    trigger: { intents: ['How many points do I have?'] }",
      "    steps:",
      "      - { step: card_kind, type: collect, slot: card_kind }",
      "  history:",
      "    description: View paginated points history",
      "    steps:",
      "      - { step: card_kind, type: collect, slot: card_kind }",
      "      - { step: period, type: collect, slot: period }",
      "  give:",
      "    description: Give points to another card",
      "    trigger: { intents: ['give points'] }",
      "    steps:",
      "      - { step: source_card, type: collect, slot: source_card }",
    ],
    "loyalty",
  );
});

describe("a full name before the amount it gets", () => {
  it("reads the name and the amount after a task verb", () => {
    const commands = read(tips, "pay Lena Vogel 5 euros");
    expect(startedFlows(commands)).toEqual(["leave_tip"]);
    expect(readValues(commands)).toMatchObject({ waiter: "Lena Vogel", tip: 5 });
  });

  it("still reads no name out of capitalised words before a bare number", () => {
    const commands = read(tips, "pay Lena Vogel 5");
    expect(readValues(commands).waiter).not.toBe("Lena Vogel 5");
  });
});

describe("an answer with another free-text question's preposition", () => {
  it("fills the slot that question asks, not the one asked", () => {
    const state = inFlow(tips, "leave_tip", { waiting: "waiter" });
    const commands = du.read("from my wallet", tips, state);
    expect(readValues(commands)).toEqual({ pocket: "wallet" });
  });

  it("leaves the possessive out when the question's own preposition leads the answer", () => {
    const state = inFlow(tips, "leave_tip", {
      waiting: "pocket",
      slots: { waiter: "Lena Vogel", tip: 5 },
    });
    const commands = du.read("from my coat", tips, state);
    expect(readValues(commands)).toEqual({ pocket: "coat" });
  });

  it("keeps an answer without such a preposition for the slot asked", () => {
    const state = inFlow(tips, "leave_tip", { waiting: "waiter" });
    const commands = du.read("Lena Vogel", tips, state);
    expect(readValues(commands)).toEqual({ waiter: "Lena Vogel" });
  });
});

describe("a word for an unsaid amount before the thing asked for", () => {
  it("is left out like an article", () => {
    expect(readValues(read(garden, "show me some climbing roses"))).toEqual({
      plant: "climbing roses",
    });
    expect(readValues(read(garden, "find me any ferns"))).toEqual({ plant: "ferns" });
  });

  it("leaves a thing named without one as it was", () => {
    expect(readValues(read(garden, "show me a lemon tree"))).toEqual({ plant: "lemon tree" });
  });
});

describe("an amount question one flow's phrases open with", () => {
  it("asks for that flow when said with a value it takes", () => {
    const commands = read(gym, "could u tell me how many are still free for yoga");
    expect(startedFlows(commands)).toEqual(["class_places"]);
    expect(readValues(commands)).toEqual({ class_type: "yoga" });
  });

  it("asks for nothing on its own", () => {
    expect(startedFlows(read(gym, "tell me how many are still free"))).not.toContain("join_class");
  });
});

describe("the flow that takes every value said, when the words point at one that takes none", () => {
  it("is told by the values, though another flow reads one of them for a slot of its own", () => {
    const commands = read(loyalty, "gift card, last month");
    expect(startedFlows(commands)).toEqual(["history"]);
    expect(readValues(commands)).toEqual({ card_kind: "gift", period: "last month" });
  });
});
