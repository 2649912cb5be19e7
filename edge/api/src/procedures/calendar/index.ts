import { router } from "../../trpc.ts";
import { addIcalImportProcedure } from "./add-ical-import.ts";
import { availabilityProcedure } from "./availability.ts";
import { blockDatesProcedure } from "./block-dates.ts";
import { clearPriceOverrideProcedure } from "./clear-price-override.ts";
import { clearPriceOverridesProcedure } from "./clear-price-overrides.ts";
import { icalExportUrlProcedure } from "./ical-export-url.ts";
import { icalImportsProcedure } from "./ical-imports.ts";
import { rangeProcedure } from "./range.ts";
import { removeIcalImportProcedure } from "./remove-ical-import.ts";
import { setPriceOverrideProcedure } from "./set-price-override.ts";
import { setPriceOverridesProcedure } from "./set-price-overrides.ts";
import { unblockProcedure } from "./unblock.ts";

export const calendarRouter = router({
  blockDates: blockDatesProcedure,
  unblock: unblockProcedure,
  setPriceOverride: setPriceOverrideProcedure,
  clearPriceOverride: clearPriceOverrideProcedure,
  setPriceOverrides: setPriceOverridesProcedure,
  clearPriceOverrides: clearPriceOverridesProcedure,
  range: rangeProcedure,
  availability: availabilityProcedure,
  icalExportUrl: icalExportUrlProcedure,
  addIcalImport: addIcalImportProcedure,
  icalImports: icalImportsProcedure,
  removeIcalImport: removeIcalImportProcedure,
});
