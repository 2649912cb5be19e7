"use client";
import type { FormEvent, ReactNode } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import type { FormErrors } from "@/lib/api-errors.ts";
import { listingSteps, type StepId } from "./listing-steps.ts";
import { nextStep, StepLink } from "./step-nav.tsx";

/**
 * One step's form: errors on top, the fields, then the outcome beside the Save button. What the
 * host typed stays in the fields whatever the API answers; only a success moves anything on.
 */
export function StepForm({
  step,
  description,
  errors,
  saved,
  pending,
  onSubmit,
  children,
}: {
  step: StepId;
  description?: ReactNode;
  errors: FormErrors;
  saved: boolean;
  pending: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const label = listingSteps.find((s) => s.id === step)?.label ?? step;
  const next = nextStep(step);
  const fieldErrors = Object.keys(errors.fields).length;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Card title={label} description={description}>
      <form method="post" className="stack" onSubmit={submit} noValidate>
        {children}
        {(errors.form || fieldErrors > 0) && (
          <Alert tone="error" title="Not saved">
            {errors.form ??
              `Check the ${fieldErrors === 1 ? "highlighted field" : `${fieldErrors} highlighted fields`}.`}
          </Alert>
        )}
        {saved && !errors.form && fieldErrors === 0 && (
          <Alert tone="success">
            {label} saved.{" "}
            {next && (
              <StepLink step={next}>Continue to {listingSteps.find((s) => s.id === next)?.label}</StepLink>
            )}
          </Alert>
        )}
        <div className="row">
          <Button type="submit" pending={pending}>
            Save {label.toLowerCase()}
          </Button>
        </div>
      </form>
    </Card>
  );
}
