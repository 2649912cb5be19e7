/**
 * An imported calendar's address as the host's list shows it: enough to recognise the feed (host,
 * path, parameter names) without its secret. Calendar platforms put the token that unlocks a
 * feed either in the query (`?s=…`, `?t=…`) or as a long path segment; those are shortened, and
 * credentials in the address are dropped, so a screenshot or a shared screen does not hand out
 * access to the host's other calendar.
 */
export function feedDisplayUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  const path = url.pathname
    .split("/")
    .map((segment) => {
      const [, stem = "", extension = ""] = /^(.*?)((?:\.[A-Za-z0-9]{1,5})?)$/.exec(segment) ?? [];
      return stem.length >= 16 && /^[A-Za-z0-9_%-]+$/.test(stem)
        ? `${stem.slice(0, 4)}…${extension}`
        : segment;
    })
    .join("/");
  const names = [...new Set(url.searchParams.keys())];
  const query = names.length > 0 ? `?${names.map((name) => `${name}=…`).join("&")}` : "";
  return `${url.protocol}//${url.host}${path}${query}`;
}
