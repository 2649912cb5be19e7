import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import "./extras.css";

/** A checkbox with its label beside it and an optional hint below, read with the box. */
export function CheckboxField({
  label,
  hint,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="checkbox-field">
      <label className="checkbox" htmlFor={id}>
        <input {...input} id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} />
        <span>{label}</span>
      </label>
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
