"use client";
import { useEffect, useId, useState } from "react";
import { TextField } from "@/components/ui/field.tsx";
import { countryName, timeZones } from "@/lib/listing-options.ts";
import type { MapTiles } from "../map/map-tiles.ts";
import { AddressSearch, type FoundPlace } from "./address-search.tsx";
import { isTimeZone, listingFormErrors, mergeErrors, parseCoordinate } from "./listing-form.ts";
import { locationFormOf, withPlace } from "./location-form.ts";
import { LocationPicker } from "./location-picker.tsx";
import { StepForm } from "./step-form.tsx";
import { type HostListing, useListingUpdate } from "./use-listing.ts";

const labels = {
  addressLine1: "Street address",
  addressLine2: "Apartment, floor",
  city: "City",
  region: "Region",
  postalCode: "Postal code",
  country: "Country",
  lat: "Latitude",
  lng: "Longitude",
  timezone: "Time zone",
};

const optional = (text: string) => (text.trim() === "" ? null : text.trim());

export function LocationStep({ listing, mapTiles }: { listing: HostListing; mapTiles: MapTiles | null }) {
  const update = useListingUpdate(listing.id);
  const zonesId = useId();
  // Filled after hydration: the server's and the browser's lists of zones may differ.
  const [zones, setZones] = useState<string[]>([]);
  useEffect(() => setZones(timeZones()), []);
  const [form, setForm] = useState(() => locationFormOf(listing));
  // The zone follows the position (the API sets it from lat/lng) unless the host typed one.
  const [zoneTyped, setZoneTyped] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = mergeErrors(local, listingFormErrors(update.error, labels));
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: e.target.value }));
  const country = form.country.trim().toUpperCase();
  const lat = parseCoordinate(form.lat, 90);
  const lng = parseCoordinate(form.lng, 180);
  const pin = lat.ok && lng.ok ? { lat: lat.value, lng: lng.value } : null;

  function pick(place: FoundPlace) {
    setForm((f) => withPlace(f, place));
    setZoneTyped(false);
    setLocal({});
  }

  function save() {
    const problems: Record<string, string> = {};
    const changes: Record<string, unknown> = {
      addressLine1: form.addressLine1,
      addressLine2: optional(form.addressLine2),
      city: form.city,
      region: optional(form.region),
      postalCode: optional(form.postalCode),
    };
    if (form.city.trim() === "") problems.city = "Enter the city, or find the address above.";
    if (zoneTyped) {
      changes.timezone = form.timezone.trim();
      if (!isTimeZone(form.timezone.trim()))
        problems.timezone = "Choose a time zone from the list, like Europe/Lisbon.";
    }
    if (country !== "") {
      if (!/^[A-Z]{2}$/.test(country)) problems.country = "Use the two-letter country code, like PT or US.";
      else changes.country = country;
    }
    if (form.lat.trim() !== "" || form.lng.trim() !== "") {
      if (lat.ok) changes.lat = lat.value;
      else problems.lat = lat.message;
      if (lng.ok) changes.lng = lng.value;
      else problems.lng = lng.message;
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return update.reset();
    update.mutate(
      { id: listing.id, changes },
      {
        onSuccess: (saved) => {
          setForm((f) => ({ ...f, timezone: saved.timezone }));
          setZoneTyped(false);
        },
      },
    );
  }

  return (
    <StepForm
      step="location"
      description="Guests see the city and a map pin before booking; the street address only once booked."
      errors={errors}
      saved={update.isSuccess}
      pending={update.isPending}
      onSubmit={save}
    >
      <AddressSearch onPick={pick} />
      <TextField
        label="Street address"
        name="addressLine1"
        autoComplete="address-line1"
        value={form.addressLine1}
        onChange={set("addressLine1")}
        error={errors.fields.addressLine1}
      />
      <TextField
        label="Apartment, floor (optional)"
        name="addressLine2"
        autoComplete="address-line2"
        value={form.addressLine2}
        onChange={set("addressLine2")}
        error={errors.fields.addressLine2}
      />
      <div className="host-grid">
        <TextField
          label="City"
          name="city"
          autoComplete="address-level2"
          value={form.city}
          onChange={set("city")}
          error={errors.fields.city}
        />
        <TextField
          label="Region (optional)"
          name="region"
          autoComplete="address-level1"
          value={form.region}
          onChange={set("region")}
          error={errors.fields.region}
        />
        <TextField
          label="Postal code (optional)"
          name="postalCode"
          autoComplete="postal-code"
          value={form.postalCode}
          onChange={set("postalCode")}
          error={errors.fields.postalCode}
        />
        <TextField
          label="Country code"
          name="country"
          autoComplete="country"
          value={form.country}
          onChange={set("country")}
          maxLength={2}
          hint={countryName(country) ?? "Two letters (ISO 3166), like PT for Portugal."}
          error={errors.fields.country}
        />
      </div>
      <fieldset className="host-fieldset">
        <legend>Map position</legend>
        <p className="muted">
          Find the address above, click the map (zoom in first) or drag the pin; or type decimal degrees, as a
          map app shows them (38.7223, -9.1393 is Lisbon).
        </p>
        <LocationPicker
          position={pin}
          tiles={mapTiles}
          onPick={(at) => setForm((f) => ({ ...f, lat: String(at.lat), lng: String(at.lng) }))}
        />
        <div className="host-grid">
          <TextField
            label="Latitude"
            name="lat"
            inputMode="decimal"
            value={form.lat}
            onChange={set("lat")}
            error={errors.fields.lat}
          />
          <TextField
            label="Longitude"
            name="lng"
            inputMode="decimal"
            value={form.lng}
            onChange={set("lng")}
            error={errors.fields.lng}
          />
        </div>
      </fieldset>
      <TextField
        label="Time zone"
        name="timezone"
        list={zonesId}
        value={form.timezone}
        onChange={(e) => {
          setZoneTyped(true);
          set("timezone")(e);
        }}
        hint="Set from the map position when you save; check-in times and calendar days follow it. Type another only if the home keeps a different zone."
        error={errors.fields.timezone}
      />
      <datalist id={zonesId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </StepForm>
  );
}
