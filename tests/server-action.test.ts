import { notFound, redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { formUnreadable, fail, type ActionResult } from "@/lib/action-result";
import { memberLimitMessage, RATE_LIMITS } from "@/lib/rate-limits";
import { defineAction, defineFormAction, describeAction } from "@/server/action";
import { makeUser } from "./helpers/factories";
import { actAs, redirectTarget } from "./helpers/session";
import { notForms, prevs } from "./helpers/action-calls";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());

/*
 * The wrapper every server action is made with (server/action.ts), tried on an action of its
 * own: a note in a group, with tags. The member is real (getViewer reads their row) and so is
 * the rate limit's counter, in the database.
 */

type NoteState = (ActionResult<{ title: string; tags: string[]; by: string; groupId: string; noteId: string }> & { values?: { title: string } }) | null;

const work = vi.fn<(title: string) => Promise<NoteState> | undefined>(() => undefined);

const writeNoteAction = defineAction({
  bound: ["groupId"],
  find: { groupId: z.uuid(), noteId: z.uuid() },
  missing: () => "We couldn't find that note.",
  read: (form) => ({ title: form.get("title"), tags: form.getAll("tag") }),
  input: z.object({ title: z.string({ error: "Give it a title." }).min(3, "Give it a title of three letters or more."), tags: z.array(z.string()) }),
  invalid: () => "Please check the note.",
  keep: (raw) => ({ values: { title: String(raw.title ?? "") } }),
  check: ({ tags }) => (tags.includes("urgent") && tags.length > 1 ? fail("invalid_input", "An urgent note takes no other tag.") : undefined),
  member: () => "Please sign in to write a note.",
  limit: "reportMember",
  run: async (note, viewer, found): Promise<NoteState> => {
    return (await work(note.title)) ?? { ok: true, data: { ...note, by: viewer.id, ...found } };
  },
});

const GROUP = crypto.randomUUID();
const NOTE = crypto.randomUUID();

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}
const good = () => form([["noteId", NOTE], ["title", "Bring gloves"], ["tag", "garden"], ["tag", "tools"]]);

afterEach(() => {
  actAs(null);
  work.mockReset();
});

