import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "./nav-link.tsx";

export type NavItem = { href: string; label: string };

/** The site bar: brand, main links, and an end slot (account links or sign-in buttons). */
export function Nav({ items, end }: { items: NavItem[]; end?: ReactNode }) {
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav__inner">
        <Link href="/" className="nav__brand">
          HomeTrip
        </Link>
        <ul className="nav__links">
          {items.map((item) => (
            <li key={item.href}>
              <NavLink href={item.href}>{item.label}</NavLink>
            </li>
          ))}
        </ul>
        {end && <div className="nav__links nav__links--end">{end}</div>}
      </div>
    </nav>
  );
}
