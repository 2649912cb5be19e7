/**
 * Runs every workspace's vitest suite one after another (the machine has two cores and the
 * workerd and integration suites each start their own servers), then prints one closing line
 * `N passed, N failed, N skipped` summed over all suites. Exits non-zero when anything failed,
 * including a suite that crashed before reporting.
 *
 *   bun run test                 all suites
 *   bun run test db devstack     only suites whose folder contains one of the words
 *
 * A workspace with a `test:e2e` script also gets a second suite, "<dir> e2e", run with
 * Playwright's JSON reporter (select it alone with `bun run test e2e`).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const groups = ["packages", "edge", "apps", "."];

type Suite = { dir: string; kind: "vitest" | "e2e"; name: string };

function suites(): Suite[] {
  const found: Suite[] = [];
  for (const group of groups) {
    if (group !== "." && !existsSync(join(root, group))) continue;
    const dirs = group === "." ? ["workers"] : readdirSync(join(root, group)).map((d) => join(group, d));
    for (const dir of dirs) {
      const pkg = join(root, dir, "package.json");
      if (!existsSync(pkg)) continue;
      const scripts = JSON.parse(readFileSync(pkg, "utf8")).scripts ?? {};
      if (scripts.test) found.push({ dir, kind: "vitest", name: dir });
      if (scripts["test:e2e"]) found.push({ dir, kind: "e2e", name: `${dir} e2e` });
    }
  }
  return found;
}

type Counts = { passed: number; failed: number; skipped: number };

/** Playwright in the workspace, reporting to the terminal and to `out` (its JSON report). */
function runE2eSuite(dir: string, out: string): Promise<{ code: number; counts: Counts | null }> {
  const bin = join(root, dir, "node_modules/.bin/playwright");
  return new Promise((resolve) => {
    const child = spawn(bin, ["test", "--reporter=list,json"], {
      cwd: join(root, dir),
      stdio: "inherit",
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", () => resolve({ code: 1, counts: null }));
    child.on("exit", (code) => {
      let counts: Counts | null = null;
      if (existsSync(out)) {
        const stats = JSON.parse(readFileSync(out, "utf8")).stats ?? {};
        counts = {
          passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
          failed: stats.unexpected ?? 0,
          skipped: stats.skipped ?? 0,
        };
      }
      resolve({ code: code ?? 1, counts });
    });
  });
}

function runSuite(dir: string, out: string): Promise<{ code: number; counts: Counts | null }> {
  const local = join(root, dir, "node_modules/.bin/vitest");
  const bin = existsSync(local) ? local : join(root, "node_modules/.bin/vitest");
  return new Promise((resolve) => {
    const child = spawn(bin, ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
      cwd: join(root, dir),
      stdio: "inherit",
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" },
    });
    child.on("exit", (code) => {
      let counts: Counts | null = null;
      if (existsSync(out)) {
        const r = JSON.parse(readFileSync(out, "utf8"));
        counts = {
          passed: r.numPassedTests ?? 0,
          failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0),
          skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
        };
      }
      resolve({ code: code ?? 1, counts });
    });
  });
}

const filters = process.argv.slice(2);
const selected = suites().filter((s) => filters.length === 0 || filters.some((f) => s.name.includes(f)));
if (selected.length === 0) {
  console.error(`no test suite matches ${filters.join(", ")}`);
  process.exit(1);
}
const outDir = mkdtempSync(join(tmpdir(), "hometrip-test-"));
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
for (const [i, { dir, kind, name }] of selected.entries()) {
  console.log(`\n━━ [${i + 1}/${selected.length}] ${name} ━━`);
  const started = Date.now();
  const run = kind === "e2e" ? runE2eSuite : runSuite;
  const { code, counts } = await run(dir, join(outDir, `${i}.json`));
  const c = counts ?? { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && c.failed === 0) c.failed = 1; // crashed or errored outside a test
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(
    `  ${name.padEnd(22)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${secs} s)`,
  );
}
console.log(`\n━━ summary ━━\n${summary.join("\n")}\n`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
