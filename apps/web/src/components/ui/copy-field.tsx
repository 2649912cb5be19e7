"use client";
import { useId, useRef, useState } from "react";
import { Button } from "./button.tsx";
import "./extras.css";

/**
 * A read-only value (a feed URL, a key) with a Copy button. Where the clipboard is refused (an
 * insecure origin, a denied permission) the text is selected instead, so Ctrl+C still works.
 */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "selected">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      input.current?.select();
      setState("selected");
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field">
        <input
          ref={input}
          id={id}
          className="input mono"
          value={value}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <Button variant="secondary" onClick={copy}>
          {state === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <span className="field__hint" id={`${id}-hint`} role="status">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "selected"
            ? "Selected: press Ctrl+C to copy."
            : hint}
      </span>
    </div>
  );
}