describe("a server action made with the wrapper", () => {
  it("answers anything but a form with 'please reload', without doing the work", async () => {
    const member = await makeUser();
    actAs(member);
    for (const notAForm of notForms) {
      for (const prev of prevs) expect(await writeNoteAction(GROUP, prev as NoteState, notAForm as FormData)).toEqual({ ok: false, code: "invalid_input", message: formUnreadable() });
    }
    expect(work).not.toHaveBeenCalled();
  });

  it("answers a malformed bound id or form id as not found, before asking anyone to sign in, keeping what was typed", async () => {
    expect(await writeNoteAction("1 or 1=1", null, good())).toEqual({ ok: false, code: "not_found", message: "We couldn't find that note.", values: { title: "Bring gloves" } });
    expect(await writeNoteAction(GROUP, null, form([["noteId", "x"], ["title", "Bring gloves"]]))).toMatchObject({ code: "not_found" });
  });

  it("sends bad fields back as field errors under the action's own summary, with what was typed", async () => {
    expect(await writeNoteAction(GROUP, null, form([["noteId", NOTE], ["title", "ab"]]))).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Please check the note.",
      fieldErrors: { title: "Give it a title of three letters or more." },
      values: { title: "ab" },
    });
  });

  it("applies a rule between fields before asking anyone to sign in", async () => {
    expect(await writeNoteAction(GROUP, null, form([["noteId", NOTE], ["title", "Bring gloves"], ["tag", "urgent"], ["tag", "tools"]]))).toEqual({
      ok: false,
      code: "invalid_input",
      message: "An urgent note takes no other tag.",
      values: { title: "Bring gloves" },
    });
  });

  it("asks a visitor to sign in, in the action's own words", async () => {
    expect(await writeNoteAction(GROUP, null, good())).toEqual({ ok: false, code: "unauthenticated", message: "Please sign in to write a note.", values: { title: "Bring gloves" } });
  });

  it("does the work as the member, with the parsed form (repeated fields as a list) and what it found", async () => {
    const member = await makeUser();
    actAs(member);
    expect(await writeNoteAction(GROUP, null, good())).toEqual({ ok: true, data: { title: "Bring gloves", tags: ["garden", "tools"], by: member.id, groupId: GROUP, noteId: NOTE } });
  });

  it("tells a member who reached their limit to take a breather, and does not do the work", async () => {
    const member = await makeUser();
    actAs(member);
    for (let i = 0; i < RATE_LIMITS.reportMember.limit; i++) expect(await writeNoteAction(GROUP, null, good())).toMatchObject({ ok: true });
    work.mockClear();
    expect(await writeNoteAction(GROUP, null, good())).toEqual({
      ok: false,
      code: "rate_limited",
      message: memberLimitMessage("reportMember", RATE_LIMITS.reportMember.windowMs / 1000),
      values: { title: "Bring gloves" },
    });
    expect(work).not.toHaveBeenCalled();
  });

  it("sends what was typed back with the work's own refusal too, unless the work says it otherwise", async () => {
    actAs(await makeUser());
    work.mockResolvedValueOnce(fail("forbidden", "Only the group's organizers can write notes."));
    expect(await writeNoteAction(GROUP, null, good())).toEqual({ ok: false, code: "forbidden", message: "Only the group's organizers can write notes.", values: { title: "Bring gloves" } });
    work.mockResolvedValueOnce({ ...fail("conflict", "That title is taken."), values: { title: "Bring gloves (2)" } });
    expect(await writeNoteAction(GROUP, null, good())).toMatchObject({ code: "conflict", values: { title: "Bring gloves (2)" } });
  });

  it("lets an unexpected error through to the error page", async () => {
    actAs(await makeUser());
    work.mockRejectedValueOnce(new Error("the disk is full"));
    await expect(writeNoteAction(GROUP, null, good())).rejects.toThrow("the disk is full");
  });

  it("lets Next's redirect and not-found page through untouched", async () => {
    actAs(await makeUser());
    work.mockImplementationOnce((title) => redirect(`/notes?saved=${encodeURIComponent(title)}`));
    expect(redirectTarget(await writeNoteAction(GROUP, null, good()).catch((error: unknown) => error))).toBe("/notes?saved=Bring%20gloves");
    work.mockImplementationOnce(() => notFound());
    const thrown = await writeNoteAction(GROUP, null, good()).catch((error: unknown) => error);
    expect((thrown as { digest?: string }).digest).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("checks a list of schemas in turn: the first that fails answers alone, a bare value's error under '_'", async () => {
    const twoPartsAction = defineAction({
      read: (f) => [{ title: f.get("title") }, f.get("scope") ?? undefined] as const,
      input: [z.object({ title: z.string().min(1, "Give it a title.") }), z.enum(["this", "following"], { error: 'Choose "this" or "following".' })],
      run: async ([{ title }, scope]): Promise<ActionResult<{ title: string; scope: string }>> => ({ ok: true, data: { title, scope } }),
    });
    expect(await twoPartsAction(null as never, form([["title", ""], ["scope", "all"]]))).toMatchObject({ code: "invalid_input", fieldErrors: { title: "Give it a title." } });
    expect(await twoPartsAction(null as never, form([["title", "Walk"], ["scope", "all"]]))).toMatchObject({ code: "invalid_input", fieldErrors: { _: 'Choose "this" or "following".' } });
    expect(await twoPartsAction(null as never, form([["title", "Walk"], ["scope", "following"]]))).toEqual({ ok: true, data: { title: "Walk", scope: "following" } });
  });

  it("says how it is called and which fields it reads, for tests that post to every action", () => {
    expect(describeAction(writeNoteAction)).toEqual({ bound: 1, fields: ["noteId", "title", "tag"] });
    expect(describeAction(async () => undefined)).toBeUndefined();
  });
});

describe("a plain form action made with the wrapper", () => {
  const done: string[] = [];
  const markReadAction = defineFormAction({
    find: { id: z.uuid() },
    refused: () => redirect("/notes/invalid"),
    member: true,
    run: async (_input, viewer, { id }) => {
      done.push(`${viewer.id}:${id}`);
    },
  });

  it("answers nothing when it has done its work", async () => {
    const member = await makeUser();
    actAs(member);
    await expect(markReadAction(form([["id", NOTE]]))).resolves.toBeUndefined();
    expect(done).toEqual([`${member.id}:${NOTE}`]);
    expect(describeAction(markReadAction)).toEqual({ bound: -1, fields: ["id"] });
  });

  it("does only what `refused` says for anything it refuses: not a form, a bad id, a visitor", async () => {
    for (const call of [() => markReadAction("$K1" as never), () => markReadAction(form([["id", "x"]])), () => markReadAction(form([["id", NOTE]]))]) {
      expect(redirectTarget(await call().catch((error: unknown) => error))).toBe("/notes/invalid");
    }
  });
});
