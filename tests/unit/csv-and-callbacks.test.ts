import { describe, expect, it } from "vitest";
import { toCsv } from "@/app/activities/[id]/organize/csv";
import { safeCallbackUrl } from "@/lib/validation/auth";

describe("the attendee CSV", () => {
  const cellOf = (name: string) => toCsv(["name"], [[name]]).split("\r\n")[1];

  it("keeps any cell a spreadsheet would run as a formula from running, behind separators and spaces too", () => {
    for (const name of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", ";=1+1", ",=1+1", " =1+1", ";;@x", "| +cmd", " ;-2", "\n=1"]) {
      const cell = cellOf(name);
      // Whatever quoting follows, the first character the spreadsheet reads is the apostrophe.
      expect(cell.replace(/^"/, ""), JSON.stringify(name)).toMatch(/^'/);
    }
  });

  it("leaves ordinary names as they are", () => {
    for (const name of ["Sam Member", "Zoë", "O'Neil", "Anne-Marie", "a=b", "100% there"]) expect(cellOf(name).replace(/^"|"$/g, "").replaceAll('""', '"')).toBe(name);
  });
});

describe("the place to return to after signing in", () => {
  it("refuses control characters, which would break the redirect header", () => {
    for (const bad of ["/activities\n", "/a\r\nSet-Cookie: x=1", "/\u0000", "/a\tb", "/x\u007f", "/x\u0085y"]) expect(safeCallbackUrl(bad), JSON.stringify(bad)).toBe("/");
  });

  it("keeps same-site paths and percent-encodes what a header cannot carry", () => {
    expect(safeCallbackUrl("/activities?kind=walk&page=2")).toBe("/activities?kind=walk&page=2");
    expect(safeCallbackUrl("/activities?q=café")).toBe("/activities?q=caf%C3%A9");
    expect(safeCallbackUrl("/activities?q=\ud800")).toBe("/");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", 42, null]) expect(safeCallbackUrl(bad)).toBe("/");
  });
});
