"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { CheckboxField } from "@/components/ui/checkbox-field.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { amenityCatalog, amenityLabels } from "@/lib/listing-options.ts";

/**
 * The amenities checklist guests filter search by, plus the host's own words ("Sauna"), which
 * join the list as ticked boxes; unticking one of those removes it.
 */
export function AmenitiesField({
  amenities,
  onChange,
  error,
}: {
  amenities: string[];
  onChange: (amenities: string[]) => void;
  error?: string;
}) {
  const errorId = useId();
  const [custom, setCustom] = useState("");
  const extras = amenities.filter((a) => !amenityCatalog.includes(a));

  const toggle = (amenity: string, on: boolean) =>
    onChange(
      on ? [...amenities.filter((a) => a !== amenity), amenity] : amenities.filter((a) => a !== amenity),
    );

  function addCustom() {
    const name = custom.trim().replace(/\s+/g, " ");
    if (name === "") return;
    if (!amenities.some((a) => a.toLowerCase() === name.toLowerCase())) onChange([...amenities, name]);
    setCustom("");
  }

  return (
    <fieldset className="host-fieldset" aria-describedby={error ? errorId : undefined}>
      <legend>Amenities</legend>
      <div className="host-checklist">
        {[...amenityCatalog, ...extras].map((amenity) => (
          <CheckboxField
            key={amenity}
            label={amenityLabels[amenity] ?? amenity}
            checked={amenities.includes(amenity)}
            onChange={(e) => toggle(amenity, e.target.checked)}
          />
        ))}
      </div>
      <div className="host-inline-add">
        <TextField
          label="Another amenity"
          name="customAmenity"
          value={custom}
          maxLength={60}
          onChange={(e) => setCustom(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              addCustom();
            }
          }}
          hint="Something guests would want to know about, like “Sauna”."
        />
        <Button variant="secondary" onClick={addCustom} disabled={custom.trim() === ""}>
          Add amenity
        </Button>
      </div>
      {error && (
        <span className="field__error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
