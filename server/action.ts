import "server-only";
import { z } from "zod";
import { limitMember } from "@/db/mutations/rate-limits";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { type MemberLimit, memberLimitMessage } from "@/lib/rate-limits";
import { say } from "@/lib/i18n/said";
import { notFoundMessage } from "@/lib/validation/ids";
import { getViewer, type Viewer } from "./auth/session";
import { requestLocale, speaking } from "./speaking";

/*
 * The one way a server action is written. An action states what is particular to it: what it
 * acts on, what its form holds, who may call it, and its work. The steps every action takes,
 * in this order, live here:
 *
 *   1. the last argument must be a FormData (a script can post anything): else unreadableForm();
 *   2. `find`: the things acted on (ids bound by the page, or named by the form) must be well
 *      formed: else not_found, before the work touches anything;
 *   3. `input`: the form's fields, parsed with zod: else invalid_input with field errors;
 *   4. `check`: a rule between parsed fields (a ticked box, a reason for a ban);
 *   5. `member`: a signed-in member, resolved once: else unauthenticated;
 *   6. `limit`: the member's rate limit: else rate_limited;
 *   7. `run`: the work, which authorizes against the rows and returns the typed result.
 *
 * `keep` names what is sent back with every refusal (what was typed, so the form shows it
 * again). An action for useActionState is made with defineAction, a plain `<form action>` one
 * that answers nothing with defineFormAction.
 *
 * Everything an action says (field errors, refusals, the work's own answer) is said in the
 * request's language: the steps run inside `speaking(locale)` (server/speaking.ts), so zod's
 * messages and a mutation's refusal both come from the catalogs through `say()`. Words an
 * action gives here (`missing`, `member`, `invalid`) are functions, said when needed.
 *
 * Anything unexpected is thrown on to error.tsx, and Next's redirect() and notFound() pass
 * through untouched: nothing here catches.
 */

type Refusal = ActionResult<never>;

/** One zod schema, or several checked in turn, each over its own part of what `read` returns. */
type Input = z.ZodType | readonly z.ZodType[];

type Parsed<I> = I extends readonly z.ZodType[] ? { -readonly [K in keyof I]: I[K] extends z.ZodType ? z.output<I[K]> : never } : I extends z.ZodType ? z.output<I> : undefined;

type Member = Said | true | undefined;

/**
 * The answer when `input` fails, a function of the error: a summary message shown above the
 * field errors (undefined: "Some fields need another look."), or a whole refusal.
 */
type InvalidAnswer = (error: z.ZodError) => string | undefined | Refusal;

/** Words said in the request's language when they are needed: `() => say("errors.…")`. */
type Said = () => string;

interface Steps<B extends readonly string[], F extends z.ZodRawShape, R, I extends Input | undefined, M extends Member> {
  /** Names of the leading arguments the page binds (`action.bind(null, activity.id)`); each is checked in `find`. */
  bound?: B;
  /**
   * What the action acts on, by name: a bound argument of that name, or else the form field.
   * A value that is not well formed answers not_found with `missing`, as a missing thing would.
   */
  find?: F;
  /** The not_found message; "We couldn't find that. It may have been removed." when not given. */
  missing?: Said;
  /** How the form is read (`form.get`, `getAll` for repeated fields, checkboxes as booleans); parsed by `input`. */
  read?: (form: FormData) => R;
  /** The zod schema for what `read` returns; a list of schemas parses a list of parts in turn, the first failure answering. */
  input?: I;
  /** The answer when `input` fails (see InvalidAnswer). */
  invalid?: InvalidAnswer;
  /** A rule over the parsed input that zod cannot say alone; its refusal is the answer. */
  check?: (input: Parsed<I>) => Refusal | undefined;
  /** A signed-in member is needed: `true` asks "Please sign in first.", a function says it otherwise. */
  member?: M;
  /** The member's rate limit (lib/rate-limits.ts), counted once the member is known. */
  limit?: MemberLimit;
}

