// The inspector page: a chat with the assistant, the conversation's state after every turn, the
// turn log (commands, DU source and times, steps) and the active flow as a diagram. It only uses
// the public HTTP API (docs/http-api.md), so what it shows is what any client would see.

import { ApiFailure, api, apiKey, setApiKey } from "./api.js";
import { drawFlow } from "./diagram.js";

const USER_STORAGE = "soni.inspector.userId";
const $ = (id) => document.getElementById(id);

const model = {
  userId: "",
  /** @type {Map<string, {name: string, description: string|null, mermaid: string, nodes: Record<string,string>}>} */
  flows: new Map(),
  turns: [],
  /** GET /state's answer: the conversation now. */
  live: null,
  /** The turn number whose state is shown, or null for now. */
  selected: null,
  /** A user message sent and not answered yet. */
  pending: null,
  /** What Retry in the error banner does. */
  retry: null,
};

function newUserId() {
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(36);
  return `inspector-${random}`;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

function ms(value) {
  return typeof value === "number" ? `${Math.round(value * 10) / 10} ms` : "? ms";
}

function formatValue(value) {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

/** `set_slot(amount, 50)`: the command's type and its arguments in order. */
function formatCommand(command) {
  const { type, ...rest } = command;
  const args = Object.entries(rest).map(([key, value]) =>
    key === "value" || typeof value !== "string" ? formatValue(value) : value,
  );
  return `${type}(${args.join(", ")})`;
}

// ---- errors and status -------------------------------------------------------------------------

function showError(error, retry) {
  const message = error instanceof Error ? error.message : String(error);
  $("error-text").textContent = message;
  $("error").hidden = false;
  model.retry = retry ?? null;
  $("error-retry").hidden = !retry;
  const unreachable = error instanceof ApiFailure && error.status === 0;
  setStatus(unreachable ? "Server unreachable" : "Error", unreachable ? "down" : "error");
  if (error instanceof ApiFailure && error.status === 401) {
    openKeyForm();
    $("error-text").textContent = `This server needs its API key: enter it above. (${message})`;
  }
}

function clearError() {
  $("error").hidden = true;
  model.retry = null;
}

function setStatus(text, kind) {
  const status = $("server-status");
  status.textContent = text;
  status.dataset.kind = kind;
}

/** Runs an API action; a failure is shown in the page (and Retry runs the action again). */
async function guarded(action) {
  try {
    await action();
    clearError();
    setStatus(`Connected · ${model.userId}`, "ok");
    return true;
  } catch (error) {
    showError(error, () => guarded(action));
    return false;
  }
}

function openKeyForm() {
  $("key-form").hidden = false;
  $("show-key").setAttribute("aria-expanded", "true");
  $("api-key").value = apiKey();
  $("api-key").focus();
}

// ---- data ---------------------------------------------------------------------------------------

async function loadFlows() {
  const { flows } = await api.graph();
  model.flows = new Map(flows.map((flow) => [flow.name, flow]));
  const select = $("flow-select");
  select.replaceChildren(...flows.map((flow) => el("option", { value: flow.name }, flow.name)));
}

async function loadConversation() {
  const [live, log] = await Promise.all([api.state(model.userId), api.turns(model.userId)]);
  model.live = live;
  model.turns = log.turns;
  if (model.selected !== null && !model.turns.some((t) => t.turn === model.selected)) {
    model.selected = null;
  }
}

async function loadAll() {
  if (model.flows.size === 0) await loadFlows();
  await loadConversation();
  render();
}

/** Sends one message; resolves once the server answered it (the turn is saved). */
async function send(text) {
  model.pending = text;
  model.selected = null;
  renderTranscript();
  $("send").disabled = true;
  try {
    await api.send(model.userId, text);
  } finally {
    model.pending = null;
    $("send").disabled = false;
  }
}

// ---- rendering ----------------------------------------------------------------------------------

function shownState() {
  if (model.selected === null) return model.live;
  const turn = model.turns.find((t) => t.turn === model.selected);
  return turn?.state_after ?? null;
}

function render() {
  renderTranscript();
  renderState();
  renderTurns();
  void renderDiagram();
}

function renderTranscript() {
  const items = [];
  for (const turn of model.turns) {
    items.push(
      el("li", { class: "bubble user", "data-turn": String(turn.turn) }, turn.user_message),
    );
    for (const text of turn.messages) {
      items.push(el("li", { class: "bubble bot", "data-turn": String(turn.turn) }, text));
    }
  }
  if (model.pending !== null) {
    items.push(el("li", { class: "bubble user pending" }, model.pending));
    items.push(
      el("li", { class: "bubble bot typing", "aria-label": "waiting for the reply" }, "…"),
    );
  }
  if (items.length === 0) {
    items.push(el("li", { class: "empty" }, "No messages yet. Say hello below."));
  }
  const transcript = $("transcript");
  transcript.replaceChildren(...items);
  transcript.scrollTop = transcript.scrollHeight;
}

function renderState() {
  const state = shownState();
  const turn = model.selected;
  $("state-when").textContent = turn === null ? "now" : `after turn ${turn}`;
  $("back-to-now").hidden = turn === null;
  $("flow-state").textContent = state?.flow_state ?? "idle";
  $("active-flow").textContent = state?.active_flow ?? "–";
  $("turn-count").textContent = String(state?.turn_count ?? 0);

  const frames = [...(state?.flow_stack ?? [])].reverse();
  $("flow-stack").replaceChildren(
    ...(frames.length === 0
      ? [el("li", { class: "empty" }, "No flow is running.")]
      : frames.map((frame, i) =>
          el(
            "li",
            { class: i === 0 ? "frame top" : "frame" },
            el("span", { class: "flow-name" }, frame.flow),
            " · step ",
            el("code", {}, frame.step ?? "(done)"),
          ),
        )),
  );

  const slots = { ...(state?.slots ?? {}) };
  const waiting = state?.waiting_for_slot ?? null;
  const rows = Object.entries(slots).map(([name, value]) => slotRow(name, value, name === waiting));
  if (waiting && !(waiting in slots)) rows.push(slotRow(waiting, undefined, true));
  if (rows.length === 0) {
    rows.push(el("tr", {}, el("td", { colSpan: 2, class: "empty" }, "No slots filled.")));
  }
  $("slots").tBodies[0].replaceChildren(...rows);
}

function slotRow(name, value, waiting) {
  return el(
    "tr",
    { class: waiting ? "waiting" : "" },
    el("th", { scope: "row" }, name, waiting ? el("span", { class: "tag" }, "asked now") : null),
    el("td", {}, value === undefined ? "–" : formatValue(value)),
  );
}

function renderTurns() {
  const list = $("turns");
  if (model.turns.length === 0) {
    list.replaceChildren(el("li", { class: "empty" }, "No turns yet."));
    return;
  }
  const items = [...model.turns].reverse().map((turn) => {
    const selected = turn.turn === model.selected;
    const steps = `${turn.steps.length} step${turn.steps.length === 1 ? "" : "s"}`;
    const du = turn.du
      ? `${turn.du.source} · DU ${ms(turn.du.latency_ms)} · DM ${ms(turn.dm_ms)} · ${steps}`
      : `DU source not recorded · ${steps}`;
    const button = el(
      "button",
      { type: "button", class: "turn-button", "data-turn": String(turn.turn) },
      el("span", { class: "turn-no" }, `#${turn.turn}`),
      el("span", { class: "turn-text" }, turn.user_message),
      el("span", { class: "turn-time" }, new Date(turn.at).toLocaleTimeString()),
    );
    button.setAttribute("aria-pressed", String(selected));
    button.addEventListener("click", () => selectTurn(selected ? null : turn.turn));
    const commands =
      turn.commands.length === 0
        ? el("li", { class: "empty" }, "no commands (not understood)")
        : turn.commands.map((command) => el("li", {}, el("code", {}, formatCommand(command))));
    const details = [
      el("p", { class: "turn-meta" }, du),
      el("ul", { class: "commands", "aria-label": "Commands" }, ...[commands].flat()),
    ];
    if (selected) {
      details.push(
        el("h4", {}, "Steps run"),
        el(
          "ol",
          { class: "steps" },
          ...(turn.steps.length === 0
            ? [el("li", { class: "empty" }, "none")]
            : turn.steps.map((step) =>
                el(
                  "li",
                  {},
                  el("code", {}, `${step.flow}/${step.step}`),
                  ` ${step.type}`,
                  step.note ? el("em", {}, ` — ${step.note}`) : null,
                ),
              )),
        ),
        el("h4", {}, "Replies"),
        el("ul", { class: "replies" }, ...turn.messages.map((text) => el("li", {}, text))),
      );
    }
    return el("li", { class: selected ? "turn selected" : "turn" }, button, ...details);
  });
  list.replaceChildren(...items);
}

let diagramToken = 0;

async function renderDiagram(flowName) {
  const state = shownState();
  const top = state?.flow_stack?.at(-1) ?? null;
  const select = $("flow-select");
  const name = flowName ?? top?.flow ?? select.value ?? model.flows.keys().next().value;
  const flow = model.flows.get(name);
  if (!flow) return;
  select.value = name;
  const activeStep = top && top.flow === name ? top.step : null;
  $("diagram-caption").textContent = activeStep
    ? `${name}: the conversation is at step ${activeStep} (highlighted).`
    : `${name}${flow.description ? ` — ${flow.description}` : ""}`;
  const token = ++diagramToken;
  const scratch = document.createElement("div");
  try {
    await drawFlow(scratch, flow, activeStep);
  } catch (error) {
    showError(error);
    return;
  }
  if (token !== diagramToken) return; // a newer drawing started meanwhile
  const target = $("diagram");
  target.replaceChildren(...scratch.childNodes);
  target.dataset.flow = scratch.dataset.flow;
  target.dataset.activeStep = scratch.dataset.activeStep;
  scrollToActive(target);
}

/** Brings the highlighted step into the middle of the diagram's own scroll area. */
function scrollToActive(canvas) {
  const node = canvas.querySelector("g.node.active");
  if (!node) {
    canvas.scrollTop = 0;
    return;
  }
  const box = node.getBoundingClientRect();
  const view = canvas.getBoundingClientRect();
  canvas.scrollTop += box.top - view.top - (canvas.clientHeight - box.height) / 2;
}

function selectTurn(turn) {
  model.selected = turn;
  renderState();
  renderTurns();
  void renderDiagram();
  const button = document.querySelector(`#turns button[data-turn="${turn}"]`);
  if (button) button.focus();
  else $("message").focus();
}

// ---- wiring -------------------------------------------------------------------------------------

function openConversation(userId) {
  model.userId = userId;
  model.turns = [];
  model.live = null;
  model.selected = null;
  sessionStorage.setItem(USER_STORAGE, userId);
  $("user-id").value = userId;
  render();
  return guarded(loadAll);
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("message");
  const text = input.value.trim();
  if (!text || model.pending !== null) return;
  input.value = "";
  // Retry after a failure sends the message again only if it never reached the server.
  let delivered = false;
  const turn = async () => {
    if (!delivered) {
      try {
        await send(text);
      } finally {
        render();
      }
      delivered = true;
      if (input.value === text) input.value = ""; // sent by Retry after all
    }
    await loadConversation();
    render();
  };
  void guarded(turn).then((ok) => {
    if (!ok && !delivered && !input.value) input.value = text; // an unsent message is kept
    input.focus();
  });
});

$("session").addEventListener("submit", (event) => {
  event.preventDefault();
  const userId = $("user-id").value.trim();
  if (userId) void openConversation(userId);
});

$("new-conversation").addEventListener("click", () => {
  void openConversation(newUserId()).then(() => $("message").focus());
});

$("show-key").addEventListener("click", () => {
  if ($("key-form").hidden) openKeyForm();
  else {
    $("key-form").hidden = true;
    $("show-key").setAttribute("aria-expanded", "false");
  }
});

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  setApiKey($("api-key").value.trim());
  $("key-form").hidden = true;
  $("show-key").setAttribute("aria-expanded", "false");
  void guarded(loadAll);
});

$("clear-key").addEventListener("click", () => {
  setApiKey("");
  $("api-key").value = "";
});

$("error-retry").addEventListener("click", () => model.retry?.());
$("error-dismiss").addEventListener("click", clearError);
$("back-to-now").addEventListener("click", () => selectTurn(null));
$("flow-select").addEventListener("change", (event) => void renderDiagram(event.target.value));

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && model.selected !== null) selectTurn(null);
});

void openConversation(sessionStorage.getItem(USER_STORAGE) || newUserId());
