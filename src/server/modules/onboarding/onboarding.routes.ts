import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AssignMaterialRequestSchema,
  CandidateOnboardingSchema,
  CreateMaterialRequestSchema,
  HireRequestSchema,
  HireResponseSchema,
  MaterialListResponseSchema,
  MaterialResponseSchema,
  MyOnboardingSchema,
  OnboardingActionSchema,
  SetEmailDomainsRequestSchema,
  SetOnboardingRequestSchema,
  UpdateHireRequestSchema,
  UpdateMaterialRequestSchema,
  VacancyHiringSchema,
} from "../../../contracts/onboarding";
import { errorResponses } from "../../platform/http";
import { requestLocale, requestMessageLocale } from "../../platform/i18n";
import { sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import type { OnboardingDeps } from "./actions/context";
import { hire, setOnboarding, starterFormFacts, updateHire, vacancyHiring } from "./actions/hire";
import {
  candidateOnboarding,
  createMaterial,
  listMaterials,
  setEmailDomains,
  updateMaterial,
} from "./actions/materials";
import { assignMaterial, markActionDone, myOnboarding } from "./actions/staff";
import { onboardingPolicy } from "./onboarding.policy";
import { renderStarterForm, type StarterForm } from "./starter-form";

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const IdParams = z.object({ id: z.string().uuid() });
const HireParams = z.object({ id: z.string().uuid(), matchId: z.string().uuid() });

export interface OnboardingRouteDeps {
  onboarding: OnboardingDeps;
}

/** Hiring (the starter form) and onboarding: actions, learning material, the new employee's page. */
export async function registerOnboardingRoutes(
  app: FastifyInstance,
  deps: OnboardingRouteDeps,
): Promise<void> {
  const onboarding = deps.onboarding;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ["onboarding"];

    r.get(
      "/api/v1/vacancies/:id/hires",
      {
        config: { access: onboardingPolicy.vacancy },
        schema: {
          tags,
          summary: "A vacancy's hires, its onboarding switch and the mentors to choose from",
          params: IdParams,
          response: { 200: VacancyHiringSchema, ...errors },
        },
      },
      async (request) => vacancyHiring(onboarding, callerOf(request), request.params.id),
    );

    r.post(
      "/api/v1/vacancies/:id/hires",
      {
        config: { access: onboardingPolicy.vacancy },
        schema: {
          tags,
          summary: "Hire an applicant ('Aangenomen'): needs their national register number",
          params: IdParams,
          body: HireRequestSchema,
          response: { 201: HireResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = await hire(
          onboarding,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        );
        return reply.code(201).send({ hire: created });
      },
    );

    r.patch(
      "/api/v1/vacancies/:id/hires/:matchId",
      {
        config: { access: onboardingPolicy.vacancy },
        schema: {
          tags,
          summary: "Set a hire's start date and mentor",
          params: HireParams,
          body: UpdateHireRequestSchema,
          response: { 200: HireResponseSchema, ...errors },
        },
      },
      async (request) => ({
        hire: await updateHire(
          onboarding,
          callerOf(request),
          request.params.id,
          request.params.matchId,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    r.get(
      "/api/v1/vacancies/:id/hires/:matchId/starter-form.pdf",
      {
        config: { access: onboardingPolicy.vacancy },
        schema: {
          tags,
          summary: "The starter form ('indiensttredingsfiche') as a tagged PDF, for HR administration",
          params: HireParams,
          // A download link cannot send Accept-Language: the screen's language comes along instead.
          querystring: z.object({ lang: z.enum(["nl", "en"]).optional() }),
          response: errors,
        },
      },
      async (request, reply) => {
        const facts = await starterFormFacts(
          onboarding,
          callerOf(request),
          request.params.id,
          request.params.matchId,
        );
        const { vacancy, hire: found, identity } = facts;
        const grade =
          vacancy.salaryScaleMin !== null
            ? vacancy.salaryScaleMax !== null && vacancy.salaryScaleMax !== vacancy.salaryScaleMin
              ? `${vacancy.salaryScaleMin}–${vacancy.salaryScaleMax}`
              : String(vacancy.salaryScaleMin)
            : null;
        const lang = request.query.lang ?? requestLocale(request);
        const form: StarterForm = {
          registerNumber: found.hire.nationalRegisterNumber,
          name: `${identity.firstName} ${identity.lastName}`.trim(),
          email: identity.email,
          phone: identity.phone,
          address: [identity.postcode, identity.city].filter(Boolean).join(" ") || null,
          vacancyTitle: vacancy.title,
          grade: grade ? `${lang === "nl" ? "Salarisschaal" : "Salary scale"} ${grade}` : null,
          organisation: vacancy.organisationName,
          department: vacancy.department,
          startDate: found.hire.startDate,
          leader: found.leader?.name ?? null,
          mentor: found.mentor?.name ?? null,
        };
        const slug = form.name
          .normalize("NFD")
          .replace(/[^\p{L}\p{N}]+/gu, "-")
          .replace(/^-|-$/g, "")
          .toLowerCase();
        return sendDownload(reply, {
          data: await renderStarterForm(form, lang),
          contentType: "application/pdf",
          fileName: `${lang === "nl" ? "indiensttredingsfiche" : "starter-form"}-${slug}.pdf`,
        });
      },
    );

    r.put(
      "/api/v1/vacancies/:id/onboarding",
      {
        config: { access: onboardingPolicy.vacancy },
        schema: {
          tags,
          summary: "Switch the vacancy's onboarding ('inwerkproces') on or off",
          params: IdParams,
          body: SetOnboardingRequestSchema,
          response: { 200: VacancyHiringSchema, ...errors },
        },
      },
      async (request) =>
        setOnboarding(onboarding, callerOf(request), request.params.id, request.body.enabled),
    );

    r.post(
      "/api/v1/hires/:id/materials",
      {
        config: { access: onboardingPolicy.staff },
        schema: {
          tags,
          summary: "Give a new employee learning material (the leader, by hand)",
          params: IdParams,
          body: AssignMaterialRequestSchema,
          response: { 200: HireResponseSchema, ...errors },
        },
      },
      async (request) => ({
        hire: await assignMaterial(
          onboarding,
          callerOf(request),
          request.params.id,
          request.body.materialId,
          requestMessageLocale(request),
        ),
      }),
    );

    r.get(
      "/api/v1/onboarding/mine",
      {
        config: { access: onboardingPolicy.staff },
        schema: {
          tags,
          summary: "The caller's onboarding actions and the new employees they lead",
          response: { 200: MyOnboardingSchema, ...errors },
        },
      },
      async (request) => myOnboarding(onboarding, callerOf(request)),
    );

    r.post(
      "/api/v1/onboarding/actions/:id/done",
      {
        config: { access: onboardingPolicy.staff },
        schema: {
          tags,
          summary: "Mark one's own onboarding action done",
          params: IdParams,
          response: { 200: z.object({ action: OnboardingActionSchema }), ...errors },
        },
      },
      async (request) => ({ action: await markActionDone(onboarding, callerOf(request), request.params.id) }),
    );

    r.get(
      "/api/v1/onboarding/materials",
      {
        config: { access: onboardingPolicy.materials },
        schema: {
          tags,
          summary: "Learning material of the caller's organisations and their own e-mail domains",
          response: { 200: MaterialListResponseSchema, ...errors },
        },
      },
      async (request) => listMaterials(onboarding, callerOf(request)),
    );

    r.post(
      "/api/v1/onboarding/materials",
      {
        config: { access: onboardingPolicy.materials },
        schema: {
          tags,
          summary: "Add learning material",
          body: CreateMaterialRequestSchema,
          response: { 201: MaterialResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ material: await createMaterial(onboarding, callerOf(request), request.body) }),
    );

    r.patch(
      "/api/v1/onboarding/materials/:id",
      {
        config: { access: onboardingPolicy.materials },
        schema: {
          tags,
          summary: "Change or deactivate learning material",
          params: IdParams,
          body: UpdateMaterialRequestSchema,
          response: { 200: MaterialResponseSchema, ...errors },
        },
      },
      async (request) => ({
        material: await updateMaterial(onboarding, callerOf(request), request.params.id, request.body),
      }),
    );

    r.put(
      "/api/v1/onboarding/organisations/:id/email-domains",
      {
        config: { access: onboardingPolicy.materials },
        schema: {
          tags,
          summary: "The organisation's own e-mail domains (internal profiles)",
          params: IdParams,
          body: SetEmailDomainsRequestSchema,
          response: { 200: MaterialListResponseSchema, ...errors },
        },
      },
      async (request) =>
        setEmailDomains(onboarding, callerOf(request), request.params.id, request.body.domains),
    );

    r.get(
      "/api/v1/me/onboarding",
      {
        config: { access: onboardingPolicy.candidate },
        schema: {
          tags,
          summary: "The new employee's learning material, before or from the first day as each allows",
          response: { 200: CandidateOnboardingSchema, ...errors },
        },
      },
      async (request) => candidateOnboarding(onboarding, callerOf(request)),
    );
  });
}
