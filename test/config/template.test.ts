import { describe, expect, it } from "vitest";
import {
  choiceLabel,
  choiceWords,
  formatValue,
  parseTemplate,
  renderTemplate,
  TemplateError,
  templateSlots,
} from "../../src/config/template.ts";

function templateError(source: string): TemplateError {
  try {
    parseTemplate(source);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error(`expected ${JSON.stringify(source)} not to parse`);
}

describe("templates", () => {
  it("says the words after '|' when the slot is empty", () => {
    const t = "extras: {extras|none}, paid {fee:money|nothing}.";
    expect(renderTemplate(t, { extras: [], fee: null })).toBe("extras: none, paid nothing.");
    expect(renderTemplate(t, { extras: "" })).toBe("extras: none, paid nothing.");
    expect(renderTemplate(t, { extras: ["gps", "roof box"], fee: 1500 })).toBe(
      "extras: gps and roof box, paid 1,500.00.",
    );
    expect(renderTemplate("{n|zero}", { n: 0 })).toBe("0");
    expect(templateSlots("{a|x} {b:money|y}")).toEqual(["a", "b"]);
    expect(templateError("{a:cash|x}").message).toMatch(/unknown format 'cash'/);
  });

  it("interpolates slots", () => {
    expect(renderTemplate("Send {amount} to {name}.", { amount: 50, name: "Maria" })).toBe(
      "Send 50 to Maria.",
    );
    expect(renderTemplate("{ name }!", { name: "Ana" })).toBe("Ana!");
    expect(renderTemplate("no slots", {})).toBe("no slots");
  });

  it("renders numbers, booleans and missing values for people", () => {
    expect(renderTemplate("{n}", { n: 1500 })).toBe("1500");
    expect(renderTemplate("{n}", { n: 1500.5 })).toBe("1500.50");
    expect(renderTemplate("{n}", { n: 3847.523 })).toBe("3847.52");
    expect(renderTemplate("{n}", { n: -0.5 })).toBe("-0.50");
    expect(renderTemplate("{b}/{c}", { b: true, c: false })).toBe("yes/no");
    expect(renderTemplate("{b}", { b: true }, { language: "es" })).toBe("sí");
    expect(renderTemplate("[{missing}][{nothing}]", { nothing: null })).toBe("[][]");
    expect(formatValue(undefined)).toBe("");
  });

  it("treats doubled braces as literal braces", () => {
    expect(renderTemplate("{{literal}} {x} }}", { x: 1 })).toBe("{literal} 1 }");
    expect(templateSlots("{{not_a_slot}} {real}")).toEqual(["real"]);
  });

  it("reads only own properties of the values", () => {
    expect(renderTemplate("[{constructor}][{__proto__}]", {})).toBe("[][]");
  });

  it("lists the slots used, once each", () => {
    expect(templateSlots("{a} {b} {a}")).toEqual(["a", "b"]);
  });

  it.each([
    ["Total: {amount", 7, /unclosed '\{'/],
    ["oops }", 5, /unmatched '\}'/],
    ["{not a slot}", 0, /not a slot name/],
    ["{}", 0, /not a slot name/],
    ["{a.b}", 0, /not a slot name/],
  ])("%j is rejected at offset %i", (source, offset, message) => {
    const error = templateError(source);
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(message);
  });

  it("formats money and numbers with {slot:format}", () => {
    const values = { balance: 52310, amount: 1500.5, text: "12500", name: "Ana", none: null };
    expect(renderTemplate("{balance:money} {amount:money} {amount:number}", values)).toBe(
      "52,310.00 1,500.50 1,500.5",
    );
    expect(renderTemplate("{text:money}|{name:money}|{none:money}", values)).toBe("12,500.00|Ana|");
    expect(renderTemplate("{balance:money} {amount:money}", values, { language: "es" })).toBe(
      "52.310,00 1500,50",
    );
    expect(templateSlots("{balance:money} and {balance}")).toEqual(["balance"]);
  });

  it("rejects an unknown format, naming the known ones", () => {
    const error = templateError("Balance: {balance:euros}");
    expect(error.offset).toBe(9);
    expect(error.message).toMatch(/unknown format 'euros'; known formats: money, number, voice/);
  });

  it("reads the user's words back in the assistant's voice with {slot:voice}", () => {
    const values = { who: "my landlord", boss: "My boss", name: "Ana", n: 12.5, es: "mi madre" };
    expect(renderTemplate("What is {who:voice}'s IBAN?", values)).toBe(
      "What is your landlord's IBAN?",
    );
    expect(renderTemplate("{boss:voice}|{name:voice}|{n:voice}", values)).toBe(
      "Your boss|Ana|12.50",
    );
    // Only the domain's language is swapped: "mi" is a word of Spanish domains.
    expect(renderTemplate("{es:voice}", values)).toBe("mi madre");
    expect(renderTemplate("{es:voice}", values, { language: "es" })).toBe("tu madre");
    // "myth" is not "my".
    expect(renderTemplate("{x:voice}", { x: "myth of my dog" })).toBe("myth of your dog");
  });

  it("applies a slot's default format when the template names none", () => {
    const formats = { amount: "money", who: "voice" } as const;
    expect(
      renderTemplate(
        "{amount} to {who}, {amount:number}",
        { amount: 1600, who: "my sister" },
        { formats },
      ),
    ).toBe("1,600.00 to your sister, 1,600");
  });
});

describe("choice values in messages", () => {
  const boat = choiceWords({
    choices: ["rib", "sail_boat", "motor_yacht", 3],
    choice_labels: { rib: "RIB", motor_yacht: "motor yacht (with skipper)" },
  });
  const choices = { boat: boat!, gear: choiceWords({ choices: ["life_vest", "cool_box"] })! };

  it("reads a choice id as its label, else as its words (underscores as spaces)", () => {
    expect(renderTemplate("A {boat} for you.", { boat: "rib" }, { choices })).toBe(
      "A RIB for you.",
    );
    expect(renderTemplate("{boat}", { boat: "sail_boat" }, { choices })).toBe("sail boat");
    expect(renderTemplate("{boat}", { boat: "motor_yacht" }, { choices })).toBe(
      "motor yacht (with skipper)",
    );
  });

  it("reads a list item by item", () => {
    expect(renderTemplate("With {gear}.", { gear: ["life_vest", "cool_box"] }, { choices })).toBe(
      "With life vest and cool box.",
    );
    expect(choiceLabel(["rib", "sail_boat"], boat)).toEqual(["RIB", "sail boat"]);
  });

  it("leaves values that are none of the choices, and slots without choices, as they are", () => {
    expect(renderTemplate("{boat}", { boat: "my_own_boat" }, { choices })).toBe("my_own_boat");
    expect(renderTemplate("{boat}", { boat: 3 }, { choices })).toBe("3");
    expect(renderTemplate("{note}", { note: "snake_case" }, { choices })).toBe("snake_case");
    expect(renderTemplate("{boat}", { boat: "sail_boat" })).toBe("sail_boat");
    expect(choiceWords({ choices: [] })).toBeUndefined();
    expect(choiceWords({})).toBeUndefined();
  });

  it("does not read a label from the object prototype", () => {
    const proto = choiceWords({ choices: ["constructor", "to_string"] });
    expect(choiceLabel("constructor", proto)).toBe("constructor");
    expect(choiceLabel("to_string", proto)).toBe("to string");
  });
});

describe("the date format", () => {
  it("says a calendar date with its weekday, in the domain's language", () => {
    expect(formatValue("2027-04-27", {}, "date")).toBe("Tuesday 27 April");
    expect(formatValue("2027-04-27", { language: "es" }, "date")).toBe("martes 27 de abril");
    expect(formatValue("2028-01-01", { language: "es" }, "date")).toBe("sábado 1 de enero");
  });

  it("leaves what is no calendar date as it is", () => {
    expect(formatValue("next week", {}, "date")).toBe("next week");
    expect(formatValue("2027-02-30", {}, "date")).toBe("2027-02-30");
    expect(formatValue(null, {}, "date")).toBe("");
  });
});
