import { describe, expect, it } from "vitest";
import { DomainLoadError, type DomainProblem } from "../../src/config/errors.ts";
import { loadDomainFromText } from "../../src/config/loader.ts";

/** Shared declarations (lines 1-14); each test appends flows from line 15 on. */
const DECLARATIONS = `slots:
  amount:
    type: float
    prompt: "How much?"
  kind:
    choices: [gas, water]
    prompt: "Which bill?"
  ok:
    type: boolean
actions:
  pay:
    inputs: [amount]
    outputs: [receipt]
flows:
`;

/**
 * Every problem as `line:col severity message`. The shared declarations are not collected by
 * every test's flows: the warning about slots no flow collects is left out unless `all`.
 */
async function problems(
  flows: string,
  declarations = DECLARATIONS,
  all = false,
): Promise<string[]> {
  const show = (p: DomainProblem) => `${p.line}:${p.column} ${p.severity} ${p.message}`;
  try {
    const loaded = await loadDomainFromText(declarations + flows, "d.yaml");
    return (loaded.warnings ?? [])
      .filter((p) => all || p.code !== "slot-never-collected")
      .map(show);
  } catch (error) {
    if (!(error instanceof DomainLoadError)) throw error;
    return error.problems.map(show);
  }
}

describe("semantic validation", () => {
  it("accepts a correct flow", async () => {
    expect(
      await problems(`  pay_bill:
    steps:
      - step: ask_kind
        type: collect
        slot: kind
      - step: route
        type: branch
        slot: kind
        cases:
          gas: ask_amount
        default: end
      - step: ask_amount
        type: collect
        slot: amount
        condition: "amount is null or amount <= 0"
      - step: confirm
        type: confirm
        slot: ok
        message: "Pay {amount} for {kind}?"
        on_deny: end
      - step: do_pay
        type: action
        action: pay
`),
    ).toEqual([]);
  });

  it("reports undefined slots, actions and flows with a hint", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: collect
        slot: amont
      - step: b
        type: action
        action: payy
      - step: c
        type: call
        flow: nowhere
`),
    ).toEqual([
      "19:15 error flow 'f', step 'a': slot 'amont' is not defined — did you mean 'amount'? (declare it under slots:)",
      "22:17 error flow 'f', step 'b': action 'payy' is not defined — did you mean 'pay'? (declare it under actions:)",
      "25:15 error flow 'f', step 'c': flow 'nowhere' is not defined (declare it under flows:)",
    ]);
  });

  it("reports jump targets that do not exist", async () => {
    const found = await problems(`  f:
    steps:
      - step: a
        type: confirm
        slot: ok
        message: Sure?
        on_deny: nope
      - step: b
        type: branch
        slot: kind
        cases:
          gas: gone
        default: b_typo
      - step: c
        type: say
        message: hi
        jump_to: cc
`);
    expect(found).toEqual([
      "21:18 error flow 'f', step 'a': 'nope' is not a step of flow 'f' (or use 'end' to finish the flow)",
      "26:16 error flow 'f', step 'b', cases: 'gone' is not a step of flow 'f' (or use 'end' to finish the flow)",
      "27:18 error flow 'f', step 'b': 'b_typo' is not a step of flow 'f' (or use 'end' to finish the flow)",
      "31:18 error flow 'f', step 'c': 'cc' is not a step of flow 'f' — did you mean 'c'? (or use 'end' to finish the flow)",
    ]);
  });

  it("reports duplicate step ids and unreachable steps", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: say
        message: one
        jump_to: end
      - step: a
        type: say
        message: two
      - step: lost
        type: say
        message: three
`),
    ).toEqual([
      "21:15 error flow 'f': duplicate step id 'a' (first defined at line 17); step ids must be unique within a flow",
      "24:15 error flow 'f', step 'lost': unreachable — no step leads here (add a jump_to or branch target, or remove it)",
    ]);
  });

  it("rejects a jump cycle with no step waiting for the user", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: say
        message: again
      - step: b
        type: set
        slots:
          amount: 1
        jump_to: a
`),
    ).toEqual([
      "24:18 error flow 'f', step 'b': steps a -> b form a loop with no step waiting for the user (collect, confirm or call), so it can spin forever; ask the user inside the loop or use a 'while' step with max_iterations",
    ]);
  });

  it("rejects a step that jumps to itself", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: say
        message: again
        jump_to: a
`),
    ).toEqual([
      "20:18 error flow 'f', step 'a': step 'a' leads back to itself with no step waiting for the user (collect, confirm or call), so it can spin forever; ask the user inside the loop or use a 'while' step with max_iterations",
    ]);
  });

  it("accepts a jump cycle that asks the user", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: confirm
        slot: ok
        message: Again?
        on_deny: end
        on_confirm: a
`),
    ).toEqual([]);
  });

  it("warns (only) about a while loop whose body never waits", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: loop
        type: while
        condition: "amount < 10"
        max_iterations: 5
        do:
          - step: inc
            type: set
            slots:
              amount: { expr: "amount + 1" }
      - step: done
        type: say
        message: "{amount}"
`),
    ).toEqual([
      "17:15 warning flow 'f', step 'loop': the loop body never waits for the user, so it can repeat up to max_iterations (5) times in one turn",
    ]);
  });

  it("reports templates naming unknown slots and malformed templates", async () => {
    expect(
      await problems(`  f:
    trigger:
      intents: ["pay {amout}"]
    steps:
      - step: a
        type: say
        message: "Paid {amount} {{literal}} for {kinds}"
      - step: b
        type: say
        message: "Broken {amount"
`),
    ).toEqual([
      "17:17 error flow 'f', trigger.intents.0: template uses {amout}, which is not a declared slot — did you mean 'amount'?",
      "21:18 error flow 'f', step 'a', message: template uses {kinds}, which is not a declared slot — did you mean 'kind'?",
      "24:26 error flow 'f', step 'b', message: invalid template \"Broken {amount\": unclosed '{' (write '{{' for a literal brace)",
    ]);
  });

  it("reports expressions that do not parse, or name unknown slots, at the offending character", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: say
        message: hi
        condition: "amount >> 5"
      - step: b
        type: set
        slots:
          amount: { expr: "amout * 2" }
      - step: c
        type: branch
        if: amount.value > 3
        then: end
`),
    ).toEqual([
      "20:29 error flow 'f', step 'a', condition: invalid expression \"amount >> 5\": expected a value, found '>' (at character 9)",
      "24:27 error flow 'f', step 'b', slots.amount.expr: expression uses 'amout', which is not a declared slot — did you mean 'amount'?",
      "27:19 error flow 'f', step 'c', if: invalid expression \"amount.value > 3\": member access ('.') is not supported: expressions can only name slots (at character 7)",
    ]);
  });

  it("reports action inputs no slot provides, unknown outputs and unprovided inputs", async () => {
    const declarations = DECLARATIONS.replace("inputs: [amount]", "inputs: [amount, iban]");
    expect(
      await problems(
        `  f:
    steps:
      - step: a
        type: action
        action: pay
        map_outputs:
          reciept: amount
`,
        declarations,
      ),
    ).toEqual([
      "12:22 error action 'pay': input 'iban' is not a declared slot, so nothing can provide it",
      "21:11 error flow 'f', step 'a': action 'pay' has no output 'reciept' — did you mean 'receipt'? (declared outputs: receipt)",
    ]);
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: action
        action: pay
`),
    ).toEqual([
      "19:17 warning flow 'f', step 'a': action 'pay' takes 'amount', but flow 'f' never collects, sets or maps it, so it will be null: the DU reads only slots a flow collects (collect it in a step, with a condition if it is only sometimes asked)",
    ]);
  });

  it("warns about a slot with a prompt, aliases or synonyms that no flow collects", async () => {
    const declarations = `slots:
  size:
    choices: [small, big]
    synonyms: { big: [large] }
  colour:
    aliases: [color, shade]
  size_default:
    choices: [small, big]
    aliases: [usual size]
  notes:
    prompt: "Anything to add?"
  total: { type: float, internal: true }
  plain: { type: string }
  wanted: { type: boolean, prompt: "Shall I order it?" }
flows:
`;
    const found = await problems(
      `  order:
    steps:
      - { step: ask_notes, type: collect, slot: notes, condition: "total > 10" }
      - { step: defaults, type: set, slots: { size_default: small, plain: x } }
      - { step: ok, type: confirm, slot: wanted, message: "Order it?" }
`,
      declarations,
      true,
    );
    // size_default gets a default in a set step: the understanding reads it like a collected
    // one. notes is collected (a condition does not matter); internal and bare slots say
    // nothing; a confirm step's slot is answered by yes or no.
    expect(found).toEqual([
      "4:5 warning slot 'size' has synonyms, but no flow collects it, so the DU never reads its value from a message (an action taking it as input gets null); collect it in a step of the flows that need it, with a condition if it is only sometimes asked",
      "6:5 warning slot 'colour' has aliases, but no flow collects it, so the DU never reads its value from a message (an action taking it as input gets null); collect it in a step of the flows that need it, with a condition if it is only sometimes asked",
    ]);
  });

  it("rejects choice_labels for ids that are none of the slot's choices, or without choices", async () => {
    const declarations = `slots:
  boat:
    choices: [rib, sail_boat]
    choice_labels: { rib: RIB, sailboat: sail boat }
    prompt: "Which boat?"
  skipper:
    choice_labels: { yes: with skipper }
    prompt: "Who sails it?"
flows:
`;
    const found = await problems(
      `  rent:
    steps:
      - { step: ask_boat, type: collect, slot: boat }
      - { step: ask_skipper, type: collect, slot: skipper }
`,
      declarations,
    );
    expect(found).toEqual([
      "4:32 error slot 'boat': a label given for 'sailboat', which is not one of its choices — did you mean 'sail_boat'?",
      "7:22 error slot 'skipper': choice_labels name how choices read, but the slot has no choices (add choices: or remove choice_labels)",
    ]);
  });

  it("reports slot choices that do not match the slot's type", async () => {
    const declarations = DECLARATIONS.replace(
      "type: boolean",
      "type: boolean\n  count:\n    type: integer\n    choices: [1, 2.5, two]",
    );
    const found = await problems(
      "  f:\n    steps:\n      - step: a\n        type: say\n        message: hi\n",
      declarations,
    );
    expect(found).toEqual([
      "12:18 error slot 'count': choice 2.5 does not match the slot's type 'integer'",
      "12:23 error slot 'count': choice \"two\" does not match the slot's type 'integer'",
    ]);
  });

  it("reports malformed branches and case values outside the slot's choices", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: branch
        default: b
      - step: b
        type: branch
        slot: kind
        cases:
          gass: end
        if: "amount > 1"
        then: end
`),
    ).toEqual([
      "17:9 error flow 'f', step 'a': a branch needs 'slot' + 'cases' or 'if' + 'then'",
      "20:9 error flow 'f', step 'b': a branch routes either on a slot (slot + cases) or on a condition (if + then), not both",
      "24:11 error flow 'f', step 'b': case 'gass' is not one of slot 'kind' choices (gas, water) — did you mean 'gas'?",
    ]);
  });

  it("requires a boolean slot for confirm steps", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: confirm
        slot: amount
        message: Sure?
`),
    ).toEqual([
      "19:15 error flow 'f', step 'a': a confirm step stores the yes/no answer, so slot 'amount' must be of type boolean (it is 'float')",
    ]);
  });

  it("reports schema errors at the key, with the nearest valid key or type", async () => {
    expect(
      await problems(`  f:
    steps:
      - step: a
        type: sai
        mesage: hi
      - step: b
        type: say
        mesage: hi
`),
    ).toEqual([
      "18:15 error flow 'f', step 'a': unknown step type 'sai' — did you mean 'say'? (step types: say, collect, action, branch, confirm, set, while, link, call)",
      "20:9 error flow 'f', step 'b': missing required key 'message'",
      "22:9 error flow 'f', step 'b': unknown key 'mesage' — did you mean 'message'?",
    ]);
  });

  it("rejects names that shadow built-in object properties", async () => {
    const found = await problems(
      "  f:\n    steps:\n      - step: a\n        type: say\n        message: hi\n",
      DECLARATIONS.replace("  ok:\n", "  constructor:\n    type: string\n  ok:\n"),
    );
    expect(found).toEqual([
      "8:3 error 'constructor' is a reserved name (a built-in object property); choose another name",
    ]);
  });
});

