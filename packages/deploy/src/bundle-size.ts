import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Gzip size of what `wrangler deploy --outdir` wrote: every module of the bundle (JavaScript and
 * wasm), not the source maps, each compressed on its own as the upload is. wrangler prints a
 * total too, but only as text; this number is the one the budget is checked against.
 */
export function bundleGzipBytes(outdir: string): { rawBytes: number; gzipBytes: number; files: number } {
  let rawBytes = 0;
  let gzipBytes = 0;
  let files = 0;
  for (const name of readdirSync(outdir, { recursive: true }) as string[]) {
    const path = join(outdir, name);
    if (!statSync(path).isFile() || !/\.(m?js|cjs|wasm)$/.test(name)) continue;
    const bytes = readFileSync(path);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
    files++;
  }
  return { rawBytes, gzipBytes, files };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
