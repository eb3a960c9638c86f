import { getMemberZone } from "@/db/queries/connection-facts";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, guarded } from "@/server/api/http";
import { toCsv } from "@/app/activities/[id]/organize/csv";
import { loadGroupHours } from "../hours/loader";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * GET /groups/:slug/hours.csv?from=&to= — the hours report as a spreadsheet, for the group's
 * organizers only: one row per member, one per project, the total, and members who have left.
 */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", "Sign in as an organizer of this group to download its hours.");
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const data = await loadGroupHours((await params).slug, caller, raw, await getMemberZone(caller.id));
    if (!data) return apiError("not_found", "There is no hours report for you at this address.");
    const { report, range, group } = data;
    const rows: Array<Array<string | number>> = [
      ...report.byMember.map((m) => ["member", m.name, range.from ?? "", range.to ?? "", m.entries, m.hours]),
      ...report.byProject.map((p) => ["project", p.title, range.from ?? "", range.to ?? "", p.entries, p.hours]),
      ["total", group.name, range.from ?? "", range.to ?? "", report.byMember.reduce((s, m) => s + m.entries, 0), report.total],
      // Undated, unnamed: the hours of members who deleted their accounts, all time.
      ...report.former.map((f) => ["former members (all time)", f.title, "", "", "", f.hours]),
    ];
    const csv = toCsv(["row", "name", "from", "to", "tasks", "hours"], rows);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${group.slug}-hours.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
