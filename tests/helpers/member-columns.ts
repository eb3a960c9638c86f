import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

export interface MemberColumnsOfTable {
  sqlName: string;
  /** TypeScript names of the columns that refer to users.id ("id" for users itself). */
  columns: string[];
  /** Each such column's ON DELETE rule, by TypeScript name. */
  onDelete: Record<string, string>;
}

/**
 * Every table in the schema with the columns that refer to users.id (and users.id itself),
 * read from the schema, so a new table or column is seen by the tests that cover members'
 * data (export, deletion) without anyone listing it.
 */
export function memberColumns(): Map<string, MemberColumnsOfTable> {
  const found = new Map<string, MemberColumnsOfTable>();
  for (const [exportName, value] of Object.entries(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const byDbName = new Map(Object.entries(value as unknown as Record<string, { name?: string }>).filter(([, c]) => c && typeof c === "object" && "name" in c).map(([k, c]) => [c.name, k]));
    const columns: string[] = [];
    const onDelete: Record<string, string> = {};
    for (const fk of config.foreignKeys) {
      if (getTableConfig(fk.reference().foreignTable).name !== "users") continue;
      for (const c of fk.reference().columns) {
        const name = byDbName.get(c.name) ?? c.name;
        columns.push(name);
        onDelete[name] = fk.onDelete ?? "no action";
      }
    }
    if (config.name === "users") columns.push("id");
    if (columns.length) found.set(exportName, { sqlName: config.name, columns, onDelete });
  }
  return found;
}
