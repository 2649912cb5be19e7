import { zBlockDatesInput, zCalendarBlock } from "@hometrip/contracts";
import * as z from "zod";

export const ZBlockDatesRequestSchema = zBlockDatesInput;
export const ZBlockDatesResponseSchema = zCalendarBlock;

export const ZUnblockRequestSchema = z.object({ blockId: z.uuid() });
export const ZUnblockResponseSchema = zCalendarBlock;
