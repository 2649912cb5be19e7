import { router } from "../../trpc.ts";
import { blockDatesProcedure, unblockProcedure } from "./block-dates.ts";
import {
  addIcalImportProcedure,
  icalExportUrlProcedure,
  icalImportsProcedure,
  removeIcalImportProcedure,
} from "./ical.ts";
import { clearPriceOverrideProcedure, setPriceOverrideProcedure } from "./price-override.ts";
import { clearPriceOverridesProcedure, setPriceOverridesProcedure } from "./price-overrides.ts";
import { availabilityProcedure, rangeProcedure } from "./range.ts";

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
