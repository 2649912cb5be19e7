import { invalid } from "./errors.ts";
import type { FormObject, FormValue } from "./form.ts";

/** Readers for form parameters with Stripe's error messages for the wrong shape. */
export function str(params: FormObject, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`Invalid string: ${name}`, name);
  return value;
}

export function requiredStr(params: FormObject, name: string): string {
  const value = str(params, name);
  if (value === undefined || value === "") throw invalid(`Missing required param: ${name}.`, name);
  return value;
}

export function int(params: FormObject, name: string): number | undefined {
  const value = str(params, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,12}$/.test(value)) throw invalid(`Invalid integer: ${value}`, name);
  return Number(value);
}

export function positiveAmount(params: FormObject, name: string, required: boolean): number | undefined {
  const value = int(params, name);
  if (value === undefined) {
    if (required) throw invalid(`Missing required param: ${name}.`, name);
    return undefined;
  }
  if (value < 1) throw invalid("This value must be greater than or equal to 1.", name);
  return value;
}

export function bool(params: FormObject, name: string): boolean | undefined {
  const value = str(params, name);
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") throw invalid(`Invalid boolean: ${value}`, name);
  return value === "true";
}

export function obj(params: FormObject, name: string): FormObject | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Invalid object`, name);
  return value;
}

export function currency(params: FormObject, required: boolean): string | undefined {
  const value = required ? requiredStr(params, "currency") : str(params, "currency");
  if (value !== undefined && !/^[a-zA-Z]{3}$/.test(value))
    throw invalid(`Invalid currency: ${value}`, "currency");
  return value?.toLowerCase();
}

/** Metadata as Stripe keeps it: strings only; an empty value unsets a key. */
export function mergeMetadata(current: Record<string, string>, params: FormObject): Record<string, string> {
  const given = params.metadata;
  if (given === undefined) return current;
  if (given === "") return {};
  if (typeof given !== "object" || Array.isArray(given)) throw invalid("Invalid object", "metadata");
  const next = { ...current };
  for (const [key, value] of Object.entries(given as Record<string, FormValue>)) {
    if (typeof value !== "string") throw invalid("Invalid metadata value", `metadata[${key}]`);
    if (key.length > 40) throw invalid("Metadata keys must be at most 40 characters", `metadata[${key}]`);
    if (value === "") delete next[key];
    else next[key] = value.slice(0, 500);
  }
  return next;
}
