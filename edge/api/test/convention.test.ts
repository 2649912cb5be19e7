import { describe, expect, it } from "vitest";
import { appRouter } from "../src/router.ts";

/** The procedure convention of the README's "How to write a domain", checked over the source. */
describe("procedures/ holds procedures, one per file", () => {
  const sources = import.meta.glob(["../src/procedures/**/*.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  });
  const files = Object.entries(sources).filter(([path]) => !path.endsWith("/index.ts"));

  it("every module is one procedure or its .types.ts (helpers live outside procedures/)", () => {
    expect(files.length).toBeGreaterThan(40);
    const offenders = files
      .filter(([path]) => !path.endsWith(".types.ts"))
      .filter(([, text]) => (text.match(/^export const \w+Procedure = /gm) ?? []).length !== 1)
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it("a .types.ts holds schemas, types and metadata, never a procedure or a helper function", () => {
    const offenders = files
      .filter(([path]) => path.endsWith(".types.ts"))
      .filter(([, text]) => /Procedure\b|^export (async )?function /m.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it("every procedure carries the summary the partner API reference will show", () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { meta?: { summary?: string } } }
    >;
    const missing = Object.entries(procedures)
      .filter(([, procedure]) => !procedure._def.meta?.summary)
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});
