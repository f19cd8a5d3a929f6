import { describe, expect, it } from "vitest";
import { readActs } from "../../../src/du/heuristic/acts.ts";
import { findCodes, findIbans } from "../../../src/du/heuristic/extract/codes.ts";
import { freeText, opensTitle } from "../../../src/du/heuristic/extract/free-text.ts";
import { handoffPattern } from "../../../src/du/heuristic/language/words.ts";
import {
  editDistanceAtMost1,
  editDistanceWithin,
  fold,
  keySpans,
  stem,
  swapsNeighbours,
  tokenize,
} from "../../../src/du/heuristic/text.ts";

describe("text normalisation", () => {
  it("folds case and accents and keeps offsets into the raw text", () => {
    expect(fold("Olvídalo, MAÑANA")).toBe("olvidalo, manana");
    const text = "What's my Saldo?";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(["whats", "my", "saldo"]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["What's", "my", "Saldo"]);
  });

  it("maps word variants to one stem", () => {
    for (const group of [
      ["transfer", "transfers", "transferring", "transferred"],
      ["block", "blocked", "blocking", "blocks"],
      ["balance", "balances"],
      ["tarjeta", "tarjetas"],
      ["use", "used", "using", "uses"],
      ["owe", "owed"],
      ["reserve", "reservation", "reservations"],
      ["cancel", "cancellation"],
    ]) {
      expect(new Set(group.map(stem)).size).toBe(1);
    }
    expect(stem("need")).toBe("need");
  });

  it("accepts exactly one edit", () => {
    expect(editDistanceAtMost1("tranfer", "transfer")).toBe(true);
    expect(editDistanceAtMost1("balanse", "balance")).toBe(true);
    expect(editDistanceAtMost1("savigns", "savings")).toBe(true);
    expect(editDistanceAtMost1("blance", "balance")).toBe(true);
    expect(editDistanceAtMost1("tarnsfre", "transfer")).toBe(false);
    expect(editDistanceAtMost1("card", "cart")).toBe(true);
    expect(editDistanceAtMost1("card", "cord1")).toBe(false);
  });

  it("tells a swap of two neighbouring letters from other slips", () => {
    expect(swapsNeighbours("lemno", "lemon")).toBe(true);
    expect(swapsNeighbours("elmon", "lemon")).toBe(true);
    expect(swapsNeighbours("lemon", "lemon")).toBe(false);
    expect(swapsNeighbours("lemin", "lemon")).toBe(false);
    expect(swapsNeighbours("lmeno", "lemon")).toBe(false);
    expect(swapsNeighbours("lemo", "lemon")).toBe(false);
  });
});

describe("dialogue acts", () => {
  it.each([
    ["yes please", "affirm"],
    ["sí, claro", "affirm"],
    ["nope", "deny"],
    ["ok, cancel it then", "cancel"],
    ["olvídalo", "cancel"],
    ["never mind", "cancel"],
    ["help", "help"],
    ["what do you mean?", "help"],
    ["good morning", "greeting"],
  ] as const)("%s -> %s", (text, act) => {
    expect(readActs(text)[act]).toBe(true);
  });

  it.each(["I want to talk to a person", "quiero hablar con un agente"])(
    "%s asks for a person",
    (text) => {
      expect(handoffPattern().test(readActs(text).flat)).toBe(true);
    },
  );

  it("counts a domain's staff words as people to ask for", () => {
    expect(handoffPattern().test("could i speak to the harbour master")).toBe(false);
    expect(handoffPattern(["harbour master"]).test("could i speak to the harbour master")).toBe(
      true,
    );
    expect(handoffPattern(["harbour master"]).test("the harbour master is lovely")).toBe(false);
  });

  it.each([
    "hmm I can't remember",
    "no recuerdo el código",
    "well, not sure",
    "where can I find it?",
    "I can't find the letter",
    "no tengo ni idea",
  ])("%s asks for help with the question", (text) => {
    expect(readActs(text).helpQuestion).toBe(true);
  });

  it("a not-known phrase asks for help only opening the message", () => {
    expect(readActs("the shop said it is not sure").helpQuestion).toBe(false);
  });

  it.each([
    ["thank you very much", "thanks"],
    ["thanks, bye", "goodbye"],
    ["ok thanks!", "thanks"],
    ["that's all for now, thanks", "goodbye"],
    ["good evening 🙂", "greeting"],
    ["how are you?", "other"],
    ["hasta luego", "goodbye"],
    ["thanks, send 50 to Ana", null],
    ["ok", null],
  ] as const)("small talk %s -> %s", (text, kind) => {
    expect(readActs(text).chitchat).toBe(kind);
  });

  it("does not read requests as acts", () => {
    const acts = readActs("transfer 50 euros to someone");
    expect(handoffPattern().test(acts.flat)).toBe(false);
    expect(acts.cancel).toBe(false);
    expect(readActs("yes but change the amount").affirm).toBe(false);
    expect(readActs("stop the card payments from my account to the gym").cancel).toBe(false);
  });

  it("spots corrections and what-is questions", () => {
    expect(readActs("actually make it 200").correction).toBe(true);
    expect(readActs("change the amount to 300").correction).toBe(true);
    expect(readActs("what is an IBAN?").whatIs).toBe("iban");
    expect(readActs("200 euros").correction).toBe(false);
  });
});

