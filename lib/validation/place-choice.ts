import { z } from "zod";
import { say, words } from "@/lib/i18n/said";

/*
 * A place picked on the activity form: one of the group's saved places ("saved:<id>") or one
 * of the hub's public places ("hub:<key>", the key naming its neighbourhood, name and address).
 * With JavaScript the form also fills the place's fields in; without it, the server reads the
 * choice and takes the fields from the stored place.
 */

export type PlaceChoice = { kind: "saved"; id: string } | { kind: "hub"; neighbourhood: string; name: string; address: string };

/** A place offered on the activity form: a group's own saved place or one of the hub's public places. */
export interface PlaceOption {
  /** The form value that picks it (`placeChoiceValue`). */
  value: string;
  name: string;
  address: string;
  neighbourhood: string;
  lat: number | null;
  lng: number | null;
  /** The group's own place, or one of the hub's public places. */
  from: "group" | "hub";
}

/** What the form's place picker shows. */
export interface PlaceChoices {
  /** The group's places, most recently used first, then the hub's most used (without a query). */
  offered: PlaceOption[];
  /** Places matching the search by name, address (a postcode) or neighbourhood; null without a search. */
  found: PlaceOption[] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toBase64Url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (text: string) => new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

/** The form value for a choice. */
export function placeChoiceValue(choice: PlaceChoice): string {
  if (choice.kind === "saved") return `saved:${choice.id}`;
  return `hub:${toBase64Url(JSON.stringify([choice.neighbourhood, choice.name, choice.address]))}`;
}

/** A form value read back as a choice, or undefined when it names no place. */
export function readPlaceChoice(value: string): PlaceChoice | undefined {
  if (value.startsWith("saved:")) {
    const id = value.slice(6);
    return UUID.test(id) ? { kind: "saved", id: id.toLowerCase() } : undefined;
  }
  if (!value.startsWith("hub:") || !/^[A-Za-z0-9_-]{1,1200}$/.test(value.slice(4))) return undefined;
  try {
    const key: unknown = JSON.parse(fromBase64Url(value.slice(4)));
    if (Array.isArray(key) && key.length === 3 && key.every((k) => typeof k === "string" && k.length <= 400)) {
      return { kind: "hub", neighbourhood: key[0], name: key[1], address: key[2] };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The form's place field: empty (a new place, typed and pinned) or one of the places offered. */
export const placeChoiceSchema = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z
    .string(words("validation.placeChoice.chooseOnePlacesOffered"))
    .max(1300, words("validation.placeChoice.chooseOnePlacesOffered"))
    .refine((v) => readPlaceChoice(v) !== undefined, words("validation.placeChoice.chooseOnePlacesOffered"))
    .optional(),
);

/** The place search as asked for in the page's address (?placeSearch=): plain text, at most 80 characters. */
export function placeSearchOf(raw: string | string[] | undefined): string {
  const text = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return typeof text === "string" ? text.replace(/[\u0000-\u001f\u007f]/g, " ").trim().replace(/\s+/g, " ").slice(0, 80) : "";
}
