import fc from "fast-check";

/*
 * Input a person would never type but a script or a broken client can send: the shapes that
 * have broken web apps before. The fuzz tests mix these with fast-check's generated values.
 */
export const HOSTILE_STRINGS: string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "%",
  "%zz",
  "%E0%A4%A",
  "%F0%9F%98%80",
  "%25%32%65",
  "\uD800",
  "x\uDFFFy",
  "\uDBFF\uDBFF",
  "\r\nSet-Cookie: a=b",
  "line\nbreak",
  "\t\v\f",
  "\u202Eevil",
  "\u200B\uFEFF",
  "😀👩‍👩‍👧",
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; DROP TABLE users; --",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
  "../../../etc/passwd",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x10",
  "9".repeat(400),
  "00000000-0000-0000-0000-000000000000",
  "00000000-0000-4000-8000-00000000000G",
  "2026-02-30T25:61",
  "2026-03-29T01:30",
  "Mars/Olympus_Mons",
  "x".repeat(70 * 1024),
];

/** A string: generated (any code point, lone surrogates included) or one of the hostile ones. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).chain((s) => fc.string({ maxLength: 8 }).map((t) => t + s + t)) },
  );

/** An array nested `depth` levels deep: [[[…]]]. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The JSON text of an array nested `depth` levels, built without recursion. */
export const deeplyNestedJson = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

/** Any value a JSON body or a form field could carry, hostile strings weighted in. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { "": "" }) },
    { weight: 1, arbitrary: fc.constantFrom(deeplyNested(500), Object.fromEntries([["__proto__", { polluted: true }]])) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );

/** An object with some of `keys` (the fields a schema or form expects) and hostile values. */
export const hostileRecord = (keys: string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      keys.length ? fc.subarray(keys) : fc.constant([] as string[]),
      fc.array(fc.tuple(hostileString(), hostileValue()), { maxLength: 2 }),
      fc.array(hostileValue(), { minLength: keys.length, maxLength: keys.length }),
    )
    .map(([chosen, extra, values]) => {
      const out: Record<string, unknown> = {};
      chosen.forEach((k, i) => (out[k] = values[i]));
      for (const [k, v] of extra) out[k] = v;
      return out;
    });
