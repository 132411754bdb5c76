import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ApproachRequestSchema,
  CandidateMessageResponseSchema,
  CandidateMessagesResponseSchema,
  ContactHistoryResponseSchema,
  FavouriteStateSchema,
  FavouritesQuerySchema,
  FavouritesResponseSchema,
  SavedVacanciesResponseSchema,
} from "../../../contracts/candidates";
import { errorResponses } from "../../platform/http";
import { callerOf } from "../tenancy";
import { candidatesPolicy } from "./candidates.policy";
import type { OutreachService } from "./outreach.service";

const errors = errorResponses(400, 401, 403, 404);
const candidateOnly = { access: candidatesPolicy.candidate };

export async function registerOutreachRoutes(app: FastifyInstance, deps: { outreach: OutreachService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { outreach } = deps;

  r.post(
    "/api/v1/candidates/:id/approach",
    {
      config: { access: candidatesPolicy.staff },
      schema: {
        tags: ["candidates"],
        summary:
          '"Benaderen": write to a visible candidate (their inbox and mail; their address stays private)',
        params: z.object({ id: z.string().uuid() }),
        body: ApproachRequestSchema,
        response: { 201: CandidateMessageResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        message: await outreach.approach(callerOf(request), request.params.id, request.body),
      }),
  );

  r.get(
    "/api/v1/candidates/favourites",
    {
      config: { access: candidatesPolicy.staff },
      schema: {
        tags: ["candidates"],
        summary: "My favourite candidates (private), with how often the team saved and proposed them",
        querystring: FavouritesQuerySchema,
        response: { 200: FavouritesResponseSchema, ...errors },
      },
    },
    async (request) => outreach.favourites(callerOf(request), request.query),
  );

  r.get(
    "/api/v1/candidates/history",
    {
      config: { access: candidatesPolicy.staff },
      schema: {
        tags: ["candidates"],
        summary: '"Geschiedenis": candidates whose contact details I requested, last viewed first',
        querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
        response: { 200: ContactHistoryResponseSchema, ...errors },
      },
    },
    async (request) => outreach.contactHistory(callerOf(request), request.query.page),
  );

  r.get(
    "/api/v1/candidates/:id/favourite",
    {
      config: { access: candidatesPolicy.staff },
      schema: {
        tags: ["candidates"],
        summary: "Whether this candidate is one of my favourites",
        params: z.object({ id: z.string().uuid() }),
        response: { 200: FavouriteStateSchema, ...errors },
      },
    },
    async (request) => outreach.isFavourite(callerOf(request), request.params.id),
  );

  for (const method of ["PUT", "DELETE"] as const) {
    r.route({
      method,
      url: "/api/v1/candidates/:id/favourite",
      config: { access: candidatesPolicy.staff },
      schema: {
        tags: ["candidates"],
        summary:
          method === "PUT"
            ? "Make the candidate a favourite (the star)"
            : "Remove the candidate from my favourites",
        params: z.object({ id: z.string().uuid() }),
        response: { 200: FavouriteStateSchema, ...errors },
      },
      handler: async (request) =>
        outreach.setFavourite(callerOf(request), request.params.id, method === "PUT"),
    });
  }

  r.get(
    "/api/v1/candidates/me/messages",
    {
      config: candidateOnly,
      schema: {
        tags: ["candidates"],
        summary: "My inbox: messages from employers and account managers, newest first",
        response: { 200: CandidateMessagesResponseSchema, ...errors },
      },
    },
    async (request) => outreach.inbox(callerOf(request)),
  );

  r.post(
    "/api/v1/candidates/me/messages/:messageId/read",
    {
      config: candidateOnly,
      schema: {
        tags: ["candidates"],
        summary: "Mark a message as read",
        params: z.object({ messageId: z.string().uuid() }),
        response: { 200: CandidateMessageResponseSchema, ...errors },
      },
    },
    async (request) => ({
      message: await outreach.markRead(callerOf(request), request.params.messageId),
    }),
  );

  r.get(
    "/api/v1/candidates/me/saved-vacancies",
    {
      config: candidateOnly,
      schema: {
        tags: ["candidates"],
        summary: "Vacancies I saved for later, and whether they are still open to me",
        response: { 200: SavedVacanciesResponseSchema, ...errors },
      },
    },
    async (request) => ({ saved: await outreach.saved(callerOf(request)) }),
  );

  r.put(
    "/api/v1/candidates/me/saved-vacancies/:vacancyId",
    {
      config: candidateOnly,
      schema: {
        tags: ["candidates"],
        summary: "Save a vacancy I can see",
        params: z.object({ vacancyId: z.string().uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await outreach.save(callerOf(request), request.params.vacancyId);
      return reply.code(204).send(null);
    },
  );

  r.delete(
    "/api/v1/candidates/me/saved-vacancies/:vacancyId",
    {
      config: candidateOnly,
      schema: {
        tags: ["candidates"],
        summary: "Forget a saved vacancy",
        params: z.object({ vacancyId: z.string().uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await outreach.unsave(callerOf(request), request.params.vacancyId);
      return reply.code(204).send(null);
    },
  );
}
