import type { Metadata } from "next";
import { CrisisLineList } from "./_components/crisis-line-list";
import { Markdown } from "@/components/markdown";
import { Card } from "@/components/ui/card";
import { helpContent } from "@/lib/help";

// The crisis lines are configuration read at request time, never baked in at build.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Help and crisis lines" };

export default function HelpPage() {
  const { intro, crisisLines } = helpContent();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Help and crisis lines</h1>
      <p className="text-lg">{intro}</p>
      <Card data-testid="crisis-lines">
        <h2 className="mb-2 text-lg font-semibold">If you need someone now</h2>
        {crisisLines.kind === "list" ? <CrisisLineList region={crisisLines.region} lines={crisisLines.lines} /> : <Markdown source={crisisLines.source} allowPhoneLinks />}
      </Card>
      <p className="text-muted">
        Something on Common Thread worrying you? Activities, projects, comments, groups and members can be reported from the quiet &ldquo;Report&rdquo; link on each: the
        group&apos;s organizers or the hub&apos;s admins look at it, you hear what they decided, and no one is told who reported. You can also block a member from
        their page, so neither of you sees the other.
      </p>
    </div>
  );
}
