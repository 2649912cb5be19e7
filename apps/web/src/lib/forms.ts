/** Reads the named text fields of a submitted form (trimmed unless listed as raw, e.g. passwords). */
export function formValues<const K extends string>(
  form: HTMLFormElement,
  names: readonly K[],
  raw: readonly K[] = [],
): Record<K, string> {
  const data = new FormData(form);
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = data.get(name);
    const text = typeof value === "string" ? value : "";
    values[name] = raw.includes(name) ? text : text.trim();
  }
  return values;
}

/** Only same-site paths are followed after sign-in, so a crafted link cannot bounce users away. */
export function safeReturnPath(candidate: string | null | undefined, fallback = "/account"): string {
  if (!candidate?.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
    return fallback;
  }
  return candidate;
}
