import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSoni } from "../helpers/cli.ts";

const PIZZA = path.join(import.meta.dirname, "../fixtures/du/pizza-shop.yaml");
const ONE_FLOW = path.join(import.meta.dirname, "../fixtures/du/one-flow.yaml");
const GYM = path.join(import.meta.dirname, "../../examples/gym");

describe("soni explain", () => {
  it("prints the candidate flows with scores and matched terms, the values read and the rule", async () => {
    const r = await runSoni(["explain", PIZZA, "a large pizza with ham and pineapple"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("rule: start-flow");
    expect(r.stdout).toMatch(/flow order_pizza: score \d+\.\d\d, coverage \d+%, matched .*"pizza"/);
    expect(r.stdout).toContain('toppings = ["ham","pineapple"]');
    expect(r.stdout).toContain('size = "large"');
  });

  it("reads inside a context, and says which rule declined an optional slot", async () => {
    const r = await runSoni(["explain", PIZZA, "no thanks", "--context", "order_pizza:toppings"]);
    expect(r.stdout).toContain("rule: decline-optional");
    expect(r.stdout).toContain('"type":"skip_slot","slot":"toppings"');
  });

  it("starts the only flow of a one-flow domain from its own trigger phrase", async () => {
    for (const message of ["make a payment", "ping"]) {
      const r = await runSoni(["explain", ONE_FLOW, message, "--json"]);
      expect(JSON.parse(r.stdout).commands[0]).toEqual({
        type: "start_flow",
        flow: "make_payment",
      });
    }
  });

  it("reads relative dates from the day --today gives", async () => {
    const r = await runSoni(["explain", GYM, "a yoga class tomorrow", "--today", "2027-05-12"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('class_date = "2027-05-13"');
    const bad = await runSoni(["explain", GYM, "a yoga class tomorrow", "--today", "2027-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--today: not a day written YYYY-MM-DD");
  });

  it("names a context flow the domain does not have", async () => {
    const r = await runSoni(["explain", PIZZA, "hi", "--context", "order_burger"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--context: no flow 'order_burger'");
  });
});
