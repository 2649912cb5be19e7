import Link from "next/link";

/** The groups of a booking list as links (the group is in the URL, so back/forward and links work). */
export function BookingTabs<G extends string>({
  base,
  groups,
  current,
  label,
}: {
  base: string;
  groups: readonly { group: G; label: string }[];
  current: G;
  label: string;
}) {
  return (
    <nav className="booking-tabs" aria-label={label}>
      {groups.map(({ group, label: text }) => (
        <Link
          key={group}
          href={`${base}?group=${group}`}
          aria-current={group === current ? "page" : undefined}
        >
          {text}
        </Link>
      ))}
    </nav>
  );
}
