import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AddLaureatesRequestSchema,
  CallUpRequestSchema,
  CallUpResponseSchema,
  CallUpTargetsResponseSchema,
  CloseProcedureRequestSchema,
  ClosureResponseSchema,
  OrderLaureatesRequestSchema,
  ReserveListOverviewResponseSchema,
  ReserveListResponseSchema,
  ReserveListValiditySchema,
  VacancyReserveListResponseSchema,
} from "../../../contracts/reserve-lists";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import { callUp } from "./actions/call-up";
import { closeProcedure, getClosure } from "./actions/closing";
import type { ReserveListDeps } from "./actions/context";
import {
  addLaureates,
  callUpTargets,
  createReserveList,
  getReserveList,
  orderLaureates,
  removeLaureate,
  reserveListOverview,
  setValidity,
  vacancyReserveList,
} from "./actions/reserve-lists";
import { reserveListsPolicy } from "./reserve-lists.policy";

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const VacancyParams = z.object({ id: z.string().uuid() });
const ListParams = z.object({ id: z.string().uuid() });
const LaureateParams = z.object({ id: z.string().uuid(), laureateId: z.string().uuid() });

export interface ReserveListRouteDeps {
  reserveLists: ReserveListDeps;
}

/**
 * Reserve lists ("werfreserves") under /api/v1/reserve-lists and a vacancy's own under
 * /api/v1/vacancies/:id/reserve-list; closing a selection procedure under
 * /api/v1/vacancies/:id/closure.
 */
export async function registerReserveListRoutes(
  app: FastifyInstance,
  deps: ReserveListRouteDeps,
): Promise<void> {
  const d = deps.reserveLists;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const config = { access: reserveListsPolicy.staff };
    const tags = ["reserve-lists"];

    r.get(
      "/api/v1/reserve-lists",
      {
        config,
        schema: {
          tags,
          summary: "The reserve lists of the caller's organisations, with validity, laureates and call-ups",
          response: { 200: ReserveListOverviewResponseSchema, ...errors },
        },
      },
      async (request) => reserveListOverview(d, callerOf(request)),
    );

    r.get(
      "/api/v1/vacancies/:id/reserve-list",
      {
        config,
        schema: {
          tags,
          summary: "The vacancy's reserve list (null when it has none) and whether the caller may make one",
          params: VacancyParams,
          response: { 200: VacancyReserveListResponseSchema, ...errors },
        },
      },
      async (request) =>
        vacancyReserveList(d, callerOf(request), request.params.id, requestMessageLocale(request)),
    );

    r.post(
      "/api/v1/vacancies/:id/reserve-list",
      {
        config,
        schema: {
          tags,
          summary: "Make the vacancy's reserve list with its validity (one per vacancy)",
          params: VacancyParams,
          body: ReserveListValiditySchema,
          response: { 201: ReserveListResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          reserveList: await createReserveList(
            d,
            callerOf(request),
            request.params.id,
            request.body,
            requestMessageLocale(request),
          ),
        }),
    );

    r.get(
      "/api/v1/reserve-lists/:id",
      {
        config,
        schema: {
          tags,
          summary: "A reserve list with its laureates in ranking order and their call-ups",
          params: ListParams,
          response: { 200: ReserveListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        reserveList: await getReserveList(
          d,
          callerOf(request),
          request.params.id,
          requestMessageLocale(request),
        ),
      }),
    );

    r.put(
      "/api/v1/reserve-lists/:id/validity",
      {
        config,
        schema: {
          tags,
          summary: "Change the reserve list's validity (start and end, both days included)",
          params: ListParams,
          body: ReserveListValiditySchema,
          response: { 200: ReserveListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        reserveList: await setValidity(
          d,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    r.post(
      "/api/v1/reserve-lists/:id/laureates",
      {
        config,
        schema: {
          tags,
          summary:
            "Put applicants of the vacancy on the list, in this order after the others (they move to the reserve phase and are mailed)",
          params: ListParams,
          body: AddLaureatesRequestSchema,
          response: { 200: ReserveListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        reserveList: await addLaureates(
          d,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    r.put(
      "/api/v1/reserve-lists/:id/laureates/order",
      {
        config,
        schema: {
          tags,
          summary: "Rank the laureates anew (every laureate of the list, in order)",
          params: ListParams,
          body: OrderLaureatesRequestSchema,
          response: { 200: ReserveListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        reserveList: await orderLaureates(
          d,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    r.delete(
      "/api/v1/reserve-lists/:id/laureates/:laureateId",
      {
        config,
        schema: {
          tags,
          summary: "Take a laureate off the list (not after the procedure was closed)",
          params: LaureateParams,
          response: { 200: ReserveListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        reserveList: await removeLaureate(
          d,
          callerOf(request),
          request.params.id,
          request.params.laureateId,
          requestMessageLocale(request),
        ),
      }),
    );

    r.get(
      "/api/v1/reserve-lists/:id/target-vacancies",
      {
        config,
        schema: {
          tags,
          summary: "The organisation's vacancies a laureate may be called up for",
          params: ListParams,
          response: { 200: CallUpTargetsResponseSchema, ...errors },
        },
      },
      async (request) => callUpTargets(d, callerOf(request), request.params.id),
    );

    r.post(
      "/api/v1/reserve-lists/:id/laureates/:laureateId/call-ups",
      {
        config,
        schema: {
          tags,
          summary:
            "Call a laureate up for another vacancy of the organisation (mailed), or add them by hand; only while the list is valid",
          params: LaureateParams,
          body: CallUpRequestSchema,
          response: { 201: CallUpResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await callUp(
              d,
              callerOf(request),
              request.params.id,
              request.params.laureateId,
              request.body,
              requestMessageLocale(request),
            ),
          ),
    );

    r.get(
      "/api/v1/vacancies/:id/closure",
      {
        config,
        schema: {
          tags,
          summary:
            "How the vacancy's selection procedure ended (completed or cancelled), or whether it may be closed",
          params: VacancyParams,
          response: { 200: ClosureResponseSchema, ...errors },
        },
      },
      async (request) => getClosure(d, callerOf(request), request.params.id),
    );

    r.post(
      "/api/v1/vacancies/:id/closure",
      {
        config,
        schema: {
          tags,
          summary:
            "Close the selection procedure: completed (afsluiten) or cancelled (annuleren, with a reason); open applicants get their final mail",
          params: VacancyParams,
          body: CloseProcedureRequestSchema,
          response: { 201: ClosureResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await closeProcedure(
              d,
              callerOf(request),
              request.params.id,
              request.body,
              requestMessageLocale(request),
            ),
          ),
    );
  });
}
