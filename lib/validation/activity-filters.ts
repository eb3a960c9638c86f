import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";
import { accessibilityFacts, energyLevels, kinds, talkLevels } from "@/lib/labels";

/*
 * The listing's filters, shared by the /activities page (a GET form, so they live in the
 * URL) and GET /api/activities. Every parameter is optional; a value that does not fit
 * gets a message naming the parameter.
 */

/** Online (has a link), in person (has a place or address); an activity with both is either. */
export const attendFormats = ["online", "in_person"] as const;
export type AttendFormat = (typeof attendFormats)[number];

const list = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.preprocess(
    // Only text is split: anything else (an object from a JSON body, say) goes on as it is and
    // is refused with the list of choices, never turned into text, which can throw.
    (v) => (v === undefined || v === "" ? [] : (Array.isArray(v) ? v : [v]).flatMap((s: unknown) => (typeof s === "string" ? s.split(",") : [s])).filter((s) => s !== "")),
    z.array(z.enum(values, words("validation.filters.chooseFrom", { what, values: values.join(", ") }))).max(values.length * 2, words("validation.filters.tooMany", { what })),
  );

const flag = (what: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v[v.length - 1] : v),
    z
      .union([z.undefined(), z.literal(""), z.enum(["1", "true", "on", "yes", "0", "false", "off", "no"], words("validation.filters.flag", { what }))])
      .transform((v) => v === "1" || v === "true" || v === "on" || v === "yes"),
  );

const single = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v === "" ? undefined : v), schema);

/** An optional calendar day, YYYY-MM-DD, with a message naming which. */
export const day = (what: string) =>
  single(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, words("validation.filters.dayFormat", { what }))
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), words("validation.filters.dayNotReal", { what }))
      .refine((s) => Number(s.slice(0, 4)) >= 1900 && Number(s.slice(0, 4)) <= 2200, words("validation.filters.dayYear", { what }))
      .optional(),
  );

const number = (what: string, min: number, max: number) =>
  single(z.coerce.number(words("validation.filters.number", { what })).min(min, words("validation.filters.atLeast", { what, min: String(min) })).max(max, words("validation.filters.atMost", { what, max: String(max) })).optional());

export const activityFiltersSchema = z
  .object({
    q: single(z.string().overwrite(plainText).trim().max(200, words("validation.filters.searchLong")).optional()),
    kind: list(kinds, "kind"),
    energy: list(energyLevels, "energy"),
    talk: list(talkLevels, "talk"),
    access: list(accessibilityFacts, "access"),
    when: single(z.enum(["any", "today", "weekend", "week", "custom"], words("validation.filters.when")).default("any")),
    from: day("from"),
    to: day("to"),
    firstTimer: flag("firstTimer"),
    substanceFree: flag("substanceFree"),
    spotsLeft: flag("spotsLeft"),
    lat: number("lat", -90, 90),
    lng: number("lng", -180, 180),
    km: number("km", 0.1, 200),
    /** A neighbourhood the hub knows (see `listNeighbourhoods`); with `km`, a distance from its middle. */
    neighbourhood: single(z.string().overwrite(plainText).trim().max(80, words("validation.filters.neighbourhoodLong")).optional()),
    /** A postcode or place name from the hub's own places, searched around; no outside geocoder. */
    near: single(z.string().overwrite(plainText).trim().max(80, words("validation.filters.nearLong")).optional()),
    /** "nearest" puts the closest first (what "Near me" asks for); it needs a point to measure from. */
    sort: single(z.enum(["soonest", "nearest"], words("validation.filters.sort")).default("soonest")),
    format: single(z.enum(attendFormats, words("validation.filters.format", { values: attendFormats.join(", ") })).optional()),
    group: single(z.string().regex(/^[a-z0-9-]{1,80}$/, words("validation.filters.group")).optional()),
    page: single(z.coerce.number(words("validation.paging.pageWhole")).int(words("validation.paging.pageWhole")).min(1, words("validation.paging.pageMin")).max(1000, words("validation.paging.pageMax")).default(1)),
    perPage: single(z.coerce.number(words("validation.paging.perPageWhole")).int(words("validation.paging.perPageWhole")).min(1, words("validation.paging.perPageMin")).max(100, words("validation.paging.perPageMax")).default(20)),
  })
  .superRefine((f, ctx) => {
    if ((f.lat === undefined) !== (f.lng === undefined)) ctx.addIssue({ code: "custom", path: [f.lat === undefined ? "lat" : "lng"], message: say("validation.filters.bothCoordinates") });
    if (f.km !== undefined && f.lat === undefined && !f.neighbourhood && !f.near) ctx.addIssue({ code: "custom", path: ["km"], message: say("validation.filters.distanceNeedsPoint") });
    if (f.sort === "nearest" && f.lat === undefined && !f.neighbourhood && !f.near) ctx.addIssue({ code: "custom", path: ["sort"], message: say("validation.filters.nearestNeedsPoint") });
    if (f.from && f.to && f.to < f.from) ctx.addIssue({ code: "custom", path: ["to"], message: say("validation.filters.toAfterFrom") });
  });

export type ActivityFilters = z.output<typeof activityFiltersSchema>;

/** The query parameters the listing understands; anything else is named back as unknown. */
export const filterParamNames: readonly string[] = Object.keys(activityFiltersSchema.shape);

/** The distances the filter form offers, in km. */
export const radiusChoices = [1, 2, 5, 10, 25] as const;

/** Whether any filter narrows the listing (the page opens its filters when one does). */
export function hasActiveFilter(f: ActivityFilters): boolean {
  return Boolean(
    f.q || f.kind.length || f.energy.length || f.talk.length || f.access.length || f.when !== "any" || f.from || f.to || f.firstTimer || f.substanceFree ||
      f.spotsLeft || f.lat !== undefined || f.km !== undefined || f.neighbourhood || f.near || f.format,
  );
}

/**
 * For pages: parse what can be parsed, drop what cannot, and say why. A shared link
 * with one bad parameter still shows a useful listing, with a message about the rest.
 */
export function parseFiltersLenient(raw: Record<string, unknown>): { filters: ActivityFilters; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let input: Record<string, unknown> = { ...raw };
  for (let attempt = 0; attempt < 5; attempt++) {
    const parsed = activityFiltersSchema.safeParse(input);
    if (parsed.success) return { filters: parsed.data, errors };
    const next = { ...input };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      errors[key] ??= issue.message;
      delete next[key];
    }
    input = next;
  }
  return { filters: activityFiltersSchema.parse({}), errors };
}