type ViewerFor<M extends Member> = M extends Said | true ? Viewer : null;
type Found<F extends z.ZodRawShape> = z.output<z.ZodObject<F>>;
type Work<F extends z.ZodRawShape, I, M extends Member, S> = (input: Parsed<I>, viewer: ViewerFor<M>, found: Found<F>) => Promise<S>;

export interface ActionSpec<B extends readonly string[], F extends z.ZodRawShape, R, I extends Input | undefined, M extends Member, S> extends Steps<B, F, R, I, M> {
  /** Sent back with every refusal (what was typed, so the form shows it again); a refusal from `run` may set its own. */
  keep?: (raw: R) => object;
  run: Work<F, I, M, S>;
}

export interface FormActionSpec<F extends z.ZodRawShape, R, I extends Input | undefined, M extends Member> extends Steps<[], F, R, I, M> {
  /** What a refusal does: a plain form action shows no answer, so by default nothing (the page is shown again). */
  refused?: () => void;
  run: Work<F, I, M, void>;
}

/** An action for `useActionState`: `(…bound, previous state, form) => state`. */
export type StateAction<B extends readonly string[], S> = (...args: [...{ [K in keyof B]: string }, S, FormData]) => Promise<S>;

/**
 * A server action that answers with a typed result (`lib/action-result.ts`), for a form using
 * `useActionState`: called as `action(prev, form)`, or `action(...bound, prev, form)` when the
 * page binds ids into it. Export it from a "use server" file as `export const nameAction = defineAction({…})`.
 */
export function defineAction<const B extends readonly string[] = [], F extends z.ZodRawShape = {}, R = undefined, const I extends Input | undefined = undefined, M extends Member = undefined, S = never>(
  spec: ActionSpec<B, F, R, I, M, S>,
): StateAction<B, S> {
  const answer = steps(spec);
  const count = spec.bound?.length ?? 0;
  const action = async (...args: unknown[]) => (await answer(args.slice(0, count), args[count + 1])) as S;
  shapes.set(action, { bound: count, spec: spec as Shape["spec"] });
  return action as StateAction<B, S>;
}

/**
 * A plain form action (`<form action={markReadAction}>`), which answers nothing: the page it
 * was posted from is shown again. A refusal of any kind does only what `refused` says.
 */
export function defineFormAction<F extends z.ZodRawShape = {}, R = undefined, const I extends Input | undefined = undefined, M extends Member = undefined>(
  spec: FormActionSpec<F, R, I, M>,
): (form: FormData) => Promise<void> {
  const answer = steps(spec);
  const action = async (form: unknown): Promise<void> => {
    // The work answers nothing, so anything answered is a refusal.
    if ((await answer([], form)) !== undefined) spec.refused?.();
  };
  shapes.set(action, { bound: -1, spec: spec as Shape["spec"] });
  return action;
}

const isRefusal = (value: unknown): value is Refusal => typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;

