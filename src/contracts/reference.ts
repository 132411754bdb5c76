import { z } from "zod";
import {
  CertificateSchema,
  CountrySchema,
  DaypartSchema,
  DrivingLicenceSchema,
  EducationLevelSchema,
  LanguageSchema,
  OccupationGroupSchema,
  OccupationSchema,
  PhysicalCapacitySchema,
  PlaceSchema,
  TargetGroupSchema,
  TransportModeSchema,
  WorkLevelSchema,
  WorkTypeSchema,
} from "./taxonomy";

export const PlaceSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  country: CountrySchema.optional(),
});
export const PlaceSearchResponseSchema = z.object({ places: z.array(PlaceSchema) });

export const OccupationSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const OccupationHitSchema = z.object({
  occupation: OccupationSchema,
  /** The label or synonym that matched, so the user sees why this result came up. */
  matched: z.string(),
});
export const OccupationSearchResponseSchema = z.object({ occupations: z.array(OccupationHitSchema) });

export const OccupationDetailResponseSchema = z.object({
  occupation: OccupationSchema,
  related: z.array(OccupationSchema),
});

export const ReferenceListsResponseSchema = z.object({
  workTypes: z.array(WorkTypeSchema),
  occupationGroups: z.array(OccupationGroupSchema),
  educationLevels: z.array(EducationLevelSchema),
  workLevels: z.array(WorkLevelSchema),
  drivingLicences: z.array(DrivingLicenceSchema),
  languages: z.array(LanguageSchema),
  certificates: z.array(CertificateSchema),
  physicalCapacities: z.array(PhysicalCapacitySchema),
  targetGroups: z.array(TargetGroupSchema),
  transportModes: z.array(TransportModeSchema),
  dayparts: z.array(DaypartSchema),
});
export type ReferenceListsResponse = z.infer<typeof ReferenceListsResponseSchema>;
