import type { SlotDefinition, SlotExtract } from "./schema.ts";

/**
 * How the offline DU reads a slot's value: its declared `extract`, else what its `type` says
 * (docs/dsl.md, "Slot kinds"). Never guessed from the slot's name.
 */
export function slotExtract(slot: SlotDefinition): SlotExtract {
  if (slot.extract) return slot.extract;
  switch (slot.type) {
    case "integer":
    case "float":
      return "number";
    case "date":
      return "date";
    case "boolean":
      return "yes_no";
    case "list":
      return "list";
    default:
      return slot.choices?.length ? "choice" : "free_text";
  }
}
