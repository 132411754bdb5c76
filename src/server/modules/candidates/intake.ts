import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  type IntakeField,
  type IntakeRequest,
  IntakeRequestSchema,
  type IntakeStatus,
  IntakeStatusSchema,
} from "../../../contracts/candidates";
import { ErrorResponseSchema, type Locale } from "../../../contracts/common";
import { type Principal, requirePrincipal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError, type FieldError } from "../../platform/errors";
import { fieldMessage, requestLocale } from "../../platform/i18n";
import { getOccupation, getPlace, getWorkLevels } from "../taxonomy/reference-data";
import { portalOf } from "../tenancy/tenancy.routes";
import { memberships, type portals, users } from "../tenancy/tenancy.schema";
import { candidatesPolicy } from "./candidates.policy";
import { candidates } from "./candidates.schema";

type CandidateRow = typeof candidates.$inferSelect;
type PortalRow = typeof portals.$inferSelect;

/** Whether a stored profile has what an intake field asks for. */
const HAS: Record<IntakeField, (c: CandidateRow) => boolean> = {
  phone: (c) => Boolean(c.phone),
  place: (c) => c.lat != null && Boolean(c.city),
  birthDate: (c) => c.birthDate != null,
  workLevel: (c) => c.workLevel != null,
  occupations: (c) => (c.desiredOccupationIds ?? []).length > 0,
  availability: (c) => c.hoursMin != null || c.hoursMax != null,
};

/**
 * The first visit of a portal's candidate side asks for the extra data the portal needs before
 * the site can be used (Kansenportaal). A candidate of another portal joins this one by
 * answering it. What a portal asks is `portals.candidate_intake_fields`.
 */
export function createIntakeService(deps: { db: Db }) {
  const { db } = deps;

  async function rowOn(userId: string, portalId: string) {
    const [row] = await db
      .select()
      .from(candidates)
      .where(and(eq(candidates.userId, userId), eq(candidates.portalId, portalId)));
    return row ?? null;
  }

  function status(portal: PortalRow, row: CandidateRow | null): IntakeStatus {
    const required = portal.candidateIntakeFields.filter((f): f is IntakeField => f in HAS);
    const missing = required.filter((field) => !row || !HAS[field](row));
    return {
      portal: { slug: portal.slug, name: { nl: portal.nameNl, en: portal.nameEn } },
      member: row !== null,
      required,
      missing,
      complete: missing.length === 0,
      values: {
        phone: row?.phone ?? null,
        placeId: row?.placeId ?? null,
        placeName: row?.city ?? null,
        birthDate: row?.birthDate ?? null,
        workLevel: row?.workLevel ?? null,
        desiredOccupationIds: row?.desiredOccupationIds ?? [],
        hoursMin: row?.hoursMin ?? null,
        hoursMax: row?.hoursMax ?? null,
      },
    };
  }

  return {
    async get(principal: Principal, portal: PortalRow): Promise<IntakeStatus> {
      return status(portal, await rowOn(principal.userId, portal.id));
    },

    /** Saves the answers; all required fields must be there afterwards. Nothing half-saved. */
    async answer(principal: Principal, portal: PortalRow, input: IntakeRequest, locale: Locale) {
      const problems: FieldError[] = [];
      const fail = (path: string, key: string) => problems.push({ path, message: fieldMessage(key, locale) });
      const place = input.placeId ? getPlace(input.placeId) : null;
      if (input.placeId && !place) fail("placeId", "unknown_place");
      if (input.workLevel && !getWorkLevels().some((l) => l.id === input.workLevel))
        fail("workLevel", "unknown_option");
      input.desiredOccupationIds?.forEach((id, i) => {
        if (!getOccupation(id)) fail(`desiredOccupationIds.${i}`, "unknown_occupation");
      });
      if (input.hoursMin != null && input.hoursMax != null && input.hoursMin > input.hoursMax) {
        fail("hoursMax", "range_min_above_max");
      }
      const existing = await rowOn(principal.userId, portal.id);
      const patch: Partial<typeof candidates.$inferInsert> = {};
      if (input.phone !== undefined) patch.phone = input.phone;
      if (input.placeId !== undefined) {
        Object.assign(patch, {
          placeId: place?.id ?? null,
          city: place?.name ?? null,
          lat: place?.lat ?? null,
          lon: place?.lon ?? null,
        });
      }
      if (input.birthDate !== undefined) patch.birthDate = input.birthDate;
      if (input.workLevel !== undefined) patch.workLevel = input.workLevel;
      if (input.desiredOccupationIds !== undefined)
        patch.desiredOccupationIds = [...new Set(input.desiredOccupationIds)];
      if (input.hoursMin !== undefined) patch.hoursMin = input.hoursMin;
      if (input.hoursMax !== undefined) patch.hoursMax = input.hoursMax;
      // Every field the portal asks for must be answered, by this request or before.
      const after = {
        ...(existing ?? ({ desiredOccupationIds: [] } as unknown as CandidateRow)),
        ...patch,
      } as CandidateRow;
      const paths: Record<IntakeField, string> = {
        phone: "phone",
        place: "placeId",
        birthDate: "birthDate",
        workLevel: "workLevel",
        occupations: "desiredOccupationIds",
        availability: "hoursMax",
      };
      for (const field of portal.candidateIntakeFields as IntakeField[]) {
        if (field in HAS && !HAS[field](after)) {
          if (!problems.some((p) => p.path === paths[field])) fail(paths[field], "required");
        }
      }
      if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
      await db.transaction(async (tx) => {
        if (existing) {
          await tx
            .update(candidates)
            .set({ ...patch, updatedAt: new Date(), profileUpdatedAt: new Date() })
            .where(eq(candidates.id, existing.id));
          return;
        }
        // A candidate of another portal joins this one.
        const [user] = await tx.select().from(users).where(eq(users.id, principal.userId));
        if (!user) throw new AppError("not_found");
        const [first = user.name, ...rest] = user.name.split(/\s+/);
        await tx
          .insert(memberships)
          .values({ userId: user.id, role: "candidate", portalId: portal.id })
          .onConflictDoNothing();
        await tx.insert(candidates).values({
          portalId: portal.id,
          userId: user.id,
          firstName: first,
          lastName: rest.join(" "),
          email: user.email,
          visible: false,
          ...patch,
        });
      });
      return status(portal, await rowOn(principal.userId, portal.id));
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

export async function registerIntakeRoutes(app: FastifyInstance, deps: { intake: IntakeService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/candidates/me/intake",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary:
          "What this portal asks of candidates before its candidate side can be used, and what is missing",
        response: { 200: IntakeStatusSchema, ...errors },
      },
    },
    async (request) => deps.intake.get(requirePrincipal(request), portalOf(request).row),
  );
  r.put(
    "/api/v1/candidates/me/intake",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary: "Answer this portal's questions (joins the portal as a candidate when needed)",
        body: IntakeRequestSchema,
        response: { 200: IntakeStatusSchema, ...errors },
      },
    },
    async (request) =>
      deps.intake.answer(
        requirePrincipal(request),
        portalOf(request).row,
        request.body,
        requestLocale(request),
      ),
  );
}