describe("declared slot kinds", () => {
  const flow = `flows:
  f:
    steps:
      - step: s
        type: say
        message: hi
`;
  const kinds = async (slots: string) => {
    try {
      const loaded = await loadDomainFromText(`slots:\n${slots}${flow}`, "d.yaml");
      return (loaded.warnings ?? [])
        .filter((p) => p.code !== "slot-never-collected")
        .map((p) => `${p.severity} ${p.code ?? "-"} ${p.message}`);
    } catch (error) {
      if (!(error instanceof DomainLoadError)) throw error;
      return error.problems.map((p) => `${p.severity} ${p.code ?? "-"} ${p.message}`);
    }
  };

  it("warns, with a machine code, when a prompt suggests a kind the slot does not declare", async () => {
    const found = await kinds(`  arrival:\n    prompt: "When do you arrive?"\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^warning slot-kind-undeclared slot 'arrival': the prompt suggests a date/,
    );
    expect(await kinds(`  arrival:\n    type: date\n    prompt: "When do you arrive?"\n`)).toEqual(
      [],
    );
  });

  it("takes a day of the month for a number, not a date", async () => {
    expect(
      await kinds(
        `  renew_on:\n    type: integer\n    prompt: "On which day of the month should it renew?"\n`,
      ),
    ).toEqual([]);
    const found = await kinds(`  renew_on:\n    prompt: "Which day of the month?"\n`);
    expect(found.join("\n")).not.toMatch(/suggests a date/);
  });

  it("suggests extract: time for a prompt that asks the time", async () => {
    const found = await kinds(`  hour:\n    prompt: "¿A qué hora te viene bien?"\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^warning slot-kind-undeclared slot 'hour': the prompt suggests a time/,
    );
    expect(found[0]).toMatch(/extract: time/);
    expect(await kinds(`  hour:\n    extract: time\n    prompt: "What time suits you?"\n`)).toEqual(
      [],
    );
  });

  it("rejects a pattern that does not compile, length without digits, choice without choices", async () => {
    const found = await kinds(
      `  ref:\n    extract: pattern\n    pattern: "HB-(\\\\d"\n  pin:\n    length: 4\n  size:\n    extract: choice\n  items:\n    extract: list\n`,
    );
    expect(found.join("\n")).toMatch(/slot 'ref': pattern is not a valid regular expression/);
    expect(found.join("\n")).toMatch(/slot 'pin': 'length' is only read with extract: digits/);
    expect(found.join("\n")).toMatch(/slot 'size': extract: choice needs 'choices'/);
    expect(found.join("\n")).toMatch(/slot 'items': extract: list needs type: list/);
  });
});

describe("lease timing", () => {
  const FLOW = `  f:
    steps:
      - step: a
        type: say
        message: "hi"
`;
  const withSettings = (persistence: string) =>
    `settings:\n  persistence:\n${persistence}\n${DECLARATIONS}${FLOW}`;

  it("warns, at the key, when the wait is not longer than the lease's lifetime", async () => {
    expect(await problems("", withSettings("    lease_ttl_ms: 15000"))).toEqual([
      "3:5 warning settings.persistence: lease_wait_ms (10000) is not longer than lease_ttl_ms (15000): after a process dies mid-turn, its conversation answers 409 until the lease lapses; make the wait longer than the lifetime",
    ]);
    expect(await problems("", withSettings("    lease_wait_ms: 2000"))).toHaveLength(1);
  });

  it("is quiet with the defaults, a longer wait, or no waiting at all", async () => {
    expect(await problems(FLOW)).toEqual([]);
    expect(await problems("", withSettings("    lease_ttl_ms: 3000"))).toEqual([]);
    expect(await problems("", withSettings("    lease_wait_ms: 0"))).toEqual([]);
  });
});
