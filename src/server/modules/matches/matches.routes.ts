import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApplicationTimelineResponseSchema } from "../../../contracts/forms";
import {
  ChooseProcedureRequestSchema,
  EvaluateMatchRequestSchema,
  EvaluationSchema,
  MatchResponseSchema,
  MoveMatchRequestSchema,
  ProcedureListQuerySchema,
  ProcedureListResponseSchema,
  ProcedureResponseSchema,
  VacancyMatchesResponseSchema,
} from "../../../contracts/matches";
import {
  ApplicationListResponseSchema,
  ApplicationResponseSchema,
  CandidateVacanciesResponseSchema,
  SaveCandidateRequestSchema,
} from "../../../contracts/vacancies";
import { AppError } from "../../platform/errors";
import { cleanFileName } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { acceptRawUploads, sendDownload, uploadTooLarge } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import {
  applicationCv,
  applicationTimeline,
  apply,
  myApplications,
  withdrawApplication,
} from "./actions/applications";
import type { MatchDeps } from "./actions/context";
import { evaluateMatch } from "./actions/evaluate-match";
import { getMatch, moveMatch, undoMatch } from "./actions/move-match";
import { chooseVacancyProcedure, getProcedure, listProcedures } from "./actions/procedures";
import { saveCandidate, unsaveCandidate, vacanciesOfCandidate } from "./actions/saved-candidates";
import { listVacancyMatches } from "./actions/vacancy-matches";
import { matchesPolicy } from "./matches.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };
const IdParams = z.object({ id: z.string().uuid() });
const SourceSchema = z
  .string()
  .regex(/^[a-z0-9._-]{1,60}$/i)
  .optional()
  .catch(undefined);
const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export interface MatchRouteDeps {
  matches: MatchDeps;
  /**
   * 404 unless the staff member may see this candidate through the request's portal (decision
   * 0011); the candidates module decides, the app wires it in.
   */
  assertCandidateVisible(request: FastifyRequest, candidateId: string): Promise<void>;
}