describe("codes and free text", () => {
  it("finds IBANs written with or without spaces", () => {
    expect(findIbans("it's ES91 2100 0418 4502 0005 1332 ok").map((m) => m.value)).toEqual([
      "ES9121000418450200051332",
    ]);
    expect(findIbans("de89370400440532013000")[0]?.value).toBe("DE89370400440532013000");
    expect(findIbans("send 2000 euros")).toEqual([]);
  });

  it("finds codes that contain digits", () => {
    expect(findCodes("the reference is ELEC-2026-0042.").map((c) => c.value)).toEqual([
      "ELEC-2026-0042",
    ]);
  });

  it.each([
    ["Maria Lopez", "Maria Lopez"],
    ["it's for the rent, thanks", "rent"],
    ["my name is Ana López", "Ana López"],
    ["to Acme Corp please", "Acme Corp"],
    ["  ", null],
  ])("%s -> %s", (text, expected) => {
    expect(freeText(text)).toBe(expected);
  });

  it("keeps an article typed capitalised before a capitalised word: a title's own", () => {
    expect(opensTitle("The", "Quiet")).toBe(true);
    expect(opensTitle("Las", "Olas")).toBe(true);
    expect(opensTitle("the", "Quiet")).toBe(false);
    expect(opensTitle("The", "end")).toBe(false);
    expect(opensTitle("The", undefined)).toBe(false);
    expect(freeText("The Quiet Orchard, thanks")).toBe("The Quiet Orchard");
    expect(freeText("the quiet orchard")).toBe("quiet orchard");
  });

  it("keeps the article of a long answer: it opens the sentence's subject", () => {
    expect(freeText("the plumber came round and fixed the leak under the sink")).toBe(
      "the plumber came round and fixed the leak under the sink",
    );
    expect(freeText("the blue folder, thanks")).toBe("blue folder");
  });

  it("strips the slot's own name from the answer", () => {
    expect(freeText("the concept is rent for March", ["concept"])).toBe("rent for March");
  });
});

describe("editDistanceWithin", () => {
  it("counts a swap of neighbours as one edit and stops past the limit", () => {
    expect(editDistanceWithin("reschedual", "reschedule", 2)).toBe(2);
    expect(editDistanceWithin("apointment", "appointment", 2)).toBe(1);
    expect(editDistanceWithin("tranfser", "transfer", 2)).toBe(1);
    expect(editDistanceWithin("interest", "internet", 1)).toBe(2);
    expect(editDistanceWithin("cancel", "cancel", 2)).toBe(0);
    expect(editDistanceWithin("abc", "abcdef", 2)).toBe(3);
  });
});

describe("keySpans", () => {
  it("yields each key's spans in order, key by key, where its first stem is said", () => {
    const stems = ["send", "money", "to", "money", "box"];
    const keys = [["money", "box"], ["money"], ["to"], ["box", "office"]];
    expect([...keySpans(stems, keys)]).toEqual([
      [3, 5],
      [1, 2],
      [3, 4],
      [2, 3],
    ]);
    // The same array asked again (its positions are remembered) gives the same spans.
    expect([...keySpans(Object.freeze(stems), [["money"]])]).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("gives an empty list when no key is said, and every position for an empty key", () => {
    const stems = ["pay", "the", "bill"];
    expect(keySpans(stems, [["receipt"], ["bill", "now"]])).toEqual([]);
    expect(keySpans(stems, [[]])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });
});
