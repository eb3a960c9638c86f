import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { listPartnerships, listPeopleToInvite } from "@/db/queries/partners";
import { periodWords, rhythmWords } from "@/lib/connection/rhythm";
import { formatDay } from "@/lib/dates";
import { loadMe } from "../loader";
import { createInviteLinkAction, invitePersonAction } from "./actions";
import { ChangeButton } from "./_components/change-button";
import { RhythmFields } from "./_components/rhythm-fields";

export const metadata: Metadata = { title: "Check-in partners" };

export default async function PartnersPage() {
  const { viewer, zone, now } = await loadMe("/me/partners");
  const [all, people] = await Promise.all([listPartnerships(viewer.id, now), listPeopleToInvite(viewer.id)]);
  const current = all.filter((p) => p.status === "active" || p.status === "paused");
  const waitingForMe = all.filter((p) => p.status === "invited" && !p.iInvited);
  const mySent = all.filter((p) => p.status === "invited" && p.iInvited);
  const ended = all.filter((p) => p.status === "ended" && p.acceptedAt);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">Check-in partners</h1>
        <p className="text-muted">Someone you check in with, and who checks in with you. Only the two of you see your check-ins. Either of you can pause or end it at any time, no reason asked.</p>
      </header>

      {waitingForMe.length ? (
        <section aria-labelledby="invites-heading" className="space-y-2">
          <h2 id="invites-heading" className="text-xl font-semibold">Invites for you</h2>
          <ul className="space-y-2" data-testid="invites-for-me">
            {waitingForMe.map((p) => (
              <li key={p.id}>
                <Card className="space-y-2">
                  <p>
                    <strong>{p.partner?.name}</strong> would like to be check-in partners, with {rhythmWords(p.rhythm, p.weeklyDay)}.
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <ChangeButton id={p.id} change="accept" label="Accept" variant="primary" />
                    <ChangeButton id={p.id} change="decline" label="Decline" />
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="current-heading" className="space-y-2">
        <h2 id="current-heading" className="text-xl font-semibold">Your partners</h2>
        {current.length === 0 ? (
          <p className="text-muted" data-testid="no-partners">No check-in partner yet. Invite someone below when it feels right.</p>
        ) : (
          <ul className="space-y-2" data-testid="partners">
            {current.map((p) => (
              <li key={p.id}>
                <Card className="space-y-1" data-testid="partner">
                  <p>
                    <Link className="font-semibold underline" href={`/me/partners/${p.id}`}>{p.partner?.name}</Link>
                    <span className="text-muted"> · {rhythmWords(p.rhythm, p.weeklyDay)}</span>
                  </p>
                  {p.status === "paused" ? <p className="text-sm" data-testid="partner-paused">Paused for now.</p> : null}
                  {p.due ? (
                    <p className="text-sm font-medium" data-testid="check-in-due">
                      A check-in is due {periodWords(p.rhythm)}. <Link className="underline" href={`/me/partners/${p.id}`}>Check in</Link>
                    </p>
                  ) : null}
                  <p className="text-sm text-muted">{p.lastCheckInAt ? `Last check-in ${formatDay(p.lastCheckInAt, zone)}.` : "No check-ins yet."}</p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mySent.length ? (
        <section aria-labelledby="sent-heading" className="space-y-2">
          <h2 id="sent-heading" className="text-xl font-semibold">Invites you&apos;ve made</h2>
          <ul className="space-y-2" data-testid="my-invites">
            {mySent.map((p) => (
              <li key={p.id}>
                <Card className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm">
                    {p.partner ? `To ${p.partner.name}` : "An invite link"}, made {formatDay(p.createdAt, zone)} · {rhythmWords(p.rhythm, p.weeklyDay)} · waiting
                  </p>
                  <ChangeButton id={p.id} change="end" label="Withdraw" variant="ghost" />
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="invite-heading" className="space-y-3">
        <h2 id="invite-heading" className="text-xl font-semibold">Invite someone</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <h3 className="font-semibold">Share an invite link</h3>
            <p className="mb-3 text-sm text-muted">Send it to one person you know; it works once.</p>
            <ActionForm action={createInviteLinkAction} className="space-y-3" testId="invite-link-form">
              <RhythmFields prefix="link" />
              <Button type="submit" data-testid="make-invite-link">Make an invite link</Button>
            </ActionForm>
          </Card>
          <Card>
            <h3 className="font-semibold">Someone you&apos;ve met</h3>
            {people.length === 0 ? (
              <p className="text-sm text-muted" data-testid="nobody-to-invite">People you&apos;ve been to an activity with (who chose to be listed) appear here.</p>
            ) : (
              <ActionForm action={invitePersonAction} className="space-y-3" testId="invite-person-form">
                <Field id="invite-person" label="Who">
                  <Select id="invite-person" name="userId" data-testid="invite-person">
                    {people.map((m) => (
                      <option key={m.userId} value={m.userId}>{m.name}</option>
                    ))}
                  </Select>
                </Field>
                <RhythmFields prefix="person" />
                <Button type="submit">Send an invite</Button>
              </ActionForm>
            )}
          </Card>
        </div>
      </section>

      {ended.length ? (
        <section aria-labelledby="ended-heading" className="space-y-2">
          <h2 id="ended-heading" className="text-xl font-semibold">Earlier partners</h2>
          <ul className="text-sm">
            {ended.map((p) => (
              <li key={p.id}>
                <Link className="underline" href={`/me/partners/${p.id}`}>{p.partner?.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
