/**
 * A valid domain of about `targetBytes` of YAML: many small flows, each asking for its own
 * slot, branching on it and answering. Sized like a large real assistant, not a degenerate body.
 * `broken`: every flow asks for an undeclared slot (one problem per flow to report).
 */
export function largeDomain(targetBytes: number, options: { broken?: boolean } = {}): string {
  const asked = options.broken ? "undeclared" : "value";
  let slots = "";
  let flows = "";
  for (let i = 0; slots.length + flows.length < targetBytes; i++) {
    slots += `  value_${i}:\n    type: string\n    prompt: "Which value do you want for request ${i}?"\n`;
    flows +=
      `  flow_${i}:\n    description: "Request ${i}: asks for a value and repeats it"\n` +
      `    trigger:\n      intents:\n        - "start request ${i} please"\n        - "i want request number ${i}"\n` +
      `    steps:\n      - step: ask\n        type: collect\n        slot: ${asked}_${i}\n` +
      `      - step: check\n        type: branch\n        slot: value_${i}\n        cases:\n          skip: done\n        default: done\n` +
      `      - step: done\n        type: say\n        message: "Request ${i} has {value_${i}}"\n`;
  }
  return `version: "1"\nsettings:\n  du:\n    mode: heuristic\nslots:\n${slots}flows:\n${flows}`;
}
