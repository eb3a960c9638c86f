import fs from "node:fs";
import path from "node:path";
import { describeAction } from "@/server/action";

/*
 * Server actions as public endpoints: what they can be called with, and all of them, found by
 * walking app/ so that a new action is covered the day it is written.
 */

/** Arguments that are not a form: what a script posting to an action id can send instead. */
export const notForms: unknown[] = ["$K1", null, undefined, 42, ["a", "b"], { get: 1 }, {}, new Map([["status", "going"]])];

/** The "previous state" argument of useActionState, which the caller also controls. */
export const prevs: unknown[] = [null, undefined, "x", { ok: true }, ["a"]];

export type ServerAction = (...args: unknown[]) => Promise<unknown>;

export interface FoundAction {
  /** "app/projects/[id]/actions.ts claimTaskAction" */
  name: string;
  file: string;
  fn: ServerAction;
  /** Leading arguments bound in the page (ids, slugs) before (prev, form); -1 for a plain form action (form only). */
  bound: number;
  /** Field names the action reads from the form, as server/action.ts knows them. */
  fields: string[];
}

const ROOT = path.resolve(__dirname, "../..");
const modules = import.meta.glob<Record<string, unknown>>(["../../app/**/*actions.ts", "../../components/**/*actions.ts"], { eager: true });

/** Files under app/ and components/ that declare "use server": every one must be among the modules above. */
export function useServerFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name) && /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8"))) out.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, "app"));
  walk(path.join(ROOT, "components"));
  return out.sort();
}

/** Every exported function of every actions file, with how it is called. */
export function serverActions(): FoundAction[] {
  return Object.entries(modules).flatMap(([rel, exports]) => {
    const file = path.relative(ROOT, path.resolve(__dirname, rel));
    return Object.entries(exports)
      .filter((e): e is [string, ServerAction] => typeof e[1] === "function")
      .map(([name, fn]) => {
        // An action written without the wrapper takes no form (signing out): it is called with one all the same.
        const shape = describeAction(fn) ?? { bound: fn.length >= 2 ? fn.length - 2 : -1, fields: [] };
        return { name: `${file} ${name}`, file, fn, ...shape };
      });
  });
}

/** Calls an action the way the browser would: bound arguments, then (prev, form), or the form alone. */
export function callAction(action: FoundAction, boundArgs: unknown[], prev: unknown, form: unknown): Promise<unknown> {
  if (action.bound < 0) return action.fn(form);
  return action.fn(...boundArgs.slice(0, action.bound), prev, form);
}
