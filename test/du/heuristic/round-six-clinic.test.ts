import { beforeAll, describe, expect, it } from "vitest";
import { exampleReader, slotsOf } from "../helpers.ts";

/**
 * What a first message says in the sixth round's wordings: a name said bare, after the verb
 * or as a detail of its own in a list.
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
