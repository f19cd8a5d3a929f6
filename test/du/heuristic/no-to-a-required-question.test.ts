import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml, testRuntime } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * What "no" and "no thanks" mean to a question (docs/dialogue.md, "A no to a free-text
 * question"): to an optional one, no value; to a required one, a bare "no" is a "no" to the
 * question (the DM says what it needs and asks again), "no thanks" turns the task down (the flow
 * is cancelled), whatever the kind of the question. A pottery studio books kiln firings.
 */
const YAML = `
slots:
  piece: { type: string, extract: free_text, prompt: "What are we firing?", description: "The pieces, in a few words: what they are and how many." }
  glaze_note: { type: string, extract: free_text, required: false, prompt: "Anything the glazer should know? Say no if not." }
  kiln: { type: string, prompt: "Small kiln or large kiln?", choices: [small_kiln, large_kiln] }
flows:
  firing:
    description: Book a kiln firing
    trigger: { intents: ["book a firing", "fire my pots"] }
    steps:
      - { step: p, type: collect, slot: piece }
      - { step: g, type: collect, slot: glaze_note }
      - { step: k, type: collect, slot: kiln }
      - { step: done, type: say, message: "Booked." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let studio: LoadedDomain;
const read = (text: string, waiting: string) =>
  du.read(text, studio, inFlow(studio, "firing", { waiting }));

beforeAll(async () => {
  studio = await domainFromYaml(YAML);
});

describe("a no to a required question", () => {
  it("a bare no is a no to the question, in either language", () => {
    for (const text of ["no", "nope", "nah", "no."]) {
      expect(read(text, "piece")).toEqual([{ type: "deny" }]);
    }
    expect(read("no", "kiln")).toEqual([{ type: "deny" }]);
  });
  it("a no with not having it at hand is that no; without the no it asks for help", () => {
    for (const text of [
      "no, I don't have it to hand",
      "nope, I can't find it",
      "no, no lo tengo",
    ]) {
      expect(read(text, "piece")).toEqual([{ type: "deny" }]);
      expect(read(text, "kiln")).toEqual([{ type: "deny" }]);
    }
    expect(read("I don't have it to hand", "kiln")).toEqual([{ type: "clarify", topic: "kiln" }]);
  });
  it("no thanks turns the task down, free text or not", () => {
    for (const text of ["no thanks", "nope, thank you", "no, gracias"]) {
      expect(read(text, "piece")).toEqual([{ type: "cancel_flow" }]);
      expect(read(text, "kiln")).toEqual([{ type: "cancel_flow" }]);
    }
  });
  it("to an optional question both leave it empty", () => {
    for (const text of ["no", "no thanks", "nothing to add"]) {
      expect(read(text, "glaze_note")).toEqual([{ type: "skip_slot", slot: "glaze_note" }]);
    }
  });
  it("the DM explains a required free-text question after a no, and cancels on no thanks", async () => {
    const t = testRuntime(studio, {}, { du });
    const send = async (text: string) => (await t.runtime.processMessage(text, "u")).messages;
    expect(await send("book a firing")).toEqual(["What are we firing?"]);
    expect(await send("no")).toEqual([
      "The pieces, in a few words: what they are and how many.",
      "What are we firing?",
    ]);
    expect(await send("no thanks")).toEqual(["Okay, I've cancelled book a kiln firing."]);
  });
});
