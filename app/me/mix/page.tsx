import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getNetworkMix } from "@/db/queries/mix";
import { kindLabel } from "@/lib/labels";
import { loadMe } from "../loader";

export const metadata: Metadata = { title: "My mix" };

export default async function MixPage() {
  const { viewer, zone, now } = await loadMe("/me/mix");
  const mix = await getNetworkMix(viewer.id, zone, now);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">My mix</h1>
        <p className="text-muted">Where your connections have come from over the last four weeks. Spreading them a little means no one place has to carry everything.</p>
      </header>

      {mix.suggestion ? (
        <Card data-testid="mix-suggestion" className="border-brand">
          <h2 className="font-semibold">One gentle idea</h2>
          <p>
            {mix.suggestion.text} <Link className="underline" href={mix.suggestion.href}>Have a look</Link>
          </p>
        </Card>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <h2 className="font-semibold">Groups</h2>
          {mix.byGroup.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-groups">
              {mix.byGroup.map((g) => (
                <li key={g.groupId}>{g.name}: {g.count}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No activities in the last four weeks — that&apos;s all right.</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">Kinds of activity</h2>
          {mix.byKind.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-kinds">
              {mix.byKind.map((k) => (
                <li key={k.kind}>{kindLabel[k.kind]}: {k.count}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">Nothing to show yet.</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">Familiar faces</h2>
          {mix.repeatPeople.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-people">
              {mix.repeatPeople.map((p) => (
                <li key={p.userId}>{p.name} · {p.sharedActivities} activities together</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">People you see at two or more activities (who chose to be listed) appear here.</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">Check-in partners</h2>
          {mix.partners.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-partners">
              {mix.partners.map((p) => (
                <li key={p.id}><Link className="underline" href={`/me/partners/${p.id}`}>{p.name}</Link></li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">
              None right now. <Link className="underline" href="/me/partners">About check-in partners</Link>
            </p>
          )}
        </Card>
      </div>
    </div>
  );
}
