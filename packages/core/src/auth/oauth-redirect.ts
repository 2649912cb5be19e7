const MAX_REDIRECT_LENGTH = 2048;
const probeOrigin = "https://hometrip.invalid";

/**
 * Where to send the user after signing in, reduced to a path on the web app's own origin, so a
 * crafted sign-in link cannot bounce a fresh session to another site (an open redirect). Anything
 * that is not a plain same-origin path falls back to "/": absolute and scheme-relative URLs
 * ("//evil.test", "/\evil.test", which browsers read as "//"), control characters, and anything
 * that resolves elsewhere.
 */
export function safeRedirectPath(raw: string | null | undefined): string {
  if (!raw || raw.length > MAX_REDIRECT_LENGTH) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, probeOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== probeOrigin) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
