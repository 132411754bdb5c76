import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { CandidateStaffView } from "../../../contracts/candidates";
import {
  NotificationListResponseSchema,
  NotificationSchema,
  ProposalResponseSchema,
  ProposedCandidateListResponseSchema,
  ProposedCandidateResponseSchema,
  ProposeRequestSchema,
  ReviewerListResponseSchema,
  VacancyProposalsResponseSchema,
  VerdictRequestSchema,
  VerdictResponseSchema,
} from "../../../contracts/matches";
import { errorResponses } from "../../platform/http";
import { sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import type { MatchDeps } from "./actions/context";
import { listReviewers, propose, vacancyProposals, withdrawProposal } from "./actions/proposals";
import {
  decideProposal,
  getProposed,
  listNotifications,
  listProposed,
  proposedCv,
  readNotification,
} from "./actions/reviews";
import { matchesPolicy } from "./matches.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
const MatchParams = z.object({ matchId: z.string().uuid() });

export interface ProposalRouteDeps {
  matches: MatchDeps;
  assertCandidateVisible(request: FastifyRequest, candidateId: string): Promise<void>;
  /** The candidate's profile as the candidates module shows it to this caller; null when hidden. */
  candidateProfile(request: FastifyRequest, candidateId: string): Promise<CandidateStaffView | null>;
}

/** Proposing candidates to an employer (recruiters), reviewing them (contacts), and notices. */
export async function registerProposalRoutes(app: FastifyInstance, deps: ProposalRouteDeps): Promise<void> {
  const { matches } = deps;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const staff = { access: matchesPolicy.staff };
    const contact = { access: matchesPolicy.reviewer };

    r.get(
      "/api/v1/vacancies/:id/reviewers",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "The employer's contact persons with portal access, who can review a proposal",
          params: IdParams,
          response: { 200: ReviewerListResponseSchema, ...errors },
        },
      },
      async (request) => ({ reviewers: await listReviewers(matches, callerOf(request), request.params.id) }),
    );

    r.get(
      "/api/v1/vacancies/:id/proposals",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: "The vacancy's proposals: who proposed whom, when, to whom, and the verdict",
          params: IdParams,
          response: { 200: VacancyProposalsResponseSchema, ...errors },
        },
      },
      async (request) => vacancyProposals(matches, callerOf(request), request.params.id),
    );

    r.post(
      "/api/v1/vacancies/:id/proposals",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary:
            'Propose a candidate to the employer ("Voorstellen"): the match moves to "proposed", the chosen contacts review it',
          params: IdParams,
          body: ProposeRequestSchema,
          response: { 201: ProposalResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          proposal: await propose(matches, callerOf(request), request.params.id, request.body, () =>
            deps.assertCandidateVisible(request, request.body.candidateId),
          ),
        }),
    );

    r.delete(
      "/api/v1/matches/:id/proposal",
      {
        config: staff,
        schema: {
          tags: ["matches"],
          summary: '"Voorstel intrekken": withdraw a proposal without a verdict; the match goes back',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await withdrawProposal(matches, callerOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    r.get(
      "/api/v1/proposals",
      {
        config: contact,
        schema: {
          tags: ["proposals"],
          summary: "Candidates proposed to me: waiting for my verdict, or approved (in their current phase)",
          response: { 200: ProposedCandidateListResponseSchema, ...errors },
        },
      },
      async (request) => ({ proposals: await listProposed(matches, callerOf(request)) }),
    );

    r.get(
      "/api/v1/proposals/:matchId",
      {
        config: contact,
        schema: {
          tags: ["proposals"],
          summary: "A candidate proposed to me: profile (no contact details), CV, motivation, history",
          params: MatchParams,
          response: { 200: ProposedCandidateResponseSchema, ...errors },
        },
      },
      async (request) => ({
        proposal: await getProposed(matches, callerOf(request), request.params.matchId, (candidateId) =>
          deps.candidateProfile(request, candidateId),
        ),
      }),
    );

    r.get(
      "/api/v1/proposals/:matchId/cv",
      {
        config: contact,
        schema: {
          tags: ["proposals"],
          summary: "The CV sent with a match proposed to me (download)",
          params: MatchParams,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await proposedCv(matches, callerOf(request), request.params.matchId)),
    );

    r.post(
      "/api/v1/proposals/:matchId/verdict",
      {
        config: contact,
        schema: {
          tags: ["proposals"],
          summary: "Approve or reject a proposed candidate, with a comment (required on reject)",
          params: MatchParams,
          body: VerdictRequestSchema,
          response: { 200: VerdictResponseSchema, ...errors },
        },
      },
      async (request) => decideProposal(matches, callerOf(request), request.params.matchId, request.body),
    );

    r.get(
      "/api/v1/notifications",
      {
        config: { access: "signed-in" },
        schema: {
          tags: ["notifications"],
          summary: "My in-app notices (verdicts on my proposals), newest first, with the unread count",
          response: { 200: NotificationListResponseSchema, ...errors },
        },
      },
      async (request) => listNotifications(matches, callerOf(request)),
    );

    r.post(
      "/api/v1/notifications/:id/read",
      {
        config: { access: "signed-in" },
        schema: {
          tags: ["notifications"],
          summary: "Mark one of my notices as read",
          params: IdParams,
          response: { 200: z.object({ notification: NotificationSchema }), ...errors },
        },
      },
      async (request) => ({
        notification: await readNotification(matches, callerOf(request), request.params.id),
      }),
    );
  });
}
