import type { Context } from "hono";

/**
 * Sets a header on the answer a route gave, in place. Hono's `c.header` after the route has
 * answered copies the whole Response first (it cannot know whether the headers are mutable); every
 * answer this Worker builds is its own `new Response`, so a copy is needed only for one whose
 * headers are immutable (a `fetch` result passed through), and then Hono's copy is used.
 */
export function setResponseHeader(c: Context, name: string, value: string, opts?: { append: true }): void {
  try {
    if (opts?.append) c.res.headers.append(name, value);
    else c.res.headers.set(name, value);
  } catch {
    c.header(name, value, opts);
  }
}
