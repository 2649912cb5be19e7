import type { ReactNode } from "react";

type Tone = "info" | "success" | "error" | "warning";

/**
 * A message box. Errors are announced at once (role=alert); the others politely (role=status),
 * so a screen reader hears the outcome of a form without moving focus.
 */
export function Alert({
  tone = "info",
  title,
  children,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title && <p className="alert__title">{title}</p>}
      {children}
    </div>
  );
}
