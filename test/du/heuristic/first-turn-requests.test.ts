import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

/** First messages: small talk, details after a request, requests inside chatter. */
const root = path.resolve(import.meta.dirname, "../../..");
let clinic: LoadedDomain;
let pizza: LoadedDomain;
let hotel: LoadedDomain;
let telecom: LoadedDomain;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
beforeAll(async () => {
  clinic = await loadDomain(path.join(root, "examples/clinic"));
  pizza = await loadDomain(path.join(root, "examples/pizza"));
  hotel = await loadDomain(path.join(root, "examples/hotel"));
  telecom = await loadDomain(path.join(root, "examples/telecom"));
});
const read = (domain: LoadedDomain, text: string) => du.read(text, domain, emptyState("t"));
const started = (domain: LoadedDomain, text: string) => {
  const first = read(domain, text)[0];
  return first?.type === "start_flow" ? first.flow : first?.type;
};

describe("small talk", () => {
  it("reads praise with any degree word as small talk", () => {
    expect(started(clinic, "cheers, you were incredibly kind")).toBe("chitchat");
    expect(started(pizza, "you're truly brilliant, thank you")).toBe("chitchat");
    expect(started(hotel, "many thanks, you've been such a big help")).toBe("chitchat");
  });

  it("reads asking after the assistant and a met need as small talk", () => {
    expect(started(telecom, "hi, how has your day been?")).toBe("chitchat");
    expect(read(hotel, "ok, that's everything I needed")[0]).toMatchObject({
      type: "chitchat",
      kind: "goodbye",
    });
  });

  it("still reads a request for help as help", () => {
    expect(started(clinic, "can you help me")).toBe("clarify");
  });
});
