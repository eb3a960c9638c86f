import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("descriptions in Markdown", () => {
  it("shows a blocked javascript: link as its plain words, not as an empty link", () => {
    const html = render("Read [the rules](javascript:alert(1)) first.");
    expect(html).toContain("the rules");
    expect(html).not.toContain("<a");
    expect(html).not.toContain("javascript");
  });

  it("keeps ordinary links as links", () => {
    const html = render("See [the map](https://example.org/map).");
    expect(html).toContain('<a href="https://example.org/map" rel="nofollow noopener noreferrer ugc">the map</a>');
  });
});
