import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import committed from "../openapi/v1.json";
import { exposedProcedurePaths, partnerApiDocument } from "../scripts/openapi-document.ts";
import { appRouter } from "../src/router.ts";

/**
 * The partner surface, chosen on purpose: exposing another procedure (or dropping one) is a change
 * to a versioned public API and starts by editing this list.
 */
const partnerSurface = [
  "calendar.availability",
  "calendar.range",
  "listings.get",
  "listings.mine",
  "listings.quote",
  "search.listings",
  "users.me",
];

type Operation = { operationId: string; security?: unknown[]; description?: string };
const operations = (document: { paths?: Record<string, Record<string, Operation>> }) =>
  Object.values(document.paths ?? {}).flatMap((byMethod) => Object.values(byMethod));

describe("partner OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const api = await SwaggerParser.validate(structuredClone(committed) as never);
    expect((api as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("is what the procedures generate today (run `bun run --cwd edge/api openapi` after a change)", () => {
    expect(JSON.parse(JSON.stringify(partnerApiDocument()))).toEqual(committed);
  });

  it("covers every procedure marked for exposure and no other", () => {
    expect(exposedProcedurePaths()).toEqual(partnerSurface);
    const documented = operations(committed as never).map((op) => op.operationId.replace(/-/g, "."));
    expect(documented.sort()).toEqual(partnerSurface);
  });

  it("marks a call as needing a key exactly when its procedure refuses anonymous callers, naming the scope", () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { meta?: { scope?: string } } }
    >;
    for (const op of operations(committed as never)) {
      const meta = procedures[op.operationId.replace(/-/g, ".")]?._def.meta;
      if (op.security) expect(meta?.scope, op.operationId).toBeTruthy();
      if (meta?.scope) expect(op.description, op.operationId).toContain(meta.scope);
    }
  });
});
