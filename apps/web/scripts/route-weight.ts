import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript (gzip) each page route loads before it is usable, read from a finished
 * `next build`: the framework's root chunks plus every chunk the route's client manifest lists
 * for its layouts, page and boundaries. Next 16 no longer prints these sizes; this does, so a
 * change that grows a route shows in the build log, and one that passes a route's budget fails it.
 */
const webDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(webDir, process.env.NEXT_DIST_DIR ?? ".next");
const KiB = 1024;
/** Budgets (gzip KiB): the search page keeps the map's code out of its first load (issue 12). */
const budgets: Record<string, number> = { "/search": 200 };
const defaultBudget = 200;

type RouteWeight = { route: string; chunks: number; gzipKiB: number; budgetKiB: number };

const gzipSizes = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
    gzipSizes.set(file, size);
  }
  return size;
}

function pageManifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageManifests(path);
    return entry.name === "page_client-reference-manifest.js" ? [path] : [];
  });
}

export function routeWeights(): RouteWeight[] {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const appDir = join(distDir, "server/app");
  return pageManifests(appDir)
    .map((file) => {
      const route = `/${relative(appDir, file).replace(/\/?page_client-reference-manifest\.js$/, "")}`;
      const source = readFileSync(file, "utf8");
      const json = source.slice(source.indexOf("= {") + 2).replace(/;\s*$/, "");
      const manifest = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
      const chunks = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
      const bytes = [...chunks].reduce((sum, chunk) => sum + gzipSize(chunk), 0);
      return { route, chunks: chunks.size, gzipKiB: bytes / KiB, budgetKiB: budgets[route] ?? defaultBudget };
    })
    .filter((w) => !w.route.startsWith("/_"))
    .sort((a, b) => a.route.localeCompare(b.route));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(distDir, "build-manifest.json"))) {
    console.error(`no build in ${distDir}: run next build first`);
    process.exit(2);
  }
  const weights = routeWeights();
  console.log("\nJavaScript before a route is usable (gzip):");
  for (const w of weights) {
    const over = w.gzipKiB > w.budgetKiB;
    console.log(
      `${over ? "✗" : " "} ${w.route.padEnd(28)} ${w.gzipKiB.toFixed(1).padStart(7)} KiB  (${w.chunks} chunks, budget ${w.budgetKiB} KiB)`,
    );
  }
  const over = weights.filter((w) => w.gzipKiB > w.budgetKiB);
  if (over.length > 0) {
    console.error(`\n${over.map((w) => w.route).join(", ")} over budget`);
    process.exit(1);
  }
}
