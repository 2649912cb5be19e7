/** A spinner; `label` is read by screen readers (null when the surrounding text says it already). */
export function Spinner({ label = "Loading", large = false }: { label?: string | null; large?: boolean }) {
  return (
    <span className={large ? "spinner spinner--large" : "spinner"} role={label ? "status" : undefined}>
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}

export function LoadingBlock({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading-block" role="status" aria-live="polite">
      <Spinner label={null} large />
      <span>{label}</span>
    </div>
  );
}
