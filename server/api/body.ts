import { z } from "zod";
import { jsonSchemaOf } from "./openapi";

/**
 * A body that is one of several shapes, told apart by `pick` (say, by a field it has). It is
 * checked against the shape picked alone, so its errors are that shape's own rather than a
 * union's "matches none of these"; the OpenAPI document lists every shape.
 */
export function oneOf<const T extends readonly z.ZodType[]>(shapes: T, pick: (value: unknown) => T[number]) {
  return z
    .unknown()
    .transform((value, ctx): z.output<T[number]> => {
      const parsed = pick(value).safeParse(value);
      if (parsed.success) return parsed.data as z.output<T[number]>;
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input: value } as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    })
    .meta({ anyOf: shapes.map((shape) => jsonSchemaOf(shape, "input")) });
}
