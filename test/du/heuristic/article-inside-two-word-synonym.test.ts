import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues } from "../helpers.ts";

/** A print shop taking orders for one of its jobs; the jobs are a choice with synonyms. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  job:",
      "    type: string",
      "    prompt: 'Which job is it?'",
      "    choices: [lettering, banner, seal]",
      "    synonyms:",
      "      banner: [hang sign]",
      "      seal: [renew stamp]",
      "actions:",
      "  take_order: { inputs: [job] }",
      "flows:",
      "  order_job:",
      "    description: Order a job from the print shop",
      "    trigger: { intents: ['I want to order a {job}', 'place an order at the print shop'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: job }",
      "      - { step: go, type: action, action: take_order }",
    ],
    "print-shop.yaml",
  );
});

const asked = () => inFlow(shop, "order_job", { waiting: "job" });

describe("an article inside a two-word synonym", () => {
  it.each([
    ["we need to hang a sign", "banner"],
    ["hang the sign please", "banner"],
    ["renew the stamp", "seal"],
  ])("%s", (text, job) => {
    expect(readValues(du.read(text, shop, asked()))).toEqual({ job });
  });
});
