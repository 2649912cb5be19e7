/**
 * `bun run --cwd edge/api openapi`: writes openapi/v1.json from the procedures. The file is
 * committed (the Worker imports it into its bundle); a test fails when it is out of date.
 */
import { writeFileSync } from "node:fs";
import { documentPath, partnerApiDocument } from "./openapi-document.ts";

const document = partnerApiDocument();
writeFileSync(documentPath, `${JSON.stringify(document, null, 2)}\n`);
console.log(`openapi/v1.json: ${Object.keys(document.paths ?? {}).length} paths`);
