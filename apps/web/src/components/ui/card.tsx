import type { HTMLAttributes, ReactNode } from "react";

/** A titled surface; `title` becomes a heading so pages keep a sensible outline. */
export function Card({
  title,
  description,
  headingLevel = 2,
  children,
  className,
  ...rest
}: Omit<HTMLAttributes<HTMLElement>, "title"> & {
  title?: ReactNode;
  description?: ReactNode;
  headingLevel?: 1 | 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section {...rest} className={["card", className].filter(Boolean).join(" ")}>
      {(title || description) && (
        <header className="card__header">
          {title && <Heading>{title}</Heading>}
          {description && <p>{description}</p>}
        </header>
      )}
      {children}
    </section>
  );
}
