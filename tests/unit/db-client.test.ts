import { afterEach, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";

describe("opening the database", () => {
  const phase = process.env.NEXT_PHASE;
  afterEach(() => {
    if (phase === undefined) delete process.env.NEXT_PHASE;
    else process.env.NEXT_PHASE = phase;
  });

  it("is refused while Next builds, so build workers can never open the embedded folder", () => {
    process.env.NEXT_PHASE = "phase-production-build";
    expect(() => getDbHandle()).toThrow(/never opened while building/);
  });
});
