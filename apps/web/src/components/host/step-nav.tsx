"use client";
import { type AnchorHTMLAttributes, createContext, useContext } from "react";
import { listingSteps, type StepId } from "./listing-steps.ts";

const StepNavigation = createContext<(step: StepId) => void>(() => {});

export const StepNavigationProvider = StepNavigation.Provider;

/** A link to another step of the editor: a real `?step=` address, switched without a page load. */
export function StepLink({
  step,
  children,
  ...rest
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "onClick"> & { step: StepId }) {
  const goTo = useContext(StepNavigation);
  const label = listingSteps.find((s) => s.id === step)?.label ?? step;
  return (
    <a
      {...rest}
      href={`?step=${step}`}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        goTo(step);
      }}
    >
      {children ?? label}
    </a>
  );
}

/** The step after `step`, for "Continue to …" after a save. */
export function nextStep(step: StepId): StepId | null {
  const index = listingSteps.findIndex((s) => s.id === step);
  return listingSteps[index + 1]?.id ?? null;
}
