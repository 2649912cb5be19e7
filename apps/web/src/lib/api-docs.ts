import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Swagger UI for the partner API, from our own copy of `swagger-ui-dist` (pinned in this app's
 * dependencies), never a CDN: the page works offline and loads nothing from another origin.
 * The document it shows is the API's /openapi.json, reached through this origin like every API path.
 */
const assets: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

// Swagger UI's defaults would ask validator.swagger.io about the document; `validatorUrl: null` keeps it home.
const initScript = `window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
`;

export const apiDocsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>HomeTrip partner API</title>
<link rel="icon" type="image/png" href="/api-docs/favicon-32x32.png">
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>
`;

/** One of Swagger UI's files, or our initializer; null for any other name. */
export async function apiDocsAsset(
  name: string,
): Promise<{ body: string | Uint8Array; type: string } | null> {
  if (name === "init.js") return { body: initScript, type: "text/javascript; charset=utf-8" };
  const type = assets[name];
  if (!type) return null;
  const body = await readFile(join(process.cwd(), "node_modules/swagger-ui-dist", name));
  return { body: new Uint8Array(body), type };
}
