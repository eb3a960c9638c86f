import { Settings } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { atLocalTime, clockChangeNote, occurrencesBetween, seriesRuleText } from "@/lib/recurrence";
import { formatDay } from "@/lib/dates";
import { speakingIn } from "@/lib/i18n/speaking-store";
import { activityInputSchema, clockChangeNotes, localToInstant } from "@/lib/validation/activity";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";

/** Weekly occurrences of a series starting at `firstLocal`, for `weeks` weeks after the first. */
function weekly(firstLocal: string, zone: string, weeks: number, minutes = 60) {
  const first = localToInstant(firstLocal, zone);
  const until = new Date(first.getTime() + weeks * 7 * 86_400_000 + 7_200_000);
  return occurrencesBetween(seriesRuleText("weekly", first, zone), zone, minutes, first, until);
}

const base = {
  kind: "walk",
  title: "Night walk",
  placeName: "Riverside gate",
  energyLevel: "low",
  talkLevel: "quiet",
};

// Luxon guesses an ambiguous time from today's offset, so check in both seasons.
const seasons = [
  ["in winter", Date.UTC(2027, 0, 15, 12)],
  ["in summer", Date.UTC(2027, 6, 15, 12)],
] as const;

afterEach(() => {
  Settings.now = () => Date.now();
});

describe.each(seasons)("clock changes, generated %s", (_season, now) => {
  const atNow = () => {
    Settings.now = () => now;
  };

  it("a 01:30 London series moves forward by the skipped hour on the last Sunday of March, and says so", () => {
    atNow();
    const [gap, after] = weekly("2027-03-21T01:30", LONDON, 2);
    expect(gap.startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z"); // 02:30 BST
    expect(gap.endsAt.getTime() - gap.startsAt.getTime()).toBe(3_600_000);
    expect(after.startsAt.toISOString()).toBe("2027-04-04T00:30:00.000Z"); // back to 01:30 BST
    expect(clockChangeNote(gap.startsAt, LONDON, "01:30")).toBe(
      "The clocks go forward in Europe/London on Sun 28 Mar 2027, so 01:30 doesn't exist that day. This one starts at 02:30 instead, and lasts as long as the others.",
    );
    expect(clockChangeNote(after.startsAt, LONDON, "01:30")).toBeNull();
  });

  it("a 02:30 New York series moves to 03:30 on the second Sunday of March, and says so", () => {
    atNow();
    const [gap] = weekly("2027-03-07T02:30", NEW_YORK, 1);
    expect(gap.startsAt.toISOString()).toBe("2027-03-14T07:30:00.000Z"); // 03:30 EDT
    expect(clockChangeNote(gap.startsAt, NEW_YORK, "02:30")).toContain("This one starts at 03:30 instead");
  });

  it("a 01:30 series takes the first of the two 01:30s when the clocks go back, in London and New York", () => {
    atNow();
    const [london] = weekly("2027-10-24T01:30", LONDON, 1);
    expect(london.startsAt.toISOString()).toBe("2027-10-31T00:30:00.000Z"); // 01:30 BST
    expect(clockChangeNote(london.startsAt, LONDON, "01:30")).toBeNull();
    const [newYork] = weekly("2027-10-31T01:30", NEW_YORK, 1);
    expect(newYork.startsAt.toISOString()).toBe("2027-11-07T05:30:00.000Z"); // 01:30 EDT
  });

  it('"this and following" places later dates at the new time by the same rules', () => {
    atNow();
    expect(atLocalTime({ year: 2027, month: 10, day: 31 }, 1, 30, LONDON).toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(atLocalTime({ year: 2027, month: 3, day: 28 }, 1, 30, LONDON).toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(atLocalTime({ year: 2027, month: 11, day: 7 }, 1, 30, NEW_YORK).toISOString()).toBe("2027-11-07T05:30:00.000Z");
  });

  it("an ambiguous start on the form is the first of the two, and the organizer is told which", () => {
    atNow();
    expect(localToInstant("2027-10-31T01:30", LONDON).toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(clockChangeNotes({ startsLocal: "2027-10-31T01:30", endsLocal: "2027-10-31T03:00", timezone: LONDON })).toEqual([
      "The clocks go back that night in Europe/London, so 01:30 on Sun 31 Oct 2027 happens twice. The start is 01:30 BST, the first of the two.",
    ]);
    expect(localToInstant("2027-11-07T01:30", NEW_YORK).toISOString()).toBe("2027-11-07T05:30:00.000Z");
    expect(clockChangeNotes({ startsLocal: "2027-11-07T01:30", endsLocal: "2027-11-07T01:45", timezone: NEW_YORK })).toEqual([
      "The clocks go back that night in America/New_York, so 01:30 on Sun 7 Nov 2027 happens twice. The start is 01:30 EDT, the first of the two.",
      "The clocks go back that night in America/New_York, so 01:45 on Sun 7 Nov 2027 happens twice. The end is 01:45 EDT, the first of the two.",
    ]);
    expect(clockChangeNotes({ startsLocal: "2027-11-14T01:30", endsLocal: "2027-11-14T02:30", timezone: NEW_YORK })).toEqual([]);
  });

  it("is said in the language being spoken, its date too", async () => {
    const [note] = await speakingIn("es", async () => clockChangeNotes({ startsLocal: "2027-10-31T01:30", endsLocal: "2027-10-31T03:00", timezone: LONDON }));
    expect(note).toContain(formatDay(new Date("2027-10-31T00:30:00Z"), LONDON, "es"));
    expect(note).not.toContain("Sun 31 Oct");
    expect(note).not.toContain("The clocks go back");
    // Given outright (a form rendered on the server and again in the browser), whatever is being spoken.
    expect(clockChangeNotes({ startsLocal: "2027-10-31T01:30", endsLocal: "2027-10-31T03:00", timezone: LONDON }, "es")).toEqual([note]);
  });
});

describe("a start the clocks skip", () => {
  function errorsFor(startsLocal: string, endsLocal: string, timezone: string) {
    const parsed = activityInputSchema.safeParse({ ...base, startsLocal, endsLocal, timezone });
    if (parsed.success) return {};
    return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  }

  it("gets only the one real error in London, not also 'the end must be after the start'", () => {
    expect(errorsFor("2027-03-28T01:30", "2027-03-28T02:15", LONDON)).toEqual({
      startsLocal: "The clocks go forward that night in Europe/London, so 01:30 doesn't exist on that day. Choose an earlier or later time.",
    });
  });

  it("gets only the one real error in New York", () => {
    expect(errorsFor("2027-03-14T02:30", "2027-03-14T03:15", NEW_YORK)).toEqual({
      startsLocal: "The clocks go forward that night in America/New_York, so 02:30 doesn't exist on that day. Choose an earlier or later time.",
    });
  });

  it("still says when the end really is before the start", () => {
    expect(errorsFor("2027-03-28T03:30", "2027-03-28T03:00", LONDON)).toEqual({ endsLocal: "The end must be after the start." });
  });
});
