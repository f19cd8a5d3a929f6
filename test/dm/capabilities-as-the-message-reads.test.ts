import { describe, expect, it } from "vitest";
import { scriptedConversation } from "../runtime/helpers.ts";

/** A bike shop, written for these tests: what it can do, said in the author's own message. */
const shop = (message: string) => `
patterns:
  out_of_scope:
    message: ${JSON.stringify(message)}
slots:
  bike: { type: string, prompt: "Which bike?" }
flows:
  service:
    description: Book a bike service
    steps:
      - { step: b, type: collect, slot: bike }
  hire:
    description: Hire a bike for the day
    steps:
      - { step: b, type: collect, slot: bike }
`;

describe("{capabilities} in an author's message", () => {
  it("is the bare list after the author's own lead-in and colon", async () => {
    const { send } = await scriptedConversation(
      shop("Sorry, not something we do. We can help with: {capabilities}."),
    );
    expect(await send({ type: "out_of_scope" })).toEqual([
      "Sorry, not something we do. We can help with: book a bike service; or hire a bike for the day.",
    ]);
  });

  it("is a sentence of its own without a lead-in, with one full stop", async () => {
    const { send } = await scriptedConversation(
      shop("Sorry, not something we do. {capabilities}."),
    );
    expect(await send({ type: "out_of_scope" })).toEqual([
      "Sorry, not something we do. I can help you: book a bike service; or hire a bike for the day.",
    ]);
  });

  it("keeps its full stop when the message ends with it", async () => {
    const { send } = await scriptedConversation(shop("Sorry! {capabilities}"));
    expect(await send({ type: "out_of_scope" })).toEqual([
      "Sorry! I can help you: book a bike service; or hire a bike for the day.",
    ]);
  });
});
