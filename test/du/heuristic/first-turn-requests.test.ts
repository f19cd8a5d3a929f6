import { beforeAll, describe, expect, it } from "vitest";
import { exampleReader } from "../helpers.ts";

/** First messages: small talk, details after a request, requests inside chatter. */
const { read, loadAll } = exampleReader();
beforeAll(() => loadAll(["clinic", "pizza", "hotel", "telecom"]));
/** The flow the message starts, or the first command's type. */
const started = (domain: string, text: string) => {
  const first = read(domain, text)[0];
  return first?.type === "start_flow" ? first.flow : first?.type;
};

describe("small talk", () => {
  it("reads praise with any degree word as small talk", () => {
    expect(started("clinic", "cheers, you were incredibly kind")).toBe("chitchat");
    expect(started("pizza", "you're truly brilliant, thank you")).toBe("chitchat");
    expect(started("hotel", "many thanks, you've been such a big help")).toBe("chitchat");
  });

  it("reads asking after the assistant and a met need as small talk", () => {
    expect(started("telecom", "hi, how has your day been?")).toBe("chitchat");
    expect(read("hotel", "ok, that's everything I needed")[0]).toMatchObject({
      type: "chitchat",
      kind: "goodbye",
    });
  });

  it("still reads a request for help as help", () => {
    expect(started("clinic", "can you help me")).toBe("clarify");
  });
});

describe("details after a request", () => {
  it("reads a part that only gives the request's values as its details", () => {
    const change = read(
      "hotel",
      "change the dates of my reservation HB-123456. We will arrive on the 20th and stay for 2 nights",
    );
    expect(change[0]).toMatchObject({ type: "start_flow", flow: "change_dates" });
    expect(change.some((c) => c.type === "start_flow" && c.flow === "book_room")).toBe(false);
    expect(started("telecom", "I need my PUK code. My number is 699 111 222")).toBe("get_puk");
    expect(read("telecom", "I need my PUK code. My number is 699 111 222")).toHaveLength(2);
  });

  it("still starts two flows when the second part asks with a task word", () => {
    const two = read(
      "hotel",
      "cancel my reservation HB-123456 and book a room in Madrid for 2 nights",
    );
    expect(two.map((c) => (c.type === "start_flow" ? c.flow : c.type))).toEqual([
      "book_room",
      "cancel_reservation",
    ]);
  });
});

describe("a request stated by its act and its object", () => {
  it("starts the one flow that does the act on the thing named, whatever reason follows", () => {
    expect(
      started("clinic", "please call off my visit, the kids have a school trip that morning"),
    ).toBe("cancel_appointment");
    expect(started("hotel", "kindly postpone my reservation, the keynote speaker got ill")).toBe(
      "change_dates",
    );
    expect(
      started("pizza", "my cousins are over tonight so we need some pizzas brought round"),
    ).toBe("order_pizza");
  });

  it("takes a weak task word for the act when no other flow does that act", () => {
    expect(started("pizza", "is my pizza out of the kitchen yet")).toBe("order_status");
    // "like an hour" is no wish for a new one: the look-up is still the one flow that acts.
    expect(started("pizza", "my pizza still hasnt shown up and its been like an hour")).toBe(
      "order_status",
    );
  });

  it("does not start a flow on the act alone among many unknown words", () => {
    expect(started("hotel", "can I cancel my gym membership through the app on my phone")).not.toBe(
      "cancel_reservation",
    );
  });
});

describe("generic words for what is left and what was used", () => {
  it("reads 'remaining' as 'left' and 'consumed' as 'used'", () => {
    expect(
      started("telecom", "got any gigs remaining for the rest of the month, I'm on holiday abroad"),
    ).toBe("check_data_usage");
    expect(started("telecom", "I'm abroad, how much data has the tablet consumed")).toBe(
      "check_data_usage",
    );
  });
});

describe("the telecom domain's own words", () => {
  it("reads a PIN locked out as the PUK request", () => {
    expect(started("telecom", "forgot my pin and now the phone is locked")).toBe("get_puk");
  });
});

describe("not using the thing arranged", () => {
  it("reads it as cancelling", () => {
    expect(
      started("clinic", "we will not be using the appointment on monday, my daughter got better"),
    ).toBe("cancel_appointment");
    expect(started("hotel", "turns out we won't be using the room, my flight got cancelled")).toBe(
      "cancel_reservation",
    );
  });
});

describe("words that address the assistant", () => {
  it("are no foreign words in a question about the business", () => {
    expect(started("pizza", "hey folks, do you deliver to Calle Mayor 5, Sevilla?")).toBe(
      "order_pizza",
    );
    expect(started("pizza", "do you guys deliver sushi")).toBe("out_of_scope");
  });
});

describe("a story whose last clause leaves flows open", () => {
  it("is settled by the flow the whole story ranks clearly first", () => {
    const read1 = read(
      "pizza",
      "Hello, my family ordered from you a while ago and we would love to know when it might arrive. Number 1004.",
    );
    expect(read1[0]).toMatchObject({ type: "start_flow", flow: "order_status" });
  });
});

describe("clipped words", () => {
  it("read the start of a single longer word of the domain as that word", () => {
    expect(started("clinic", "resched my consultation AP-1234 thx")).toBe("reschedule_appointment");
  });

  it("leave an English word alone in act phrases", () => {
    expect(started("telecom", "can you connect me with an agent")).toBe("human_handoff");
  });
});

describe("asking not to go on with what was asked", () => {
  it("reads 'void' and 'don't send/make the ...' as cancelling", () => {
    expect(started("pizza", "can you void order 1004, my son placed it by mistake")).toBe(
      "cancel_order",
    );
    expect(started("pizza", "plans changed, please don't send my pizza")).toBe("cancel_order");
  });
});

describe("the clause that asks, in a shorter message", () => {
  it("starts the flow the whole message ranks first when that clause alone asks for it", () => {
    expect(
      started("clinic", "I'd like to cancel please, my husband is unwell and we are staying home"),
    ).toBe("cancel_appointment");
    expect(
      started("hotel", "Can I still cancel? My mother is in hospital and I won't travel"),
    ).toBe("cancel_reservation");
    // The whole message ranks the booking flow first ("booking"); the clause that asks cancels.
    expect(started("clinic", "my son feels fine again so please scrap our booking")).toBe(
      "cancel_appointment",
    );
  });
});

describe("a past form after a number", () => {
  it("still asks for the thing ('get one brought'): a number is no subject", () => {
    expect(started("pizza", "pizza for the office party, can you get one brought round")).toBe(
      "order_pizza",
    );
  });

  it("reads the pizza shop's 'something to eat' as its food", () => {
    expect(started("pizza", "can you get me something to eat delivered")).toBe("order_pizza");
  });
});

describe("a time said as a shift", () => {
  it("moves what was arranged", () => {
    expect(started("hotel", "is it ok if we arrive a day later, booking HB-654321")).toBe(
      "change_dates",
    );
    expect(started("clinic", "could my visit AP-1234 be two days earlier")).toBe(
      "reschedule_appointment",
    );
  });
});

describe("the pizza shop's words for hunger", () => {
  it("reads being famished as wanting a pizza", () => {
    expect(started("pizza", "famished here, a pizza would be great")).toBe("order_pizza");
  });
});
