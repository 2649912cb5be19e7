import { SearchQueryError } from "./port.ts";

/**
 * Position after the last hit of a page: the sort key values of that hit and its id. Encoded as
 * base64url JSON so clients treat it as opaque. `order` names the effective ordering so a cursor
 * cannot be replayed against a different sort.
 */
export interface CursorPosition {
  order: string;
  keys: (number | string)[];
  /** Adapter-specific extras, e.g. Typesense's snapshot time and offset. */
  extra?: Record<string, number>;
}

export function encodeCursor(position: CursorPosition): string {
  return base64url(JSON.stringify(position));
}

export function decodeCursor(cursor: string, order: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64url(cursor));
  } catch {
    throw new SearchQueryError("cursor is not one this search returned");
  }
  if (!isPosition(parsed)) throw new SearchQueryError("cursor is not one this search returned");
  if (parsed.order !== order) throw new SearchQueryError("cursor belongs to a different sort order");
  return parsed;
}

function isPosition(value: unknown): value is CursorPosition {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.order === "string" &&
    Array.isArray(v.keys) &&
    v.keys.every((k) => typeof k === "number" || typeof k === "string") &&
    (v.extra === undefined ||
      (typeof v.extra === "object" &&
        v.extra !== null &&
        Object.values(v.extra).every((x) => typeof x === "number")))
  );
}

// btoa/atob rather than Buffer: the same code runs in workerd, Bun and Node.
function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(encoded: string): string {
  const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
