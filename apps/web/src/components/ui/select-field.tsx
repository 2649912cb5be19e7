import type { SelectHTMLAttributes } from "react";
import { Field } from "./field.tsx";

export type SelectOption = { value: string; label: string };

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  error?: string | null;
  options: readonly SelectOption[];
};

/** A labelled native select, wired to its hint and error like TextField. */
export function SelectField({ label, hint, error, options, className, ...select }: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select {...select} {...control} className={["input", className].filter(Boolean).join(" ")}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
