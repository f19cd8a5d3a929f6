import { describe, expect, it } from "vitest";
import { scriptedConversation } from "../runtime/helpers.ts";

const YAML = `
slots:
  city: { type: string, prompt: "Which city?" }
  date: { type: date, prompt: "Which date?" }
  size: { type: string, prompt: "Which size?", choices: [small, large], synonyms: { large: [big] } }
  secret: { type: string, internal: true }
flows:
  book:
    description: Book a trip
    steps:
      - { step: ask_city, type: collect, slot: city }
      - { step: ask_date, type: collect, slot: date }
      - { step: done, type: say, message: "Booked {city} on {date}" }
  weather:
    description: Check the weather
    steps:
      - { step: ask_city, type: collect, slot: city }
      - { step: tell, type: say, message: "Sunny in {city}" }
  order:
    steps:
      - { step: ask_size, type: collect, slot: size }
      - { step: done, type: say, message: "A {size} one {secret}" }
`;

const conversation = () => scriptedConversation(YAML);

describe("slot routing and digressions", () => {
  it("slots set with a start_flow fill the new flow, even when listed first", async () => {
    const { send, runtime } = await conversation();
    await send({ type: "start_flow", flow: "book" });
    expect(
      await send(
        { type: "set_slot", slot: "city", value: "Oslo" },
        { type: "start_flow", flow: "weather" },
      ),
    ).toEqual(["Sunny in Oslo", "Let's get back to book a trip.", "Which city?"]);
    expect((await runtime.getState("u")).slots).toEqual({});
  });

  it("a slot no active flow uses is ignored and counts as not understood", async () => {
    const { send } = await conversation();
    await send({ type: "start_flow", flow: "weather" });
    expect(await send({ type: "set_slot", slot: "size", value: "small" })).toEqual([
      "Sorry, I didn't understand that.",
      "Which city?",
    ]);
  });

  it("commands never set internal slots", async () => {
    const { send } = await conversation();
    await send({ type: "start_flow", flow: "order" });
    expect(
      await send(
        { type: "set_slot", slot: "secret", value: "x" },
        { type: "set_slot", slot: "size", value: "big" },
      ),
    ).toEqual(["A large one "]);
  });

  it("choices are enforced with a message listing them", async () => {
    const { send } = await conversation();
    await send({ type: "start_flow", flow: "order" });
    expect(await send({ type: "set_slot", slot: "size", value: "medium" })).toEqual([
      "Please choose one of: small, large.",
      "Which size?",
    ]);
  });

  it("starting the flow already on top just continues it", async () => {
    const { send, runtime } = await conversation();
    await send({ type: "start_flow", flow: "book" });
    expect(await send({ type: "start_flow", flow: "book" })).toEqual(["Which city?"]);
    expect((await runtime.getState("u")).flow_stack).toHaveLength(1);
  });

  it("chitchat answers and asks the pending question again", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "book" },
      { type: "set_slot", slot: "city", value: "Oslo" },
    );
    expect(await send({ type: "chitchat", kind: "thanks" })).toEqual([
      "You're welcome!",
      "Which date?",
    ]);
    expect(await send({ type: "chitchat", kind: "other", message: "how are you?" })).toEqual([
      "I'm here to help with your requests.",
      "Which date?",
    ]);
    // A goodbye does not ask again; the flow waits for the user's return.
    expect(await send({ type: "chitchat", kind: "goodbye" })).toEqual([
      "Goodbye! We can finish book a trip whenever you come back.",
    ]);
    expect(await send({ type: "set_slot", slot: "date", value: "2026-05-01" })).toEqual([
      "Booked Oslo on 2026-05-01",
    ]);
  });

  it("a correction of an earlier slot says so and keeps asking the current question", async () => {
    const { send, runtime } = await conversation();
    await send(
      { type: "start_flow", flow: "book" },
      { type: "set_slot", slot: "city", value: "Oslo" },
    );
    expect(await send({ type: "correct_slot", slot: "city", value: "Bergen" })).toEqual([
      "Okay, I've changed the city to Bergen.",
      "Which date?",
    ]);
    expect((await runtime.getState("u")).slots.city).toBe("Bergen");
  });

  it("clarify while idle lists what the assistant can do", async () => {
    const { send } = await conversation();
    expect(await send({ type: "clarify" })).toEqual([
      "I can help you: book a trip; check the weather; or order.",
    ]);
  });
});
