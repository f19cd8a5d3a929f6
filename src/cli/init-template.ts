/**
 * The files `soni init` writes: a small working assistant (two flows, a slot with choices, an
 * action, a confirmation) with passing conversation tests. `soniVersion` is the installed
 * package's, so the project depends on what it was made with.
 */
export function initTemplate(name: string, soniVersion: string): Record<string, string> {
  return {
    "package.json": `${JSON.stringify(
      {
        name,
        version: "0.1.0",
        private: true,
        type: "module",
        scripts: {
          start: "soni server",
          test: "soni test",
          validate: "soni validate",
          chat: "soni chat",
          typecheck: "tsc --noEmit",
        },
        dependencies: { soni: `^${soniVersion}` },
        devDependencies: { "@types/node": "^20.19.0", typescript: "~5.9.3" },
        // npm runs dependencies' install scripts only when approved: better-sqlite3 builds the
        // SQLite store, esbuild installs its binary (it compiles handlers.ts).
        allowScripts: { "better-sqlite3": true, esbuild: true },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          types: ["node"],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: true,
        },
        include: ["*.ts"],
      },
      null,
      2,
    )}\n`,
    ".gitignore": "node_modules/\nsoni.db*\n",
    "soni.yaml": SONI_YAML,
    "handlers.ts": HANDLERS_TS,
    "tests/coffee.yaml": TESTS_YAML,
    "README.md": README(name),
  };
}

const SONI_YAML = `# The assistant: settings, slots, actions and flows (the DSL is in soni's docs/dsl.md).
version: "1"

settings:
  language: en
  handlers: handlers.ts
  # No persistence backend: \`soni server\` keeps conversations in soni.db (SQLite),
  # \`soni chat\` and \`soni test\` in memory.

slots:
  drink:
    type: string
    prompt: "What would you like: espresso, latte or tea?"
    choices: [espresso, latte, tea]
  size:
    type: string
    prompt: "Which size: small, medium or large?"
    choices: [small, medium, large]
  order_confirmed:
    type: boolean
  order_number:
    type: string
    internal: true

actions:
  place_order:
    description: "Sends the order to the counter"
    inputs: [drink, size]
    outputs: [order_number]

flows:
  order_drink:
    description: "Order a drink"
    trigger:
      intents:
        - I would like a {drink}
        - order a {size} {drink}
        - can I get a drink
    steps:
      - step: ask_drink
        type: collect
        slot: drink
      - step: ask_size
        type: collect
        slot: size
      - step: confirm_order
        type: confirm
        slot: order_confirmed
        message: "A {size} {drink}. Shall I place the order?"
        on_deny: cancelled
      - step: place
        type: action
        action: place_order
      - step: done
        type: say
        message: "Order {order_number} is on its way."
        jump_to: end
      - step: cancelled
        type: say
        message: "No problem, nothing was ordered."

  opening_hours:
    description: "Tell the opening hours"
    trigger:
      intents:
        - when are you open
        - opening hours
    steps:
      - step: tell
        type: say
        message: "We are open every day from 7am to 7pm."
`;

const HANDLERS_TS = `// The code behind the actions of soni.yaml (soni's docs/handlers.md).
import { defineHandlers } from "soni";

let orders = 0;

export default defineHandlers({
  actions: {
    place_order: ({ drink, size }, ctx) => {
      orders += 1;
      ctx.logger.info({ drink, size }, "order placed");
      return { order_number: \`A-\${String(orders).padStart(3, "0")}\` };
    },
  },
});
`;

const TESTS_YAML = `# Conversation tests: \`npm test\` (soni test) runs every file in tests/.
tests:
  - name: ordering a drink
    steps:
      - user: I would like a latte
        bot_contains: "Which size"
        expect:
          active_flow: order_drink
          waiting_for_slot: size
      - user: large
        bot_contains: "A large latte. Shall I place the order?"
      - user: "yes"
        bot_contains: "is on its way"
        expect:
          flow_state: idle

  - name: changing one's mind at the confirmation
    steps:
      - user: order a small tea
        bot_contains: "Shall I place the order?"
      - user: "no"
        bot_contains: "nothing was ordered"
        expect:
          active_flow: null

  - name: opening hours
    steps:
      - user: when are you open?
        bot_contains: "7am to 7pm"
`;

const README = (name: string) => `# ${name}

A task-oriented assistant built with [Soni](https://www.npmjs.com/package/soni).

- \`soni.yaml\` — what the assistant does: slots, actions and flows.
- \`handlers.ts\` — the code behind the actions.
- \`tests/\` — conversation tests in YAML.

\`\`\`sh
npm install
npm run validate      # check soni.yaml and handlers.ts
npm test              # run the conversation tests
npm run chat          # talk to it in the terminal
npm start             # HTTP server on http://127.0.0.1:8000 (PORT to change)
\`\`\`

Then:

\`\`\`sh
curl -s localhost:8000/message -H 'content-type: application/json' \\
  -d '{"user_id": "ana", "message": "I would like a latte"}'
\`\`\`
`;
