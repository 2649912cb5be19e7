// A relative import: vitest (vitest.config.ts) has no "@/" alias for these pure modules.

import type { Parsed } from "@/lib/money.ts";
import { type FieldIssue, type FormErrors, fieldIssuesOf, formErrorsFrom } from "../../lib/api-errors.ts";

/**
 * `listings.update` takes `{ id, changes }`, so its zod issues arrive as "changes.city"; a
 * published listing that an edit would leave incomplete answers with bare paths ("city"). Both
 * land on the step's field; issues about fields of other steps become the form message.
 */
export function listingFormErrors(error: unknown, labels: Readonly<Record<string, string>>): FormErrors {
  const prefixed: Record<string, string> = {};
  for (const [name, label] of Object.entries(labels)) {
    prefixed[`changes.${name}`] = label;
    prefixed[name] = label;
  }
  const errors = formErrorsFrom(error, prefixed);
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors.fields)) {
    fields[path.replace(/^changes\./, "")] ??= message;
  }
  return { fields, form: errors.form };
}

/** Field errors found before saving (bad numbers) win over the API's, which are then stale. */
export function mergeErrors(local: Record<string, string>, api: FormErrors): FormErrors {
  if (Object.keys(local).length > 0) return { fields: local, form: null };
  return api;
}

/** What the publish check refused: one issue per missing item, with the API's own wording. */
export function publishIssuesOf(error: unknown): FieldIssue[] {
  return fieldIssuesOf(error).map((issue) => ({
    path: issue.path.replace(/^changes\./, ""),
    message: issue.message,
  }));
}

/** A whole number in [min, max] from an input ("" is missing). */
export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const s = text.trim();
  if (s === "") return { ok: false, message: "Enter a number." };
  if (!/^-?\d+$/.test(s)) return { ok: false, message: "Enter a whole number." };
  const value = Number(s);
  if (value < min) return { ok: false, message: `Must be at least ${min}.` };
  if (value > max) return { ok: false, message: `Must be at most ${max}.` };
  return { ok: true, value };
}

/** Bathrooms come in halves ("1.5"); a decimal comma is fine too. */
export function parseBaths(text: string): Parsed<number> {
  const s = text.trim().replace(",", ".");
  if (s === "") return { ok: false, message: "Enter a number." };
  const value = Number(s);
  if (!/^\d+(\.\d+)?$/.test(s) || !Number.isInteger(value * 2)) {
    return { ok: false, message: "Use whole or half numbers, like 1 or 1.5." };
  }
  if (value > 50) return { ok: false, message: "Must be at most 50." };
  return { ok: true, value };
}

/** A coordinate in degrees; a comma works as the decimal separator. */
export function parseCoordinate(text: string, limit: 90 | 180): Parsed<number> {
  const s = text.trim().replace(",", ".");
  if (s === "") return { ok: false, message: "Enter a coordinate." };
  const value = Number(s);
  if (!/^-?\d+(\.\d+)?$/.test(s) || !Number.isFinite(value)) {
    return { ok: false, message: "Enter decimal degrees, like 38.7223." };
  }
  if (Math.abs(value) > limit) return { ok: false, message: `Must be between -${limit} and ${limit}.` };
  return { ok: true, value };
}

/**
 * Collects parsed values and the messages of the ones that failed, so a step can show every bad
 * field at once and send nothing until all parse.
 */
export function collect<K extends string>(
  parsed: Record<K, Parsed<unknown>>,
): { values: Partial<Record<K, unknown>>; errors: Record<string, string> } {
  const values: Partial<Record<K, unknown>> = {};
  const errors: Record<string, string> = {};
  for (const [key, result] of Object.entries(parsed) as [K, Parsed<unknown>][]) {
    if (result.ok) values[key] = result.value;
    else errors[key] = result.message;
  }
  return { values, errors };
}

/** An IANA zone the runtime knows ("Europe/Lisbon", "UTC"); the API only checks the length. */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
