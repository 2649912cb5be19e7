/**
 * Builds the partner API's OpenAPI 3.1 document from the procedures whose meta carries an
 * `openapi` route (see src/partner-api/expose.ts). Node/Bun only, at build time: trpc-to-openapi
 * pulls a Node body parser into whatever imports it, which workerd cannot run, so the Worker
 * serves the JSON this writes instead of importing the generator.
 */
import { fileURLToPath } from "node:url";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { partnerApiVersion } from "../src/partner-api/expose.ts";
import { appRouter } from "../src/router.ts";
import { errorAnswerSchema, errorSchemaName, withErrorAnswers } from "./openapi-errors.ts";

export const documentPath = fileURLToPath(new URL("../openapi/v1.json", import.meta.url));

export function partnerApiDocument(): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: "HomeTrip partner API",
    version: `${partnerApiVersion}.0.0`,
    description:
      "Listing search, listings, quotes and availability for anyone; a member's own listings, " +
      "calendars and account with an API key (`Authorization: Bearer htk_…`, created under " +
      "Account → Security). Each call that needs a key names the scope it must hold; a key " +
      "without it gets 403. Every error, including an unknown path (404) and the rate limit (429), " +
      "answers `{ code, message, requestId, traceId, issues?, details? }` (the `Error` schema).",
    openApiVersion: "3.1.0",
    // Relative: the document is served by the API itself, and by the web app's /api-docs.
    baseUrl: "/",
    securitySchemes: {
      apiKey: { type: "http", scheme: "bearer", description: "A partner API key, `htk_…`" },
    },
    tags: ["listings", "hosting", "account"],
    defs: { [errorSchemaName]: errorAnswerSchema },
  });
  return withErrorAnswers(document);
}

/** The procedure paths (`listings.get`) the document covers, for the coverage test. */
export function exposedProcedurePaths(): string[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: { openapi?: unknown } } }
  >;
  return Object.entries(procedures)
    .filter(([, procedure]) => procedure._def.meta?.openapi !== undefined)
    .map(([path]) => path)
    .sort();
}
