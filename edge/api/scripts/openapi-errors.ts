/**
 * The partner API's error answers as the OpenAPI document describes them. trpc-to-openapi documents
 * its own `{ message, code, issues }` shape, which is not what `/v1` answers: every error there is the
 * API's `ErrorBody` (src/errors.ts), the same as the plain Hono routes, with the request id and the
 * W3C trace id to quote to support. Build time only, like the rest of the generator.
 */
import { errorCodes } from "@hometrip/contracts";
import type { OpenAPIObject } from "trpc-to-openapi";
import * as z from "zod";

export const errorSchemaName = "Error";

export const errorAnswerSchema = z
  .object({
    code: z
      .enum(errorCodes)
      .meta({ description: "One of the API's error codes; the HTTP status follows from it." }),
    message: z.string().meta({ description: "What went wrong, for a person to read." }),
    requestId: z.string().meta({ description: "This request's id, also in the `x-request-id` header." }),
    traceId: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .meta({
        description:
          "The W3C trace id (the `traceparent` sent, or one started for the call), also in the " +
          "`x-trace-id` header and in every log line the request wrote.",
      }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "For BAD_REQUEST: each invalid field, as a dotted path, and why." }),
    details: z.unknown().optional().meta({ description: "Further facts about a refusal, when it has some." }),
  })
  .meta({
    description: "Every error answer of the partner API.",
    example: {
      code: "NOT_FOUND",
      message: "Listing not found",
      requestId: "0f9c1a52-5d8e-4c4e-9a55-2f4f5b0c7d11",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    },
  });

/** The error answers an operation may give, by status; 401 and 403 only where a key is required. */
const errorResponses = {
  400: {
    name: "BadRequest",
    description: "The input is invalid (`issues` names each field), or the body is not a JSON object.",
  },
  401: { name: "Unauthorized", description: "No API key, or one that is unknown, expired or revoked." },
  403: { name: "Forbidden", description: "The API key lacks the scope this call needs." },
  404: { name: "NotFound", description: "Nothing here, or nothing this caller may see." },
  429: {
    name: "TooManyRequests",
    description: "Over the request budget of this address or key; retry after `Retry-After` seconds.",
    headers: {
      "Retry-After": {
        description: "Seconds until the budget refills.",
        schema: { type: "integer", minimum: 1 },
      },
    },
  },
  500: { name: "InternalError", description: "Our failure; quote `traceId` to support." },
} as const;

type Operation = { responses?: Record<string, unknown>; security?: unknown[] };

/**
 * Replaces trpc-to-openapi's error responses with ours: `components.responses` holds one response per
 * status, each an `Error`, and every operation refers to them. Every call can be refused for bad
 * input, for the rate limit or by our failure; a GET can also miss (404), a call that needs a key be
 * unauthenticated (401) or out of scope (403).
 */
export function withErrorAnswers(document: OpenAPIObject): OpenAPIObject {
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error.")),
  );
  const responses: NonNullable<OpenAPIObject["components"]>["responses"] = {};
  for (const { name, description, ...rest } of Object.values(errorResponses)) {
    responses[name] = {
      description,
      ...rest,
      content: { "application/json": { schema: { $ref: `#/components/schemas/${errorSchemaName}` } } },
    };
  }
  for (const byMethod of Object.values(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(byMethod as Record<string, Operation>)) {
      const statuses = [
        400,
        ...(operation.security ? [401, 403] : []),
        ...(method === "get" ? [404] : []),
        429,
        500,
      ];
      operation.responses = {
        ...Object.fromEntries(
          Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith("2")),
        ),
        ...Object.fromEntries(
          statuses.map((status) => [
            String(status),
            { $ref: `#/components/responses/${errorResponses[status as keyof typeof errorResponses].name}` },
          ]),
        ),
      };
    }
  }
  document.components = { ...document.components, schemas, responses };
  return document;
}
