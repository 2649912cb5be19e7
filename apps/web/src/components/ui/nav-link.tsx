"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A nav entry that marks itself as the current page for sighted and screen-reader users alike. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <Link href={href} className="nav__link" aria-current={pathname === href ? "page" : undefined}>
      {children}
    </Link>
  );
}
