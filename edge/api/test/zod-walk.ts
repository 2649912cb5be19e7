import type * as z from "zod";

/** Walking a zod 4 schema's definition: what the fuzz suite and the input checks need of it. */

export type Def = {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  items?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; pattern?: RegExp } } }[];
};

export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

type Issue = { path: PropertyKey[]; code: string; keys?: string[] };

/**
 * The input with the parts its schema refuses taken out (optional fields, array entries, unknown
 * keys), a few rounds deep: a random object rarely gets every field right, and a call that fails
 * validation never reaches the code behind it. What a part carries that the schema does accept
 * (a control character the schema forgot, a date it does not bound) then goes all the way through.
 */
export function withoutRefusedParts(schema: z.ZodType, input: unknown): unknown {
  if (input === null || typeof input !== "object") return input;
  const value = JSON.parse(JSON.stringify(input)) as unknown;
  for (let round = 0; round < 4; round++) {
    const result = schema.safeParse(value);
    if (result.success) break;
    let removed = false;
    for (const issue of result.error.issues as unknown as Issue[]) {
      const keys =
        issue.code === "unrecognized_keys"
          ? (issue.keys ?? []).map((key) => [...issue.path, key])
          : [issue.path];
      for (const path of keys) removed = removeAt(value, path) || removed;
    }
    if (!removed) break;
  }
  return value;
}

function removeAt(root: unknown, path: PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let parent = root as Record<PropertyKey, unknown>;
  for (const segment of path.slice(0, -1)) {
    const next = parent?.[segment as string];
    if (next === null || typeof next !== "object") return false;
    parent = next as Record<PropertyKey, unknown>;
  }
  const last = path.at(-1) as string | number;
  if (Array.isArray(parent) && typeof last === "number") {
    if (last >= parent.length) return false;
    parent.splice(last, 1);
    return true;
  }
  if (parent && typeof parent === "object" && last in parent) {
    delete parent[last];
    return true;
  }
  return false;
}

/**
 * Every string-accepting node of a schema (through objects, arrays, unions, optionals and pipes),
 * with the path that reaches it, for checks that must hold at every leaf.
 */
export function stringLeaves(
  schema: z.ZodType,
  path = "(root)",
  seen = new Set<unknown>(),
): { path: string; schema: z.ZodType }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const at = (segment: string) => (path === "(root)" ? segment : `${path}.${segment}`);
  switch (def.type) {
    case "string":
      return [{ path, schema }];
    case "pipe":
      // A pipe is tested whole: what its input side accepts, its output side may still refuse.
      return defOf(def.in as z.ZodType).type === "string"
        ? [{ path, schema }]
        : stringLeaves(def.in as z.ZodType, path, seen);
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => stringLeaves(value, at(key), seen));
    case "array":
      return stringLeaves(def.element as z.ZodType, at("0"), seen);
    case "tuple":
      return (def.items ?? []).flatMap((item, i) => stringLeaves(item, at(String(i)), seen));
    case "record":
      return stringLeaves(def.valueType as z.ZodType, at("*"), seen);
    case "union":
      return (def.options ?? []).flatMap((option) => stringLeaves(option, path, seen));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return stringLeaves(def.innerType as z.ZodType, path, seen);
    case "lazy":
      return stringLeaves((def.getter as () => z.ZodType)(), path, seen);
    default:
      return [];
  }
}
