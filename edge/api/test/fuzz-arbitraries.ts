import { utcDaysFromToday } from "@hometrip/testkit/dates";
import fc from "fast-check";
import type * as z from "zod";
import { type Def, defOf } from "./zod-walk.ts";

/**
 * fast-check arbitraries derived from a zod 4 schema by walking its definition: mostly values the
 * schema's shape suggests (so calls get past validation into the code behind it), mixed at every
 * level with hostile values a schema-guided attacker would send.
 */

/** Strings that have broken, or could break, something between the contract and Postgres. */
export const hostileStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "\u0007\u001b[2J",
  "line\nbreak",
  "\ud800",
  "😀".repeat(40),
  "' OR 1=1; --",
  "\\",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, sent as typed
  "${jndi:ldap://x}",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "__proto__",
  "Not/AZone",
  "+05:00",
  "0000-01-01",
  "9999-12-31",
  "+010000-01-01",
  "2026-02-30",
  "1970-01-01",
  "NaN",
  "x".repeat(5_001),
  "x".repeat(70_000),
];

/** Numbers at the edges of JSON, JavaScript and Postgres integer types. */
export const hostileNumbers = [
  0,
  -0,
  -1,
  0.5,
  1e-300,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
];

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { admin: true } }, { constructor: "x" }),
  fc.string({ maxLength: 20 }),
);

function lengthBounds(def: Def): { min: number; max: number } {
  let min = 0;
  let max = 20;
  for (const check of def.checks ?? []) {
    const { check: kind, minimum, maximum } = check._zod.def;
    if (kind === "min_length" && minimum !== undefined) min = minimum;
    if (kind === "max_length" && maximum !== undefined) max = maximum;
  }
  return { min, max: Math.max(min, Math.min(max, 40)) };
}

const dateInRange = fc
  .date({ min: new Date("1999-06-01T00:00:00Z"), max: new Date("2101-06-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Mostly near today, where listings' calendars and quotes live. */
const nearToday = fc.integer({ min: -40, max: 800 }).map((days) => utcDaysFromToday(days));

function stringArbitrary(schema: z.ZodType, def: Def): fc.Arbitrary<unknown> {
  const patterns = (def.checks ?? []).flatMap((c) => (c._zod.def.pattern ? [c._zod.def.pattern] : []));
  const formats: Record<string, fc.Arbitrary<string>> = {
    uuid: fc.uuid(),
    guid: fc.uuid(),
    email: fc.emailAddress(),
    url: fc.webUrl({ withQueryParameters: true }),
    date: fc.oneof(nearToday, dateInRange),
    datetime: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  };
  const format = (schema as unknown as { format?: string | null }).format ?? def.format;
  const shaped: fc.Arbitrary<string> =
    (format ? formats[format] : undefined) ??
    (patterns[0] && format === "regex" ? fc.stringMatching(patterns[0]) : undefined) ??
    fc.string({ ...lengthBounds(def), unit: "grapheme" });
  // A plausible value with one control character slipped in gets past length and shape checks.
  const injected = fc
    .tuple(shaped, fc.constantFrom("\u0000", "\u0007", "\u001b", "\n", "\u007f", "\ud800"), fc.nat())
    .map(([text, char, at]) => {
      const i = at % (text.length + 1);
      return `${text.slice(0, i)}${char}${text.slice(i)}`;
    });
  return fc.oneof(
    { weight: 3, arbitrary: shaped },
    { weight: 1, arbitrary: injected },
    { weight: 1, arbitrary: fc.constantFrom(...hostileStrings) },
  );
}

function numberArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const bounds = schema as unknown as {
    minValue?: number | null;
    maxValue?: number | null;
    format?: string | null;
  };
  const min = Math.max(bounds.minValue ?? -1e6, -1e9);
  const max = Math.min(bounds.maxValue ?? 1e6, 1e9);
  const shaped =
    bounds.format === "safeint" || bounds.format === "int32"
      ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 1, arbitrary: fc.constantFrom(...hostileNumbers) },
  );
}

/** Ids the fuzzer should reuse (the caller's own listing, say) so calls reach past "not found". */
export type FuzzContext = { knownIds: string[] };

export function arbitraryFor(schema: z.ZodType, context: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 8) return hostileValue;
  const inner = (s: z.ZodType) => arbitraryFor(s, context, depth + 1);
  let shaped: fc.Arbitrary<unknown>;
  switch (def.type) {
    case "string":
      shaped =
        def.format === "uuid" && context.knownIds.length > 0
          ? fc.oneof(fc.constantFrom(...context.knownIds), stringArbitrary(schema, def))
          : stringArbitrary(schema, def);
      break;
    case "number":
      shaped = numberArbitrary(schema);
      break;
    case "boolean":
      shaped = fc.boolean();
      break;
    case "enum":
      shaped = fc.constantFrom(...Object.values(def.entries ?? {}));
      break;
    case "literal":
      shaped = fc.constantFrom(...(def.values ?? []));
      break;
    case "object": {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const record = fc.record(
        Object.fromEntries(keys.map((key) => [key, inner(shape[key] as z.ZodType)])) as Record<
          string,
          fc.Arbitrary<unknown>
        >,
        { requiredKeys: keys.filter((key) => !isOptional(shape[key] as z.ZodType)) },
      );
      shaped = fc.oneof(
        { weight: 12, arbitrary: record },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.dictionary(fc.string(), hostileValue, { maxKeys: 2 }))
            .map(([a, b]) => ({ ...b, ...a })),
        },
      );
      break;
    }
    case "array": {
      const { min, max } = lengthBounds(def);
      shaped = fc.array(inner(def.element as z.ZodType), { minLength: min, maxLength: Math.min(max, 6) });
      break;
    }
    case "tuple":
      shaped = fc.tuple(...(def.items ?? []).map(inner));
      break;
    case "record":
      shaped = fc.dictionary(fc.string({ maxLength: 10 }), inner(def.valueType as z.ZodType), { maxKeys: 4 });
      break;
    case "optional":
    case "default":
    case "prefault":
      shaped = fc.option(inner(def.innerType as z.ZodType), { nil: undefined, freq: 2 });
      break;
    case "nullable":
      shaped = fc.option(inner(def.innerType as z.ZodType), { nil: null, freq: 4 });
      break;
    case "readonly":
    case "catch":
    case "nonoptional":
      shaped = inner(def.innerType as z.ZodType);
      break;
    case "union":
      shaped = fc.oneof(...(def.options ?? []).map(inner));
      break;
    case "pipe":
      // The output side often holds the real format (an email behind a trim), the input side the raw one.
      shaped =
        defOf(def.out as z.ZodType).type === "transform"
          ? inner(def.in as z.ZodType)
          : fc.oneof(inner(def.in as z.ZodType), inner(def.out as z.ZodType));
      break;
    case "lazy":
      shaped = inner((def.getter as () => z.ZodType)());
      break;
    case "undefined":
    case "void":
      shaped = fc.constant(undefined);
      break;
    case "null":
      shaped = fc.constant(null);
      break;
    default:
      shaped = fc.jsonValue({ maxDepth: 2 });
  }
  // Rarely a whole node is hostile: most calls should pass validation and reach the code behind it.
  return fc.oneof({ weight: 24, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === "optional" || type === "default" || type === "prefault";
}
