"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { CheckboxField } from "@/components/ui/checkbox-field.tsx";
import { TextAreaField, TextField } from "@/components/ui/field.tsx";
import { SelectField } from "@/components/ui/select-field.tsx";
import { listingFormErrors, mergeErrors, parseBaths, parseWholeNumber } from "./listing-form.ts";
import {
  amenityCatalog,
  amenityLabels,
  type CancellationPolicy,
  cancellationPolicies,
} from "./listing-options.ts";
import { StepForm } from "./step-form.tsx";
import { type HostListing, useListingUpdate } from "./use-listing.ts";

const labels = {
  capacity: "Guests",
  bedrooms: "Bedrooms",
  beds: "Beds",
  baths: "Bathrooms",
  amenities: "Amenities",
  houseRules: "House rules",
  checkInTime: "Check-in from",
  checkOutTime: "Check-out by",
  cancellationPolicy: "Cancellation policy",
};

const MAX_AMENITIES = 60;

export function DetailsStep({ listing }: { listing: HostListing }) {
  const update = useListingUpdate(listing.id);
  const [counts, setCounts] = useState({
    capacity: String(listing.capacity),
    bedrooms: String(listing.bedrooms),
    beds: String(listing.beds),
    baths: String(listing.baths),
  });
  const [amenities, setAmenities] = useState<string[]>(listing.amenities);
  const [custom, setCustom] = useState("");
  const [houseRules, setHouseRules] = useState(listing.houseRules);
  const [checkInTime, setCheckInTime] = useState(listing.checkInTime);
  const [checkOutTime, setCheckOutTime] = useState(listing.checkOutTime);
  const [policy, setPolicy] = useState<CancellationPolicy>(listing.cancellationPolicy);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = mergeErrors(local, listingFormErrors(update.error, labels));
  const extras = amenities.filter((a) => !amenityCatalog.includes(a));
  const setCount = (name: keyof typeof counts) => (e: { target: { value: string } }) =>
    setCounts((c) => ({ ...c, [name]: e.target.value }));

  function toggle(amenity: string, on: boolean) {
    setAmenities((list) =>
      on ? [...list.filter((a) => a !== amenity), amenity] : list.filter((a) => a !== amenity),
    );
  }

  function addCustom() {
    const name = custom.trim().replace(/\s+/g, " ");
    if (name === "") return;
    if (!amenities.some((a) => a.toLowerCase() === name.toLowerCase()))
      setAmenities((list) => [...list, name]);
    setCustom("");
  }

  function save() {
    const parsed = {
      capacity: parseWholeNumber(counts.capacity, 1, 50),
      bedrooms: parseWholeNumber(counts.bedrooms, 0, 50),
      beds: parseWholeNumber(counts.beds, 0, 100),
      baths: parseBaths(counts.baths),
    };
    const problems: Record<string, string> = {};
    for (const [name, result] of Object.entries(parsed)) if (!result.ok) problems[name] = result.message;
    if (amenities.length > MAX_AMENITIES) problems.amenities = `Choose at most ${MAX_AMENITIES} amenities.`;
    setLocal(problems);
    if (
      !parsed.capacity.ok ||
      !parsed.bedrooms.ok ||
      !parsed.beds.ok ||
      !parsed.baths.ok ||
      problems.amenities
    ) {
      return update.reset();
    }
    update.mutate({
      id: listing.id,
      changes: {
        capacity: parsed.capacity.value,
        bedrooms: parsed.bedrooms.value,
        beds: parsed.beds.value,
        baths: parsed.baths.value,
        amenities,
        houseRules,
        checkInTime,
        checkOutTime,
        cancellationPolicy: policy,
      },
    });
  }

  return (
    <StepForm
      step="details"
      description="How many people the home sleeps, what it offers, and the rules of the house."
      errors={errors}
      saved={update.isSuccess}
      pending={update.isPending}
      onSubmit={save}
    >
      <div className="host-grid host-grid--4">
        <TextField
          label="Guests"
          name="capacity"
          type="number"
          min={1}
          max={50}
          value={counts.capacity}
          onChange={setCount("capacity")}
          error={errors.fields.capacity}
        />
        <TextField
          label="Bedrooms"
          name="bedrooms"
          type="number"
          min={0}
          max={50}
          value={counts.bedrooms}
          onChange={setCount("bedrooms")}
          error={errors.fields.bedrooms}
        />
        <TextField
          label="Beds"
          name="beds"
          type="number"
          min={0}
          max={100}
          value={counts.beds}
          onChange={setCount("beds")}
          error={errors.fields.beds}
        />
        <TextField
          label="Bathrooms"
          name="baths"
          type="number"
          min={0}
          max={50}
          step={0.5}
          value={counts.baths}
          onChange={setCount("baths")}
          error={errors.fields.baths}
        />
      </div>

      <fieldset
        className="host-fieldset"
        aria-describedby={errors.fields.amenities ? "amenities-error" : undefined}
      >
        <legend>Amenities</legend>
        <div className="host-checklist">
          {amenityCatalog.map((amenity) => (
            <CheckboxField
              key={amenity}
              label={amenityLabels[amenity] ?? amenity}
              checked={amenities.includes(amenity)}
              onChange={(e) => toggle(amenity, e.target.checked)}
            />
          ))}
          {extras.map((amenity) => (
            <CheckboxField
              key={amenity}
              label={amenity}
              checked
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
        {errors.fields.amenities && (
          <span className="field__error" id="amenities-error">
            {errors.fields.amenities}
          </span>
        )}
      </fieldset>

      <TextAreaField
        label="House rules"
        name="houseRules"
        value={houseRules}
        onChange={(e) => setHouseRules(e.target.value)}
        rows={4}
        maxLength={5000}
        hint="One rule per line, e.g. “No parties or events.”"
        error={errors.fields.houseRules}
      />
      <div className="host-grid">
        <TextField
          label="Check-in from"
          name="checkInTime"
          type="time"
          value={checkInTime}
          onChange={(e) => setCheckInTime(e.target.value)}
          error={errors.fields.checkInTime}
        />
        <TextField
          label="Check-out by"
          name="checkOutTime"
          type="time"
          value={checkOutTime}
          onChange={(e) => setCheckOutTime(e.target.value)}
          error={errors.fields.checkOutTime}
        />
      </div>
      <SelectField
        label="Cancellation policy"
        name="cancellationPolicy"
        value={policy}
        onChange={(e) => setPolicy(e.target.value as CancellationPolicy)}
        options={Object.entries(cancellationPolicies).map(([value, p]) => ({ value, label: p.label }))}
        hint={cancellationPolicies[policy].hint}
        error={errors.fields.cancellationPolicy}
      />
    </StepForm>
  );
}
