import "server-only";
import { getMembership } from "@/db/queries/memberships";
import { getGroupHours } from "@/db/queries/hours";
import { getGroupRow } from "@/db/queries/organizer";
import { authorize } from "@/lib/authz";
import { parseHoursRange, rangeInstants, thisYearSoFar } from "@/lib/validation/hours";
import { speakingIn } from "@/lib/i18n/speaking-store";
import { currentLocale } from "@/server/request-locale";

type Raw = Record<string, string | string[] | undefined>;

/**
 * A group's hours report for one of its organizers (the page and its CSV). Undefined for a
 * group that is not there, is hidden, or that `viewerId` does not organize: to anyone else
 * it is as if there were no report.
 */
export async function loadGroupHours(slug: string, viewer: { id: string }, raw: Raw, zone: string, now = new Date()) {
  const group = await getGroupRow({ slug });
  if (!group || group.hiddenAt) return undefined;
  if (!authorize(viewer, await getMembership(group.id, viewer.id), "organizer").ok) return undefined;
  // Its messages for a range that cannot be read are said in the page's language.
  const { range, errors } = speakingIn(await currentLocale(), () => parseHoursRange(raw, thisYearSoFar(now, zone)));
  const report = await getGroupHours(group.id, rangeInstants(range, zone));
  return { group, range, errors, zone, report };
}