function steps<B extends readonly string[], F extends z.ZodRawShape, R, I extends Input | undefined, M extends Member, S>(spec: Steps<B, F, R, I, M> & { keep?: (raw: R) => object; run: Work<F, I, M, S> }) {
  const bound: readonly string[] = spec.bound ?? [];
  const unchecked = bound.filter((name) => !spec.find || !(name in spec.find));
  if (unchecked.length) throw new Error(`Bound arguments must be checked in find: ${unchecked.join(", ")}`);
  if (spec.limit && !spec.member) throw new Error("A member limit needs a member.");
  if ((spec.read === undefined) !== (spec.input === undefined)) throw new Error("read and input go together.");
  const findSchema = spec.find ? z.object(spec.find) : undefined;

  const answer = async (args: unknown[], form: unknown): Promise<S | Refusal> => {
    if (!isFormData(form)) return unreadableForm();
    const raw = spec.read?.(form) as R;
    const kept = spec.read && spec.keep ? spec.keep(raw) : undefined;
    const refuse = (refusal: Refusal): Refusal => (kept ? { ...refusal, ...kept } : refusal);

    let found: unknown = {};
    if (findSchema) {
      const named = Object.fromEntries(Object.keys(findSchema.shape).map((name) => [name, bound.includes(name) ? args[bound.indexOf(name)] : form.get(name)]));
      const parsed = findSchema.safeParse(named);
      if (!parsed.success) return refuse(fail("not_found", spec.missing?.() ?? notFoundMessage()));
      found = parsed.data;
    }

    let input: unknown;
    if (spec.input) {
      const parsed = parseInput(spec.input, raw);
      if (!parsed.success) return refuse(invalidAnswer(spec.invalid, parsed.error));
      input = parsed.data;
    }
    const refusal = spec.check?.(input as Parsed<I>);
    if (refusal) return refuse(refusal);

    let viewer: Viewer | null = null;
    if (spec.member) {
      viewer = await getViewer();
      if (!viewer) return refuse(fail("unauthenticated", spec.member === true ? say("errors.action.signInFirst") : spec.member()));
      if (spec.limit) {
        const decision = await limitMember(spec.limit, viewer.id);
        if (!decision.allowed) return refuse(fail("rate_limited", memberLimitMessage(spec.limit, decision.retryAfterSeconds)));
      }
    }

    const result = await spec.run(input as Parsed<I>, viewer as ViewerFor<M>, found as Found<F>);
    // A refusal from the work sends back what was typed too, unless it says that itself.
    return kept && isRefusal(result) ? { ...result, ...Object.fromEntries(Object.entries(kept).filter(([key]) => !(key in result))) } : result;
  };
  return async (args: unknown[], form: unknown): Promise<S | Refusal> => speaking(await requestLocale(), () => answer(args, form));
}

function parseInput(input: Input, raw: unknown): { success: true; data: unknown } | { success: false; error: z.ZodError } {
  if (!Array.isArray(input)) return (input as z.ZodType).safeParse(raw);
  const parts = Array.isArray(raw) ? raw : [];
  const data: unknown[] = [];
  for (const [i, schema] of (input as readonly z.ZodType[]).entries()) {
    const parsed = schema.safeParse(parts[i]);
    if (!parsed.success) return parsed;
    data.push(parsed.data);
  }
  return { success: true, data };
}

function invalidAnswer(answer: InvalidAnswer | undefined, error: z.ZodError): Refusal {
  const said = answer?.(error);
  return typeof said === "object" ? said : invalid(error, said);
}

interface Shape {
  bound: number;
  spec: { bound?: readonly string[]; find?: z.ZodRawShape; read?: (form: FormData) => unknown };
}

const shapes = new WeakMap<object, Shape>();

/** A FormData that notes which fields are read from it. */
class NotedForm extends FormData {
  readonly names = new Set<string>();
  override get(name: string) {
    this.names.add(name);
    return super.get(name);
  }
  override getAll(name: string) {
    this.names.add(name);
    return super.getAll(name);
  }
  override has(name: string) {
    this.names.add(name);
    return super.has(name);
  }
}

/**
 * How an action made here is called, and which form fields it reads (its `find` names that
 * are not bound, and every field its `read` asks for), for tests that post forms to every
 * action. `bound` is the number of bound arguments before (prev, form), or -1 for a plain form
 * action. Undefined for a function not made here.
 */
export function describeAction(action: unknown): { bound: number; fields: string[] } | undefined {
  const shape = typeof action === "function" ? shapes.get(action) : undefined;
  if (!shape) return undefined;
  const { spec } = shape;
  const form = new NotedForm();
  spec.read?.(form);
  const fromFind = Object.keys(spec.find ?? {}).filter((name) => !(spec.bound ?? []).includes(name));
  return { bound: shape.bound, fields: [...new Set([...fromFind, ...form.names])] };
}
