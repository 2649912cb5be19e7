import { describe, expect, it } from "vitest";
import { createProgress, renderBar } from "../src/seed/progress.ts";

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (s: string) => chunks.push(s) };
}

describe("progress bar", () => {
  it("renders proportionally and clamps", () => {
    expect(renderBar(0, 10, 10)).toBe("[----------]   0%");
    expect(renderBar(5, 10, 10)).toBe("[#####-----]  50%");
    expect(renderBar(12, 10, 10)).toBe("[##########] 100%");
    expect(renderBar(0, 0, 4)).toBe("[####] 100%");
  });

  it("redraws one line in place on a terminal and ends it on finish", () => {
    let t = 0;
    const stream = fakeStream(true);
    const bar = createProgress({ stream, now: () => t, width: 10 });
    bar.update(0, 4, "listings");
    t += 1_000;
    bar.update(2, 4, "listings");
    t += 1_000;
    bar.update(4, 4, "listings");
    bar.finish("done");
    const out = stream.chunks.join("");
    expect(out.split("\r").length - 1).toBe(3);
    expect(out).toContain("listings   [##########] 100% 4/4");
    expect(out.endsWith("\ndone\n")).toBe(true);
  });

  it("prints plain lines when not a terminal, throttled but never dropping stage changes or the end", () => {
    let t = 0;
    const stream = fakeStream(false);
    const bar = createProgress({ stream, now: () => t, lineIntervalMs: 2_000, width: 4 });
    bar.update(0, 100, "users");
    for (let i = 1; i < 100; i++) {
      t += 100;
      bar.update(i, 100, "users");
    }
    bar.update(100, 100, "users");
    bar.update(100, 100, "users");
    bar.update(0, 10, "listings");
    const lines = stream.chunks.join("").trimEnd().split("\n");
    expect(stream.chunks.join("")).not.toContain("\r");
    expect(lines[0]).toBe("users      [----]   0% 0/100");
    expect(lines.filter((l) => l.includes("100% 100/100"))).toHaveLength(1);
    expect(lines.at(-1)).toBe("listings   [----]   0% 0/10");
    // 10 s of updates every 100 ms at one line per 2 s: start, ~4 periodic lines, end, next stage.
    expect(lines.length).toBeLessThanOrEqual(8);
  });
});
