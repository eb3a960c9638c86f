import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/*
 * Markdown from members, rendered safely: raw HTML is dropped (skipHtml), link targets
 * pass react-markdown's URL filter (no javascript: links), and images are not loaded
 * (a remote image would tell its host who read the page); their alt text is shown.
 */
// Only the hub's own text (the crisis lines) may link to a phone: a member's tel: link could dial a premium number.
const phoneLinks = (url: string) => (/^(tel|sms):[+0-9]/i.test(url) ? url : defaultUrlTransform(url));

export function Markdown({ source, className, allowPhoneLinks = false }: { source: string; className?: string; allowPhoneLinks?: boolean }) {
  return (
    <div className={className ? `prose-body ${className}` : "prose-body"}>
      <ReactMarkdown
        skipHtml
        urlTransform={allowPhoneLinks ? phoneLinks : defaultUrlTransform}
        components={{
          img: ({ alt }) => <span>{alt ? `[image: ${alt}]` : ""}</span>,
          // A link whose target the URL filter blocked (javascript:, data:…) is left as its words.
          a: ({ href, children }) =>
            href ? (
              <a href={href} rel="nofollow noopener noreferrer ugc">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
          h1: ({ children }) => <h2>{children}</h2>,
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
