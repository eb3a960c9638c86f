import { describe, expect, it } from "vitest";
import { possessive } from "@/lib/possessive";

describe("a name's possessive", () => {
  it("adds 's to a name that does not end in s", () => {
    expect(possessive("Millbrook Walking Group")).toBe("Millbrook Walking Group's");
    expect(possessive("Robin")).toBe("Robin's");
  });

  it("adds the apostrophe alone to a name ending in s, in either case", () => {
    expect(possessive("Riverside Gardeners")).toBe("Riverside Gardeners'");
    expect(possessive("Sunday Sketchers")).toBe("Sunday Sketchers'");
    expect(possessive("FRIENDS OF THE PARKS")).toBe("FRIENDS OF THE PARKS'");
  });

  it("leaves a name that already ends in an apostrophe, and drops stray spaces", () => {
    expect(possessive("The Walkers'")).toBe("The Walkers'");
    expect(possessive("  Riverside Gardeners  ")).toBe("Riverside Gardeners'");
  });
});
