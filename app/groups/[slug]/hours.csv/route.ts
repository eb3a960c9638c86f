import { getMemberZone } from "@/db/queries/connection-facts";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, guarded } from "@/server/api/http";
import { requestLocale } from "@/server/request-locale";
import { speaking, speakNow } from "@/server/speaking";
import { say } from "@/lib/i18n/said";
import { isLocale } from "@/lib/i18n/locales";
import { toCsv } from "@/app/activities/[id]/organize/csv";
import { loadGroupHours } from "../hours/loader";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

const COLUMNS = ["row", "name", "from", "to", "tasks", "hours"] as const;
const rowWord = (kind: "member" | "project" | "total" | "former") => say(`csv.hours.rows.${kind}`);

/**
 * GET /groups/:slug/hours.csv?from=&to= — the hours report as a spreadsheet, for the group's
 * organizers only: one row per member, one per project, the total, and members who have left.
 * Its words and refusals are in the organizer's language, as the attendee file's are.
 */
export async function GET(request: Request, { params }: Ctx) {
  return speaking(await requestLocale(request), () => guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (caller && isLocale(caller.locale)) speakNow(caller.locale);
    if (!caller) return apiError("unauthenticated", say("errors.routes.hoursCsv.signIn"));
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const data = await loadGroupHours((await params).slug, caller, raw, await getMemberZone(caller.id));
    if (!data) return apiError("not_found", say("errors.routes.hoursCsv.noReport"));
    const { report, range, group } = data;
    const rows: Array<Array<string | number>> = [
      ...report.byMember.map((m) => [rowWord("member"), m.name, range.from ?? "", range.to ?? "", m.entries, m.hours]),
      ...report.byProject.map((p) => [rowWord("project"), p.title, range.from ?? "", range.to ?? "", p.entries, p.hours]),
      [rowWord("total"), group.name, range.from ?? "", range.to ?? "", report.byMember.reduce((s, m) => s + m.entries, 0), report.total],
      // Undated, unnamed: the hours of members who deleted their accounts, all time.
      ...report.former.map((f) => [rowWord("former"), f.title, "", "", "", f.hours]),
    ];
    const csv = toCsv(COLUMNS.map((c) => say(`csv.hours.columns.${c}`)), rows);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${group.slug}-hours.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  }));
}
