import { beforeAll, describe, expect, it } from "vitest";
import { exampleReader, slotsOf, startedFlow as started } from "../helpers.ts";

/**
 * First messages and answers on the clinic and hotel examples: a name said bare, a day given up,
 * letting a thing go, remarks, choices told about, prices, not coming as the reason for a change.
 */
const { read, loadAll } = exampleReader();

beforeAll(() => loadAll(["clinic", "hotel"]));

describe("a full name said bare", () => {
  it("reads a full name right after a task verb", () => {
    expect(
      slotsOf(read("clinic", "can you schedule Irene Blasco with the physio on wednesday")),
    ).toMatchObject({ patient_name: "Irene Blasco", specialty: "physiotherapy" });
  });

  it("reads a full name that is a clause of its own in a list of details", () => {
    expect(
      slotsOf(read("clinic", "appointment please, dermatology, Tomas Vidre, thursday afternoon")),
    ).toMatchObject({ patient_name: "Tomas Vidre", specialty: "dermatology" });
  });

  it("reads no name from one capitalised word, a street, or words inside a clause", () => {
    expect(slotsOf(read("clinic", "book Marta with the gp tomorrow")).patient_name).toBeUndefined();
    expect(
      slotsOf(read("clinic", "gp tomorrow morning, Irene Blasco is my neighbour")).patient_name,
    ).toBeUndefined();
  });
});

describe("one day given up for another", () => {
  it("moves the thing when a cancel phrase gives up a day and another day is asked", () => {
    expect(
      started(read("clinic", "we can't make it on tuesday, is wednesday possible? code AP-5120")),
    ).toBe("reschedule_appointment");
    expect(
      started(read("hotel", "I won't make it on the 4th, could we arrive the 6th instead?")),
    ).toBe("change_dates");
  });

  it("moves the thing when the day had is told and a new day asked", () => {
    const commands = read("clinic", "we booked for monday but my car broke, could it be tuesday?");
    expect(started(commands)).toBe("reschedule_appointment");
    expect(slotsOf(commands)).toMatchObject({ appointment_date: "2027-03-16" });
  });

  it("still books when the one day given up is no thing had", () => {
    expect(started(read("clinic", "not tomorrow, thursday please, with the gp"))).toBe(
      "book_appointment",
    );
  });

  it("still cancels when no other day is asked", () => {
    expect(started(read("clinic", "I can't make it on tuesday, cancel AP-5120"))).toBe(
      "cancel_appointment",
    );
  });

  it("reads the day after 'not' as given up", () => {
    expect(slotsOf(read("clinic", "gp please, not monday, thursday morning"))).toMatchObject({
      appointment_date: "2027-03-11",
    });
  });
});

describe("letting a thing go", () => {
  it("reads 'give up' and 'take ... off' as cancelling", () => {
    expect(started(read("clinic", "sadly I must give up my visit on friday, it's AP-6402"))).toBe(
      "cancel_appointment",
    );
    expect(started(read("hotel", "please take reservation HB-481516 off your list"))).toBe(
      "cancel_reservation",
    );
  });
});

describe("a remark asking for agreement", () => {
  it("is small talk when no word of it is a flow's", () => {
    expect(read("clinic", "so windy this morning, don't you think?")).toMatchObject([
      { type: "chitchat", kind: "other" },
    ]);
    expect(read("hotel", "a grey sky again today, isn't it")).toMatchObject([
      { type: "chitchat", kind: "other" },
    ]);
  });

  it("still starts a flow when it asks for one", () => {
    expect(read("clinic", "I can book the physio for friday, can't I")[0]).toMatchObject({
      type: "start_flow",
    });
  });
});

describe("choices told about", () => {
  it("gives up the choice that told, of several", () => {
    expect(
      slotsOf(read("clinic", "the dermatologist recommended I see a physiotherapist next week")),
    ).toMatchObject({ specialty: "physiotherapy" });
    expect(
      slotsOf(read("clinic", "my family doctor has told me I need the skin doctor")),
    ).toMatchObject({ specialty: "dermatology" });
  });

  it("keeps the one choice said, whoever told", () => {
    expect(slotsOf(read("clinic", "my gp said I should come back for a check"))).toMatchObject({
      specialty: "general_practice",
    });
  });

  it("reads a choice of several words with its last word clipped", () => {
    expect(slotsOf(read("clinic", "need the kids doc on friday"))).toMatchObject({
      specialty: "pediatrics",
    });
  });
});

describe("a question about a price", () => {
  it("is out of scope when no flow pays and no slot holds a price", () => {
    expect(read("clinic", "what's the price of a dermatology consultation?")).toEqual([
      { type: "out_of_scope" },
    ]);
    expect(read("clinic", "how much would the physio charge me for friday?")).toEqual([
      { type: "out_of_scope" },
    ]);
  });

  it("is left to the flows when a slot holds a price", () => {
    expect(read("hotel", "how much is a room in valencia for three nights?")[0]).toMatchObject({
      type: "start_flow",
    });
  });
});

describe("not coming, as the reason for a change", () => {
  it("moves the thing when a negated cancel phrase comes with a change word", () => {
    const commands = read(
      "clinic",
      "my visit is on tuesday but we can't come, could you shift it?",
    );
    expect(started(commands)).toBe("reschedule_appointment");
    // The day had is no new day.
    expect(slotsOf(commands).appointment_date).toBeUndefined();
  });

  it("still cancels when a plain cancel word is said", () => {
    expect(started(read("clinic", "I can't come on tuesday so please cancel AP-7781"))).toBe(
      "cancel_appointment",
    );
  });
});

describe("idioms and questions about the business", () => {
  it("reads pain said as an idiom as no cancel", () => {
    expect(read("clinic", "my neck is killing me, is the physio free on monday?")[0]).toEqual({
      type: "start_flow",
      flow: "book_appointment",
    });
  });

  it("reads a question about opening times as out of scope", () => {
    expect(read("clinic", "what time do you close?")).toEqual([{ type: "out_of_scope" }]);
  });
});

describe("a free list after its name, in a list of details", () => {
  it("reads the items after the name that opens a detail", () => {
    expect(
      slotsOf(read("clinic", "physio, monday afternoon, symptoms stiff neck and headaches")),
    ).toMatchObject({ symptoms: ["stiff neck", "headaches"] });
  });

  it("reads nothing when the words after the name tell of it", () => {
    expect(
      slotsOf(read("clinic", "physio, monday afternoon, symptoms started last week")).symptoms,
    ).toBeUndefined();
  });
});

describe("price words as typed", () => {
  it("never reads 'cost' as a typo of a name the domain knows", () => {
    // "Costa" is a doctor's name in the clinic; "cost" names no doctor.
    expect(slotsOf(read("clinic", "what will it cost me on friday")).specialty).toBeUndefined();
  });
});
