// Draws one flow with the bundled Mermaid (served by the Soni server, never a CDN) and marks the
// step the conversation is on by adding a class to that node in the Mermaid text.

const ACTIVE_STYLE = "fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#111";
let renders = 0;

function mermaidLib() {
  const lib = globalThis.mermaid;
  if (!lib)
    throw new Error("The diagram renderer did not load (GET /inspector/vendor/mermaid.min.js).");
  if (!mermaidLib.ready) {
    lib.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: "neutral",
      flowchart: { useMaxWidth: true, htmlLabels: false },
    });
    mermaidLib.ready = true;
  }
  return lib;
}

/**
 * @param {{ name: string, mermaid: string, nodes: Record<string, string> }} flow
 * @param {string | null} activeStep
 */
export function diagramText(flow, activeStep) {
  const node = activeStep ? flow.nodes[activeStep] : undefined;
  if (!node) return flow.mermaid;
  return `${flow.mermaid}\n  classDef active ${ACTIVE_STYLE}\n  class ${node} active`;
}

/**
 * @param {HTMLElement} target
 * @param {{ name: string, mermaid: string, nodes: Record<string, string> }} flow
 * @param {string | null} activeStep
 */
export async function drawFlow(target, flow, activeStep) {
  renders += 1;
  const id = `flow-svg-${renders}`;
  const { svg } = await mermaidLib().render(id, diagramText(flow, activeStep));
  target.innerHTML = svg;
  target.dataset.flow = flow.name;
  target.dataset.activeStep = activeStep ?? "";
}
