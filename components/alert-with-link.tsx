import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "./ui/alert";

/** How `t.rich` takes a catalog message's `<link>…</link>`. */
export type LinkTag = (chunks: ReactNode) => ReactNode;

/**
 * An error box whose message holds one link (`<link>…</link>` in the catalog), such as "this link has
 * expired: <link>see the activities</link>". The page says its words with `t.rich`; this gives the
 * link its place and look, so every such box reads the same.
 */
export function AlertWithLink({ title, href, testId, body }: { title: string; href: string; testId: string; body: (link: LinkTag) => ReactNode }) {
  return (
    <Alert tone="error" title={title} testId={testId}>
      {body((chunks) => (
        <Link className="underline" href={href}>
          {chunks}
        </Link>
      ))}
    </Alert>
  );
}
