import { describe, expect, it } from "vitest";
import { accusingOpening, kindWordsSuggestion } from "@/lib/kind-words";

describe("the kind-words prompt", () => {
  it("notices a comment that opens by pointing at someone", () => {
    expect(accusingOpening("You never reply to messages")).toBe("You never");
    expect(accusingOpening("you always change the time")).toBe("you always");
    expect(accusingOpening("  **You people** forget the tools")).toBe("You people");
    expect(accusingOpening("Why do you always start late?")).toBe("Why do you always");
    expect(accusingOpening("> you never\nquoted")).toBe("you never");
  });

  it("leaves other openings alone, including the same words later on", () => {
    expect(accusingOpening("I feel left out when you never reply")).toBeNull();
    expect(accusingOpening("Your garden looks lovely")).toBeNull();
    expect(accusingOpening("Young people welcome?")).toBeNull();
    expect(accusingOpening("You nevertheless came")).toBeNull();
    expect(accusingOpening("")).toBeNull();
  });

  it("offers an I-statement shape, naming the opening it noticed", () => {
    const text = kindWordsSuggestion("You never");
    expect(text).toContain("“You never”");
    expect(text).toContain("I feel … when … ; could we …?");
    expect(text).toContain("post it as it is");
  });
});
