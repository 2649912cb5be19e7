/**
 * Turns an error from the API into what a form shows: a message per field and one for the form.
 * The API answers invalid input with BAD_REQUEST and `data.issues: [{ path: "a.b", message }]`
 * (edge/api/src/trpc-errors.ts); other failures carry our closed `data.code`.
 */
export type FieldIssue = { path: string; message: string };
export type FormErrors = { fields: Record<string, string>; form: string | null };

type ErrorLike = {
  message?: unknown;
  data?: { code?: unknown; issues?: unknown } | null;
  shape?: { data?: { code?: unknown; issues?: unknown } } | null;
};

export const noErrors: FormErrors = { fields: {}, form: null };

const fallbackByCode: Record<string, string> = {
  UNAUTHORIZED: "Please log in to continue.",
  FORBIDDEN: "You are not allowed to do that.",
  NOT_FOUND: "We could not find that.",
  CONFLICT: "That conflicts with something that already exists.",
  TOO_MANY_REQUESTS: "Too many attempts. Please wait a moment and try again.",
  UNAVAILABLE: "The service is unavailable right now. Please try again shortly.",
  INTERNAL: "Something went wrong on our side. Please try again.",
};

/** The API's error code (`BAD_REQUEST`, `UNAUTHORIZED`, …), or null for network failures. */
export function apiErrorCode(error: unknown): string | null {
  const data = dataOf(error);
  return typeof data?.code === "string" ? data.code : null;
}

export function fieldIssuesOf(error: unknown): FieldIssue[] {
  const issues = dataOf(error)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue =>
      typeof i === "object" && i !== null && typeof i.path === "string" && typeof i.message === "string",
  );
}

/**
 * Issues whose path starts with one of the form's fields (name → label) land on that field (the
 * first issue wins, so a field shows one message); the rest, and any non-validation error,
 * become the form message.
 */
export function formErrorsFrom(error: unknown, fields: Readonly<Record<string, string>>): FormErrors {
  if (!error) return noErrors;
  const result: FormErrors = { fields: {}, form: null };
  const stray: string[] = [];
  const names = Object.keys(fields);
  for (const issue of fieldIssuesOf(error)) {
    const field = names.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field === undefined) stray.push(sentence(humanizeIssue(issue.message), labelOfPath(issue.path)));
    else result.fields[field] ??= sentence(humanizeIssue(issue.message), fields[field] ?? null);
  }
  if (stray.length > 0) result.form = stray.join(" ");
  else if (Object.keys(result.fields).length === 0) result.form = errorMessage(error);
  return result;
}

/**
 * The API words field issues to follow the field's name ("must be at least 12 characters");
 * with the label that reads "Password must be at least 12 characters."
 */
function sentence(message: string, label: string | null): string {
  let text = message.trim();
  if (/^(is|are|must|should|cannot|may)\b/.test(text)) text = `${label ?? "This"} ${text}`;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// JSON.parse's wording in V8 ("Unexpected token 'I', \"Internal S\"... is not valid JSON"),
// Firefox ("JSON.parse: unexpected character …") and Safari ("JSON Parse error: …").
const unparsableAnswer =
  /Unexpected token|is not valid JSON|Unexpected end of JSON input|JSON\.parse|JSON Parse error/i;

/** One sentence for an error that is not about a single field. */
export function errorMessage(error: unknown): string {
  const code = apiErrorCode(error);
  const raw = (error as ErrorLike | null)?.message;
  const message = typeof raw === "string" ? raw.trim() : "";
  if (code === null) {
    if (/fetch|network|Failed to/i.test(message) || message === "") {
      return "We could not reach HomeTrip. Check your connection and try again.";
    }
    // Something between the browser and the API answered with a page, not the API's JSON.
    return unparsableAnswer.test(message) ? "HomeTrip did not answer properly. Please try again." : message;
  }
  if (code === "INTERNAL" || message === "" || message === "Invalid input") {
    return fallbackByCode[code] ?? "Something went wrong. Please try again.";
  }
  // The API's messages are phrases ("Sign in to continue"); shown alone they end as sentences.
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

// zod's default messages speak of types ("Too small: expected string to have >=1 characters"); a
// person filling a form wants plain words, worded to follow the field's name as the API's are.
function humanizeIssue(message: string): string {
  const tooShort = /^Too small: expected string to have >=?(\d+) characters?/i.exec(message);
  if (tooShort) {
    const n = Number(tooShort[1]);
    return n <= 1 ? "is required" : `must be at least ${n} characters`;
  }
  const tooLong = /^Too big: expected string to have <=?(\d+) characters?/i.exec(message);
  if (tooLong) return `must be at most ${tooLong[1]} character${tooLong[1] === "1" ? "" : "s"}`;
  const low = /^Too small: expected number to be >=?(-?[\d.]+)/i.exec(message);
  if (low) return `must be at least ${low[1]}`;
  const high = /^Too big: expected number to be <=?(-?[\d.]+)/i.exec(message);
  if (high) return `must be at most ${high[1]}`;
  if (/^Invalid email/i.test(message)) return "Enter a valid email address.";
  if (/received undefined/i.test(message)) return "is required";
  if (/^Invalid input/i.test(message)) return "is not valid";
  return message;
}

/** "checkIn" or "changes.maxNights" as words ("Max nights") for an issue no form field shows. */
function labelOfPath(path: string): string | null {
  const last = path
    .split(".")
    .filter((p) => !/^\d+$/.test(p))
    .pop();
  if (!last) return null;
  const words = last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function dataOf(error: unknown): { code?: unknown; issues?: unknown } | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as ErrorLike;
  return e.data ?? e.shape?.data ?? null;
}
