import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A piano school, written for these tests: a lesson with a teacher, for a pupil, confirmed. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;

beforeAll(async () => {
  school = await loadDomainFromText(
    [
      "slots:",
      "  tutor:",
      "    choices: [anna, boris]",
      "    prompt: 'Which teacher would you like, Anna or Boris?'",
      "  pupil_name:",
      "    type: string",
      "    extract: person_name",
      "    prompt: 'What is the full name of the pupil?'",
      "  ok:",
      "    type: boolean",
      "flows:",
      "  book_lesson:",
      "    description: Book a piano lesson",
      "    trigger: { intents: ['book a piano lesson'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tutor }",
      "      - { step: p, type: collect, slot: pupil_name }",
      "      - { step: c, type: confirm, slot: ok, message: 'Book {tutor} for {pupil_name}?' }",
    ].join("\n"),
    "school.yaml",
  );
});

const confirming = () =>
  inFlow(school, "book_lesson", {
    confirm: true,
    slots: { tutor: "anna", pupil_name: "Lena Fischer" },
  });

describe("a fault found at the confirmation", () => {
  it("names the slot by how its value was written", () => {
    for (const text of ["the name is spelled wrong", "no, the name is typed wrong"]) {
      expect(du.read(text, school, confirming()), text).toEqual([
        { type: "deny", slot_to_change: "pupil_name" },
      ]);
    }
  });

  it("names the slot by the noun its prompt asks for", () => {
    for (const text of ["no, wrong teacher", "no, the teacher is wrong"]) {
      expect(du.read(text, school, confirming()), text).toEqual([
        { type: "deny", slot_to_change: "tutor" },
      ]);
    }
  });
});

describe("a missed question, or a person by their trade", () => {
  it("asks for the question again", () => {
    const state = inFlow(school, "book_lesson", { waiting: "pupil_name" });
    for (const text of ["sorry, what did you ask?", "what was the question"]) {
      expect(du.read(text, school, state), text).toEqual([{ type: "repeat_last" }]);
    }
  });

  it("asks for a person", () => {
    for (const text of ["can I speak to an engineer", "I'd like to talk to a technician"]) {
      expect(du.read(text, school, emptyState("t")), text).toContainEqual(
        expect.objectContaining({ type: "human_handoff" }),
      );
    }
  });
});

describe("a prompt's question word", () => {
  it("asks only where it opens a sentence, not where it joins a clause", async () => {
    const florist = await loadDomainFromText(
      [
        "settings: { language: es }",
        "slots:",
        "  tarjeta:",
        "    type: list",
        "    required: false",
        "    choices: [dedicatoria, lazo]",
        "    prompt: 'Podemos añadir una dedicatoria o un lazo (o di que no).'",
        "  ok:",
        "    type: boolean",
        "flows:",
        "  enviar_ramo:",
        "    description: Enviar un ramo de flores",
        "    trigger: { intents: ['enviar un ramo'] }",
        "    steps:",
        "      - { step: t, type: collect, slot: tarjeta }",
        "      - { step: c, type: confirm, slot: ok, message: '¿Envío el ramo?' }",
      ].join("\n"),
      "florist.yaml",
    );
    const state = inFlow(florist, "enviar_ramo", { confirm: true, slots: { tarjeta: ["lazo"] } });
    expect(du.read("no, mejor no lo mandes todavía", florist, state)).toEqual([{ type: "deny" }]);
  });
});
