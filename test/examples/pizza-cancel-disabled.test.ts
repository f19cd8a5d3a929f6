import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loadDomain } from "../../src/config/loader.ts";
import {
  loadConversationTests,
  runConversationTests,
} from "../../src/runtime/conversation-tests.ts";

/**
 * The pizza shop with `patterns.cancel.enabled: false`: a refusal of an optional slot ("no
 * thanks", "no toppings") must answer the question, not cancel the order.
 */
const pizza = path.join(import.meta.dirname, "../../examples/pizza");

describe("pizza shop with the cancel pattern disabled", () => {
  it("a refused optional slot goes on with the order", async () => {
    const domain = await loadDomain(pizza);
    domain.domain.patterns.cancel.enabled = false;
    const tests = await loadConversationTests(path.join(pizza, "tests/cancel-disabled.yaml"));
    const results = await runConversationTests(domain, tests, {
      logger: pino({ level: "silent" }),
    });
    expect(results.filter((r) => !r.passed).map((r) => r.name)).toEqual([]);
  });
});
