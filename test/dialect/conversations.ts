import path from "node:path";
import { PROJECT_ROOT } from "../helpers/cli.ts";

export const DIALECT_FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/dialect");

/** A fixture written in the original Soni dialect, its handlers, and conversations it holds. */
export interface DialectFixture {
  name: string;
  /** The domain as given to --config (a directory or a file). */
  domain: string;
  handlers: string;
  conversations: { title: string; says: string[]; hears: string[] }[];
}

export const BANK: DialectFixture = {
  name: "bank",
  domain: path.join(DIALECT_FIXTURES, "bank"),
  handlers: path.join(DIALECT_FIXTURES, "bank-handlers.ts"),
  conversations: [
    {
      title:
        "a transfer branching on an action output, a collect validator and a default confirmation",
      says: ["I want to send money", "Maria", "2000", "ab", "falcon", "yes"],
      hears: [
        "This amount needs your security word.",
        "A security word is one word of at least 5 letters.",
        "Please confirm:\n- Payee: Maria\n- Amount: 2000\n- Security word: falcon\nIs that correct?",
        "Sent 2000 to Maria. Reference TR-MAR-2000.",
      ],
    },
    {
      title: "an operator case ('>5000') on a flow-level number slot",
      says: ["make a transfer", "Luis", "6000", "eagle", "yes"],
      hears: [
        "Large transfers can take a day longer.",
        "Sent 6000 to Luis. Reference TR-LUI-6000.",
      ],
    },
    {
      title: "a small transfer skips the code (the 'no' case)",
      says: ["transfer money", "Ana", "300", "no"],
      hears: ["Transfer cancelled."],
    },
    {
      title: "a while loop over step names",
      says: ["review my security alerts", "yes", "yes", "yes"],
      hears: [
        "Alert 1: New login from Lisbon",
        "Alert 2: Card used online",
        "Alert 3: Password changed",
        "That was all 3 alerts.",
      ],
    },
    {
      title: "a call (sub-flow with a validated PIN) and a link",
      says: ["I need support", "12", "1234", "savings"],
      hears: [
        "A PIN has 4 digits.",
        "Thanks, you are verified.",
        "Savings accounts are handled by our advisors.",
        "Thanks for calling. Goodbye!",
      ],
    },
    {
      title: "a yes/no answer stored as the word a branch routes on",
      says: ["subscribe me to the newsletter", "yes"],
      hears: ["Subscribed, tips included."],
    },
    {
      title: "set with a condition written AND / NOT / None and a {{name}} template",
      says: ["what is my loyalty status"],
      hears: ["Hello Alex, you are a gold member."],
    },
  ],
};

export const SHOP: DialectFixture = {
  name: "shop",
  domain: path.join(DIALECT_FIXTURES, "shop.yaml"),
  handlers: path.join(DIALECT_FIXTURES, "shop-handlers.ts"),
  conversations: [
    {
      title: "an evaluate branch with true/false cases and a 'continue' case",
      says: ["I want to order", "lamps", "12", "Madrid", "5 Gran Via", "yes"],
      hears: [
        "Orders of 10 or more ship separately.",
        "Order 12 x lamps to 5 Gran Via, Madrid?",
        "Order ORD-LAMPS-12 placed.",
      ],
    },
    {
      title: "a jump_to_<step> case",
      says: ["place an order", "piano", "1", "Seville", "1 Calle Sol"],
      hears: ["That item is on backorder; we will email you."],
    },
    {
      title: "a while with exit_to and inline steps",
      says: ["build a gift box", "candle", "soap", "chocolate"],
      hears: ["Your box holds candle, soap, chocolate."],
    },
  ],
};

/** String slots without choices, as the original wrote them: short answers must fill them. */
export const LIBRARY: DialectFixture = {
  name: "library",
  domain: path.join(DIALECT_FIXTURES, "library.yaml"),
  handlers: path.join(DIALECT_FIXTURES, "library-handlers.ts"),
  conversations: [
    {
      title: "a one-word answer that is also a word of the flow's request fills the slot",
      says: ["renew my book", "book"],
      hears: ["Your book loan is renewed for two weeks."],
    },
    {
      title: "the request's own words after a trigger cue ('to') are not the recipient",
      says: ["I want to send a note", "Laura", "See you at five"],
      hears: ["Who is the note for?", "Note for Laura: See you at five"],
    },
    {
      title: "a number answering a string slot is not a new value of the number slot",
      says: ["pay a fine", "12", "204518"],
      hears: ["Paid 12 with card 204518."],
    },
    {
      title: "a flow-level slot read but never collected is asked",
      says: ["search the catalogue", "Dune"],
      hears: ["Which title are you looking for?", "Dune: 0 copies on the shelf."],
    },
    {
      title: "a slot whose prompt asks a date keeps the kind it is read with",
      says: ["deliver a book to my home", "next Friday"],
      hears: ["We will bring it next Friday."],
    },
  ],
};

/**
 * A flow with no trigger phrases, started by the words of its first question; a retry loop
 * through an action output the branch reads; a natural-date normalization; trace_graphs.
 */
export const WORKSHOP: DialectFixture = {
  name: "workshop",
  domain: path.join(DIALECT_FIXTURES, "workshop.yaml"),
  handlers: path.join(DIALECT_FIXTURES, "workshop-handlers.ts"),
  conversations: [
    {
      title: "an unknown serial number loops back to the question; a day in words is an ISO date",
      says: ["I want to enter a serial number", "AB12", "ws-40417", "yesterday"],
      hears: [
        "Please enter the serial number stamped under the frame",
        "Please enter the serial number stamped under the frame",
        "When did you buy the bicycle?",
        "Registered ws-40417 as REG-WS-40417-DATED.",
      ],
    },
  ],
};
