/**
 * Whether `a` is within `max` edits (insert, delete, substitute) of `b`: the typo rule the search
 * adapters apply (one edit from 4 letters, two from 7), for the offline gazetteer's matching.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    if (Math.min(...row) > max) return false;
    previous = row;
  }
  return (previous[b.length] ?? Number.POSITIVE_INFINITY) <= max;
}

/** Typos forgiven in a word of this many letters. */
export const typosAllowed = (length: number) => (length >= 7 ? 2 : length >= 4 ? 1 : 0);