/** Matches: procedures and phases for staff, saved candidates, and a candidate's applications. */
export async function registerMatchRoutes(app: FastifyInstance, deps: MatchRouteDeps): Promise<void> {
  const { matches } = deps;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const staff = { access: matchesPolicy.staff };

    r.get(
      "/api/v1/vacancies/:id/matches",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "The vacancy's candidates by phase of its procedure, and what the caller may do with them",
          params: IdParams,
          response: { 200: VacancyMatchesResponseSchema, ...errors },
        },
      },
      async (request) => listVacancyMatches(matches, callerOf(request), request.params.id),
    );

    r.put(
      "/api/v1/vacancies/:id/procedure",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "Give the vacancy one of its organisation's procedures (null: the default)",
          params: IdParams,
          body: ChooseProcedureRequestSchema,
          response: { 200: VacancyMatchesResponseSchema, ...errors },
        },
      },
      async (request) =>
        chooseVacancyProcedure(
          matches,
          callerOf(request),
          request.params.id,
          request.body.procedureId,
          requestLocale(request),
        ),
    );

    r.get(
      "/api/v1/matches/:id",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "A match with its procedure, full phase history and evaluations",
          params: IdParams,
          response: { 200: MatchResponseSchema, ...errors },
        },
      },
      async (request) => ({ match: await getMatch(matches, callerOf(request), request.params.id) }),
    );

    r.post(
      "/api/v1/matches/:id/moves",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary:
            "Move the match to a phase of its procedure, with an outcome the phase allows and a comment",
          params: IdParams,
          body: MoveMatchRequestSchema,
          response: { 200: MatchResponseSchema, ...errors },
        },
      },
      async (request) => ({
        match: await moveMatch(matches, callerOf(request), request.params.id, request.body),
      }),
    );

    r.post(
      "/api/v1/matches/:id/undo",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "Undo the match's last step: it goes back to where the step before left it",
          params: IdParams,
          response: { 200: MatchResponseSchema, ...errors },
        },
      },
      async (request) => ({ match: await undoMatch(matches, callerOf(request), request.params.id) }),
    );

    r.post(
      "/api/v1/matches/:id/evaluations",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "Give a verdict on the match (yes, maybe, no) with a comment",
          params: IdParams,
          body: EvaluateMatchRequestSchema,
          response: { 201: z.object({ evaluation: EvaluationSchema }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          evaluation: await evaluateMatch(matches, callerOf(request), request.params.id, request.body),
        }),
    );

    r.get(
      "/api/v1/procedures",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "The procedures (phases, milestones, statuses) of my organisations, or of one",
          querystring: ProcedureListQuerySchema,
          response: { 200: ProcedureListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        procedures: await listProcedures(matches, callerOf(request), request.query.organisationId),
      }),
    );

    r.get(
      "/api/v1/procedures/:id",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "One procedure with its phases",
          params: IdParams,
          response: { 200: ProcedureResponseSchema, ...errors },
        },
      },
      async (request) => ({ procedure: await getProcedure(matches, callerOf(request), request.params.id) }),
    );

    // Saving candidates on vacancies, from the candidate's profile (HalloWerk).
    const candidateStaff = { access: matchesPolicy.candidateStaff };
    const onVacancies = async (request: FastifyRequest, candidateId: string) => ({
      vacancies: await vacanciesOfCandidate(matches, callerOf(request), candidateId),
    });

    r.get(
      "/api/v1/candidates/:id/vacancies",
      {
        config: candidateStaff,
        schema: {
          tags: ["candidates"],
          summary:
            "The vacancies this candidate is on (date, vacancy, by whom, proposed), for the whole team",
          params: IdParams,
          response: { 200: CandidateVacanciesResponseSchema, ...errors },
        },
      },
      async (request) => {
        await deps.assertCandidateVisible(request, request.params.id);
        return onVacancies(request, request.params.id);
      },
    );

    r.post(
      "/api/v1/candidates/:id/vacancies",
      {
        config: candidateStaff,
        schema: {
          tags: ["candidates"],
          summary: '"Toevoegen aan vacature": save the candidate on a vacancy (who and when are kept)',
          params: IdParams,
          body: SaveCandidateRequestSchema,
          response: { 200: CandidateVacanciesResponseSchema, ...errors },
        },
      },
      async (request) => {
        await deps.assertCandidateVisible(request, request.params.id);
        await saveCandidate(matches, callerOf(request), request.body.vacancyId, request.params.id);
        return onVacancies(request, request.params.id);
      },
    );

    r.delete(
      "/api/v1/candidates/:id/vacancies/:vacancyId",
      {
        config: candidateStaff,
        schema: {
          tags: ["candidates"],
          summary: "Take a saved candidate off a vacancy (an application stays)",
          params: z.object({ id: z.string().uuid(), vacancyId: z.string().uuid() }),
          response: { 200: CandidateVacanciesResponseSchema, ...errors },
        },
      },
      async (request) => {
        await deps.assertCandidateVisible(request, request.params.id);
        await unsaveCandidate(matches, callerOf(request), request.params.vacancyId, request.params.id);
        return onVacancies(request, request.params.id);
      },
    );
  });

  // A candidate's applications: multipart, in a scope of their own.
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const candidate = { access: matchesPolicy.candidate };
    acceptRawUploads(scope, {
      maxBytes: UPLOAD_MAX_BYTES,
      tooLarge: () => ({ path: "cv", messageKey: "file_too_large" }),
    });
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 20_000 },
    });

    r.post(
      "/api/v1/vacancies/:id/applications",
      {
        config: candidate,
        schema: {
          tags: ["vacancies"],
          summary:
            "Respond to a vacancy (multipart: motivation, optional cv as PDF or DOCX up to 10 MB, optional referralCode of an employee's link)",
          consumes: ["multipart/form-data"],
          params: IdParams,
          querystring: z.object({ utm_source: SourceSchema }),
          response: { 201: ApplicationResponseSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError("unsupported_media_type");
        let motivation = "";
        let referralCode: string | null = null;
        let cv: { fileName: string; data: Buffer } | null = null;
        for await (const part of request.parts()) {
          if (part.type === "file") {
            if (part.fieldname !== "cv") {
              await part.toBuffer();
              continue;
            }
            const data = await part.toBuffer();
            if (part.file.truncated)
              throw uploadTooLarge(request, { path: "cv", messageKey: "file_too_large" });
            if (data.length > 0) cv = { fileName: cleanFileName(part.filename, "cv"), data };
          } else if (part.fieldname === "motivation" && typeof part.value === "string") {
            motivation = part.value;
          } else if (part.fieldname === "referralCode" && typeof part.value === "string") {
            // An employee's personal link (referral portal); anything but a plausible code is ignored.
            referralCode = /^[A-Za-z0-9_-]{8,64}$/.test(part.value) ? part.value : null;
          }
        }
        const application = await apply(
          matches,
          callerOf(request),
          request.params.id,
          { motivation, cv, source: request.query.utm_source?.toLowerCase() ?? null, referralCode },
          request.portal?.row.id ?? null,
          requestLocale(request),
        );
        return reply.code(201).send({ application });
      },
    );

    r.get(
      "/api/v1/applications/mine",
      {
        config: candidate,
        schema: {
          tags: ["vacancies"],
          summary: 'My applications ("mijn sollicitaties") with their status',
          response: { 200: ApplicationListResponseSchema, ...errors },
        },
      },
      async (request) => ({ applications: await myApplications(matches, callerOf(request)) }),
    );

    r.get(
      "/api/v1/applications/:id/timeline",
      {
        config: candidate,
        schema: {
          tags: ["vacancies"],
          summary: "One of my applications: its steps through the procedure and whether I may withdraw",
          params: IdParams,
          response: { 200: ApplicationTimelineResponseSchema, ...errors },
        },
      },
      async (request) => ({
        timeline: await applicationTimeline(matches, callerOf(request), request.params.id),
      }),
    );

    r.post(
      "/api/v1/applications/:id/withdraw",
      {
        config: candidate,
        schema: {
          tags: ["vacancies"],
          summary: "Withdraw one of my applications (refused once it is final)",
          params: IdParams,
          response: { 200: ApplicationTimelineResponseSchema, ...errors },
        },
      },
      async (request) => ({
        timeline: await withdrawApplication(matches, callerOf(request), request.params.id),
      }),
    );

    r.get(
      "/api/v1/applications/:id/cv",
      {
        config: candidate,
        schema: {
          tags: ["vacancies"],
          summary: "The CV sent with one of my applications (download)",
          params: IdParams,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await applicationCv(matches, callerOf(request), request.params.id)),
    );
  });
}
