import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AddTalentPoolMemberRequestSchema,
  CreateTalentPoolRequestSchema,
  MatchFromPoolRequestSchema,
  MatchFromPoolResponseSchema,
  PoolVacancyListResponseSchema,
  TalentPoolDetailResponseSchema,
  TalentPoolListQuerySchema,
  TalentPoolListResponseSchema,
  TalentPoolSchema,
} from "../../../contracts/talent-pools";
import { errorResponses } from "../../platform/http";
import { callerOf } from "../tenancy";
import { contactVacancies, getContactPool, listContactPools, matchFromPool } from "./actions/contact";
import type { TalentPoolDeps } from "./actions/context";
import { addMember, createClientPool, getTeamPool, listTeamPools, removeMember } from "./actions/team";
import { talentPoolsPolicy } from "./talent-pools.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
const MemberParams = z.object({ id: z.string().uuid(), candidateId: z.string().uuid() });

/**
 * Talent pools: the team's side under /api/v1/talent-pools, the contact person's under
 * /api/v1/contact/talent-pools (the pools open to them, and matching to their own vacancies).
 */
export async function registerTalentPoolRoutes(
  app: FastifyInstance,
  deps: { talentPools: TalentPoolDeps },
): Promise<void> {
  const pools = deps.talentPools;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const team = { access: talentPoolsPolicy.team };
    const contact = { access: talentPoolsPolicy.contact };

    r.get(
      "/api/v1/talent-pools",
      {
        config: team,
        schema: {
          tags: ["talent-pools"],
          summary: "The team's talent pools (general and per client) with their number of candidates",
          querystring: TalentPoolListQuerySchema,
          response: { 200: TalentPoolListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        pools: await listTeamPools(pools, callerOf(request), request.query.candidateId),
      }),
    );

    r.post(
      "/api/v1/talent-pools",
      {
        config: team,
        schema: {
          tags: ["talent-pools"],
          summary:
            "Make the talent pool of a client the team keeps (a client has one: asking again returns it)",
          body: CreateTalentPoolRequestSchema,
          response: {
            200: z.object({ pool: TalentPoolSchema }),
            201: z.object({ pool: TalentPoolSchema }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { pool, created } = await createClientPool(pools, callerOf(request), request.body);
        return reply.code(created ? 201 : 200).send({ pool });
      },
    );

    r.get(
      "/api/v1/talent-pools/:id",
      {
        config: team,
        schema: {
          tags: ["talent-pools"],
          summary: "A talent pool with its candidates, who added them and when",
          params: IdParams,
          response: { 200: TalentPoolDetailResponseSchema, ...errors },
        },
      },
      async (request) => getTeamPool(pools, callerOf(request), request.params.id),
    );

    r.post(
      "/api/v1/talent-pools/:id/members",
      {
        config: team,
        schema: {
          tags: ["talent-pools"],
          summary: "Add a candidate the team may see to the pool, with an optional note for the team",
          params: IdParams,
          body: AddTalentPoolMemberRequestSchema,
          response: { 201: TalentPoolDetailResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addMember(pools, callerOf(request), request.params.id, request.body)),
    );

    r.delete(
      "/api/v1/talent-pools/:id/members/:candidateId",
      {
        config: team,
        schema: {
          tags: ["talent-pools"],
          summary: "Take a candidate out of the pool (their matches stay)",
          params: MemberParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeMember(pools, callerOf(request), request.params.id, request.params.candidateId);
        return reply.code(204).send(null);
      },
    );

    r.get(
      "/api/v1/contact/talent-pools",
      {
        config: contact,
        schema: {
          tags: ["talent-pools"],
          summary:
            "The talent pools open to me as a contact person: my team's general pool and my employer's",
          response: { 200: TalentPoolListResponseSchema, ...errors },
        },
      },
      async (request) => ({ pools: await listContactPools(pools, callerOf(request)) }),
    );

    r.get(
      "/api/v1/contact/talent-pools/vacancies",
      {
        config: contact,
        schema: {
          tags: ["talent-pools"],
          summary: "My own vacancies (those I may change) a pool candidate can be matched to",
          response: { 200: PoolVacancyListResponseSchema, ...errors },
        },
      },
      async (request) => ({ vacancies: await contactVacancies(pools, callerOf(request)) }),
    );

    r.get(
      "/api/v1/contact/talent-pools/:id",
      {
        config: contact,
        schema: {
          tags: ["talent-pools"],
          summary: "A pool open to me with its candidates (no contact details)",
          params: IdParams,
          response: { 200: TalentPoolDetailResponseSchema, ...errors },
        },
      },
      async (request) => getContactPool(pools, callerOf(request), request.params.id),
    );

    r.post(
      "/api/v1/contact/talent-pools/:id/members/:candidateId/matches",
      {
        config: contact,
        schema: {
          tags: ["talent-pools"],
          summary:
            '"Matchen met mijn vacatures": a new match on my own vacancy; the candidate stays in the pool',
          params: MemberParams,
          body: MatchFromPoolRequestSchema,
          response: { 201: MatchFromPoolResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await matchFromPool(
              pools,
              callerOf(request),
              request.params.id,
              request.params.candidateId,
              request.body.vacancyId,
            ),
          ),
    );
  });
}
