import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/catalog";
import { accusingOpening } from "@/lib/kind-words";

describe("the kind-words prompt", () => {
  it("notices a comment that opens by pointing at someone", () => {
    expect(accusingOpening("You never reply to messages")).toBe("You never");
    expect(accusingOpening("you always change the time")).toBe("you always");
    expect(accusingOpening("  **You people** forget the tools")).toBe("You people");
    expect(accusingOpening("Why do you always start late?")).toBe("Why do you always");
    expect(accusingOpening("> you never\nquoted")).toBe("you never");
  });

  it("notices the same openings in Spanish, accented or not", () => {
    expect(accusingOpening("Tú siempre cambias la hora")).toBe("Tú siempre");
    expect(accusingOpening("tu nunca contestas")).toBe("tu nunca");
    expect(accusingOpening("Siempre haces lo mismo")).toBe("Siempre haces");
    expect(accusingOpening("nunca haces caso")).toBe("nunca haces");
    expect(accusingOpening("Ustedes siempre llegan tarde")).toBe("Ustedes siempre");
    expect(accusingOpening("¿Por qué siempre empiezan tarde?")).toBe("Por qué siempre");
    expect(accusingOpening("¡Tú nunca avisas!")).toBe("Tú nunca");
  });

  it("leaves other openings alone, including the same words later on", () => {
    expect(accusingOpening("I feel left out when you never reply")).toBeNull();
    expect(accusingOpening("Your garden looks lovely")).toBeNull();
    expect(accusingOpening("Young people welcome?")).toBeNull();
    expect(accusingOpening("You nevertheless came")).toBeNull();
    expect(accusingOpening("")).toBeNull();
    expect(accusingOpening("Me siento fuera cuando tú nunca contestas")).toBeNull();
    expect(accusingOpening("Siempre hace sol en el huerto")).toBeNull();
    expect(accusingOpening("Tú siempres")).toBeNull();
    expect(accusingOpening("Ustedes son geniales")).toBeNull();
  });

  it("offers an I-statement shape, naming the opening it noticed, in the reader's language", () => {
    const text = translator("en", "client-groups.comments.kindWords")("suggestion", { found: "You never" });
    expect(text).toContain("“You never”");
    expect(text).toContain("I feel … when … ; could we …?");
    expect(text).toContain("post it as it is");
    const spanish = translator("es", "client-groups.comments.kindWords")("suggestion", { found: "Tú nunca" });
    expect(spanish).toContain("«Tú nunca»");
    expect(spanish).toContain("Me siento");
    expect(spanish).not.toContain("I feel");
  });
});
