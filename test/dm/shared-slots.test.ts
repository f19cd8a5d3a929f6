import { describe, expect, it } from "vitest";
import { RECENT_FLOW_TURNS } from "../../src/protocol/state.ts";
import { scriptedConversation } from "../runtime/helpers.ts";

const YAML = `
slots:
  city: { type: string, prompt: "Which city?", shared: true }
  date: { type: date, prompt: "Which date?" }
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
      - { step: ask_date, type: collect, slot: date }
      - { step: tell, type: say, message: "Sunny in {city} on {date}" }
`;

const conversation = () => scriptedConversation(YAML);

describe("shared slots: one value for the whole conversation", () => {
  it("a flow started over another takes the shared value it holds; other slots are asked", async () => {
    const { send } = await conversation();
    await send({ type: "start_flow", flow: "book" });
    expect(await send({ type: "set_slot", slot: "city", value: "Oslo" })).toEqual(["Which date?"]);
    expect(await send({ type: "start_flow", flow: "weather" })).toEqual(["Which date?"]);
    const answer = await send({ type: "set_slot", slot: "date", value: "2027-03-12" });
    expect(answer[0]).toMatch(/^Sunny in Oslo on /);
    expect(answer.at(-1)).toBe("Which date?");
  });

  it("a flow started after one that ended takes its shared value", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "weather" },
      { type: "set_slot", slot: "city", value: "Lima" },
      { type: "set_slot", slot: "date", value: "2027-03-12" },
    );
    expect(await send({ type: "start_flow", flow: "book" })).toEqual(["Which date?"]);
  });

  it("a value the user gives with the request wins over the shared one", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "book" },
      { type: "set_slot", slot: "city", value: "Oslo" },
    );
    const answer = await send(
      { type: "start_flow", flow: "weather" },
      { type: "set_slot", slot: "city", value: "Rome" },
      { type: "set_slot", slot: "date", value: "2027-03-12" },
    );
    expect(answer[0]).toMatch(/^Sunny in Rome on /);
  });

  it("without shared: true the slot is asked again", async () => {
    const { send } = await scriptedConversation(YAML.replace(", shared: true", ""));
    await send(
      { type: "start_flow", flow: "book" },
      { type: "set_slot", slot: "city", value: "Oslo" },
    );
    expect(await send({ type: "start_flow", flow: "weather" })).toEqual(["Which city?"]);
  });

  it("a flow started after one that was cancelled takes the shared value it held", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "book" },
      { type: "set_slot", slot: "city", value: "Oslo" },
    );
    await send({ type: "cancel_flow" });
    expect(await send({ type: "start_flow", flow: "weather" })).toEqual(["Which date?"]);
  });

  it("of a flow that ended and one cancelled later, the later value is taken", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "weather" },
      { type: "set_slot", slot: "city", value: "Lima" },
      { type: "set_slot", slot: "date", value: "2027-03-12" },
    );
    await send(
      { type: "start_flow", flow: "book" },
      { type: "set_slot", slot: "city", value: "Quito" },
    );
    await send({ type: "cancel_flow" });
    await send({ type: "start_flow", flow: "weather" });
    const answer = await send({ type: "set_slot", slot: "date", value: "2027-03-13" });
    expect(answer[0]).toMatch(/^Sunny in Quito on /);
  });

  it("a cancelled flow's shared value is forgotten after a few turns, like an ended flow's", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "book" },
      { type: "set_slot", slot: "city", value: "Oslo" },
    );
    await send({ type: "cancel_flow" });
    for (let i = 0; i < RECENT_FLOW_TURNS + 1; i++)
      await send({ type: "chitchat", kind: "thanks" });
    expect(await send({ type: "start_flow", flow: "weather" })).toEqual(["Which city?"]);
  });
});
