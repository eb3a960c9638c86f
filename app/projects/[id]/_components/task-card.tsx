import Link from "next/link";
import { EnergyBadge } from "@/components/activity-badges";
import { Badge } from "@/components/ui/badge";
import { Checkbox, Input, Select } from "@/components/ui/field";
import type { ProjectDetail, TaskView } from "@/db/queries/projects";
import { formatRange } from "@/lib/dates";
import { possessive } from "@/lib/possessive";
import {
  assignTaskAction,
  claimTaskAction,
  markTaskDoneAction,
  releaseTaskAction,
  sendBackTaskAction,
  unassignTaskAction,
  verifyTaskAction,
} from "../actions";
import { TaskActionForm } from "./task-action-form";

const hours = (n: number) => `${Number.isInteger(n) ? n : Number(n.toFixed(2))} ${n === 1 ? "hour" : "hours"}`;
const dueDayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
const dueDay = (day: string) => dueDayFormat.format(new Date(`${day}T12:00:00Z`));

function claimLine(c: TaskView["claims"][number]): string {
  const who = c.name ?? "A member";
  const hoursGiven = c.hours !== null ? ` · ${hours(c.hours)}` : "";
  if (c.isViewer) {
    if (c.status === "claimed") return "You have a place";
    if (c.status === "done") return "You marked your part done — waiting for an organizer to verify it";
    return `Your part is verified${hoursGiven}`;
  }
  if (c.status === "claimed") return `${who} has a place`;
  if (c.status === "done") return `${who} marked their part done — waiting to be verified`;
  return `${who}: verified${hoursGiven}`;
}

/** One task on the board: what it asks, who holds its places, and what the viewer can do. */
export function TaskCard({
  task,
  project,
  viewerId,
  zone,
  members,
}: {
  task: TaskView;
  project: Pick<ProjectDetail, "id" | "status" | "viewer" | "group" | "groupJoinPolicy">;
  viewerId: string | null;
  zone: string;
  members: { id: string; name: string }[];
}) {
  const mine = task.claims.find((c) => c.isViewer);
  const organizer = project.viewer.isOrganizer;
  const open = project.status !== "done";
  const full = task.placesFree === 0;
  const ids = { taskId: task.id };
  const returnTo = `/projects/${project.id}#task-${task.id}`;
  const unclaimed = members.filter((m) => !task.claims.some((c) => c.userId === m.id));
  return (
    <li id={`task-${task.id}`} className="space-y-3 rounded-xl border border-line bg-surface p-4" data-testid="task-card" data-task-title={task.title}>
      <div className="space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold">{task.title}</h3>
          {organizer ? (
            <Link className="text-sm underline" href={`/projects/${project.id}/tasks/${task.id}/edit`} data-testid="task-edit">
              Edit<span className="sr-only"> “{task.title}”</span>
            </Link>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <EnergyBadge level={task.effort} />
          {task.fromHome ? <Badge tone="brand">Can be done from home</Badge> : null}
          {task.estimatedHours !== null ? <Badge>About {hours(task.estimatedHours)}</Badge> : null}
          {task.dueOn ? <Badge>Due {dueDay(task.dueOn)}</Badge> : null}
        </div>
        {task.windowStart && task.windowEnd ? <p className="text-sm">When: {formatRange(task.windowStart, task.windowEnd, zone)}</p> : null}
        {task.description ? <p className="text-sm">{task.description}</p> : null}
      </div>
      <p className="text-sm font-medium" data-testid="task-places" aria-live="polite">
        {task.claimedCount} of {task.placesNeeded} {task.placesNeeded === 1 ? "place" : "places"} taken · {full ? "all places are taken" : `${task.placesFree} free`}
      </p>
      {task.claims.length ? (
        <ul className="space-y-1 text-sm" aria-label={`Who is doing ${task.title}`} aria-live="polite">
          {task.claims.map((c) => (
            <li key={c.userId} className="space-y-2" data-testid="task-claim">
              <p data-testid="task-claim-line">{claimLine(c)}</p>
              {organizer && c.status === "done" ? (
                <div className="flex flex-wrap items-end gap-2">
                  <TaskActionForm action={verifyTaskAction} fields={{ ...ids, userId: c.userId }} label="Verify" variant="primary" testId="task-verify" className="flex flex-wrap items-end gap-2">
                    <label className="space-y-1 text-sm">
                      <span className="block">Hours given</span>
                      <Input name="hours" inputMode="decimal" defaultValue={task.estimatedHours ?? ""} className="w-28" data-testid="task-verify-hours" />
                    </label>
                  </TaskActionForm>
                  <TaskActionForm action={sendBackTaskAction} fields={{ ...ids, userId: c.userId }} label="Send back" variant="ghost" testId="task-send-back" />
                </div>
              ) : null}
              {organizer && c.status === "claimed" && !c.isViewer ? (
                <TaskActionForm action={unassignTaskAction} fields={{ ...ids, userId: c.userId }} label={`Take ${c.name ? possessive(c.name) : "this member's"} place off`} variant="ghost" testId="task-unassign" />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {!viewerId ? (
        full ? null : (
          <Link className="text-sm underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} data-testid="task-sign-in">
            Sign in to claim a place
          </Link>
        )
      ) : mine ? (
        <div className="flex flex-wrap gap-2">
          {mine.status === "claimed" ? <TaskActionForm action={markTaskDoneAction} fields={ids} label="Mark my part done" variant="primary" testId="task-done" /> : null}
          {mine.status !== "verified" ? <TaskActionForm action={releaseTaskAction} fields={ids} label="Give my place back" variant="ghost" testId="task-release" /> : null}
          {mine.status === "verified" ? <p className="text-sm">Verified — thank you for the time you gave.</p> : null}
        </div>
      ) : !open ? null : full ? (
        <p className="text-sm text-muted" data-testid="task-full">All places are taken. Thank you for looking — other tasks may still need people.</p>
      ) : project.viewer.membership === "banned" ? null : project.viewer.membership === "active" ? (
        <TaskActionForm action={claimTaskAction} fields={ids} label="Claim a place" variant="primary" testId="task-claim-button" />
      ) : project.group.visibility === "public" && project.groupJoinPolicy === "open" && project.viewer.membership === null ? (
        <TaskActionForm action={claimTaskAction} fields={ids} label="Join and claim a place" variant="primary" testId="task-claim-button">
          <Checkbox name="acceptAgreements" label={<>I&apos;ve read and accept the <Link className="underline" href={`/groups/${project.group.slug}`}>agreements of {project.group.name}</Link></>} data-testid="task-accept-agreements" />
        </TaskActionForm>
      ) : (
        <p className="text-sm">
          {project.viewer.membership === "pending" ? "Your request to join is waiting for an organizer." : <Link className="underline" href={`/groups/${project.group.slug}/join`}>Ask to join {project.group.name}</Link>} to claim a place.
        </p>
      )}

      {organizer && open && !full && unclaimed.length ? (
        <TaskActionForm action={assignTaskAction} fields={ids} label="Give a place" variant="secondary" testId="task-assign" className="flex flex-wrap items-end gap-2">
          <label className="space-y-1 text-sm">
            <span className="block">Give a place to</span>
            <Select name="userId" className="w-56" data-testid="task-assign-member">
              {unclaimed.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </label>
        </TaskActionForm>
      ) : null}
    </li>
  );
}
