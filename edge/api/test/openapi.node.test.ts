import SwaggerParser from "@apidevtools/swagger-parser";
import { AppError, errorCodes } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import committed from "../openapi/v1.json";
import { exposedProcedurePaths, partnerApiDocument } from "../scripts/openapi-document.ts";
import { errorAnswerSchema } from "../scripts/openapi-errors.ts";
import { errorBody } from "../src/errors.ts";
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

type Operation = {
  operationId: string;
  security?: unknown[];
  description?: string;
  responses: Record<string, { $ref?: string }>;
};
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

  it("documents the API's own error answer, with the request and trace ids, as the only error schema", () => {
    const { schemas, responses } = committed.components as unknown as {
      schemas: Record<string, { required?: string[]; properties?: { code?: { enum?: string[] } } }>;
      responses: Record<string, { content: { "application/json": { schema: { $ref: string } } } }>;
    };
    expect(Object.keys(schemas)).toEqual(["Error"]);
    expect(schemas.Error?.required).toEqual(["code", "message", "requestId", "traceId"]);
    expect(schemas.Error?.properties?.code?.enum).toEqual([...errorCodes]);
    for (const response of Object.values(responses)) {
      expect(response.content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    }
  });

  it("gives every operation its error answers: 400, 429, 500, 404 on GETs, 401 and 403 where a key is needed", () => {
    for (const [path, byMethod] of Object.entries(
      committed.paths as Record<string, Record<string, Operation>>,
    )) {
      for (const [method, op] of Object.entries(byMethod)) {
        const expected = [
          "400",
          ...(op.security ? ["401", "403"] : []),
          ...(method === "get" ? ["404"] : []),
        ];
        const errors = Object.keys(op.responses).filter((status) => !status.startsWith("2"));
        expect(errors.sort(), `${method} ${path}`).toEqual([...expected, "429", "500"].sort());
        for (const status of errors) {
          expect(op.responses[status]?.$ref, `${method} ${path} ${status}`).toMatch(
            /^#\/components\/responses\//,
          );
        }
      }
    }
  });

  it("describes exactly what the handler answers", () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const answers = [
      errorBody(
        new AppError("BAD_REQUEST", "Invalid input", {
          details: { issues: [{ path: "guests", message: "Too small" }] },
        }),
        "req-1",
        traceId,
      ),
      errorBody(
        new AppError("TOO_MANY_REQUESTS", "Too many requests", { details: { retryAfter: 30 } }),
        "req-2",
        traceId,
      ),
      errorBody(new AppError("INTERNAL", "Internal error"), "req-3", traceId),
    ];
    for (const answer of answers) expect(errorAnswerSchema.parse(answer)).toEqual(answer);
    expect(
      errorAnswerSchema.safeParse({ code: "TEAPOT", message: "", requestId: "r", traceId }).success,
    ).toBe(false);
  });
});
