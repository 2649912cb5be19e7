"use client";
import Link from "next/link";
import { type ComponentProps, useSyncExternalStore } from "react";
import { Spinner } from "./spinner.tsx";

type Variant = "primary" | "secondary" | "danger" | "ghost";
type Look = { variant?: Variant; size?: "normal" | "small"; block?: boolean };

function classes({ variant = "primary", size = "normal", block = false }: Look, extra?: string) {
  return [
    "button",
    `button--${variant}`,
    size === "small" && "button--small",
    block && "button--block",
    extra,
  ]
    .filter(Boolean)
    .join(" ");
}

const noSubscription = () => () => {};

/** False in the server render and during hydration, true once React owns the page. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A button that shows a spinner and stays disabled while `pending`, so a form submits once.
 * Submit buttons also wait for hydration: before it, the browser would submit the form itself.
 */
export function Button({
  variant,
  size,
  block,
  pending = false,
  className,
  children,
  disabled,
  type = "button",
  ...rest
}: ComponentProps<"button"> & Look & { pending?: boolean }) {
  const hydrated = useHydrated();
  return (
    <button
      {...rest}
      type={type}
      className={classes({ variant, size, block }, className)}
      disabled={disabled || pending || (type === "submit" && !hydrated)}
      aria-busy={pending || undefined}
    >
      {pending && <Spinner label={null} />}
      {children}
    </button>
  );
}

/** A link that looks like a button (for navigation, never for actions). */
export function ButtonLink({ variant, size, block, className, ...rest }: ComponentProps<typeof Link> & Look) {
  return <Link {...rest} className={classes({ variant, size, block }, className)} />;
}
