import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import {
  CurrentPortalResponseSchema,
  OrganisationListResponseSchema,
  OrganisationSchema,
  type Portal,
  PortalListResponseSchema,
  UpdateOrganisationRequestSchema,
} from "../../../contracts/tenancy";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { type HostPortal, portalFromHost } from "../../platform/tenancy";
import { callerOf, provideCallerDatabase } from "./caller";
import { tenancyPolicy } from "./tenancy.policy";
import type { PortalRow } from "./tenancy.repository";
import type { TenancyService } from "./tenancy.service";

declare module "fastify" {
  interface FastifyRequest {
    /** The portal this request's Host resolves to; null for an unknown subdomain. */
    portal: { row: PortalRow; portal: Portal } | null;
    /** What the Host header asks for; set for every request by the tenancy hook. */
    hostPortal: HostPortal | null;
  }
}

/** Routes that must answer even on an unknown subdomain (they say where to go instead). */
const portalOptional = new Set(["/api/v1/portal", "/api/v1/portals", "/api/health"]);

export function portalOf(request: FastifyRequest): { row: PortalRow; portal: Portal } {
  if (!request.portal) throw new AppError("portal_not_found");
  return request.portal;
}

export async function registerTenancy(
  app: FastifyInstance,
  deps: { tenancy: TenancyService; baseDomain: string; db: Db },
): Promise<void> {
  const { tenancy, baseDomain } = deps;
  provideCallerDatabase(app, deps.db);
  app.decorateRequest("portal", null);
  app.decorateRequest("hostPortal", null);
  app.addHook("onRequest", async (request) => {
    // request.host honours X-Forwarded-Host only when TRUST_PROXY is set.
    const hostPortal = portalFromHost(request.host, baseDomain);
    request.hostPortal = hostPortal;
    request.portal = await tenancy.resolve(hostPortal);
    const path = request.url.split("?")[0] ?? "";
    if (!request.portal && path.startsWith("/api/v1/") && !portalOptional.has(path)) {
      throw new AppError("portal_not_found");
    }
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/portal",
    {
      config: { access: tenancyPolicy.viewPortals },
      schema: {
        tags: ["portals"],
        summary: "The portal this host name belongs to, with the list of all portals",
        response: { 200: CurrentPortalResponseSchema },
      },
    },
    async (request) => ({
      portal: request.portal?.portal ?? null,
      requestedSlug: request.hostPortal?.kind === "portal" ? request.hostPortal.slug : null,
      portals: await tenancy.listPortals(),
    }),
  );

  r.get(
    "/api/v1/portals",
    {
      config: { access: tenancyPolicy.viewPortals },
      schema: { tags: ["portals"], summary: "All portals", response: { 200: PortalListResponseSchema } },
    },
    async () => ({ portals: await tenancy.listPortals() }),
  );

  r.get(
    "/api/v1/organisations",
    {
      config: { access: tenancyPolicy.listOrganisations },
      schema: {
        tags: ["organisations"],
        summary: "Organisations of the current portal (all of them on the national portal)",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: OrganisationListResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema },
      },
    },
    async (request) => tenancy.listOrganisations(portalOf(request).row, request.query),
  );
}

export async function registerOrganisationWrites(app: FastifyInstance, deps: { tenancy: TenancyService }) {
  app.withTypeProvider<ZodTypeProvider>().patch(
    "/api/v1/organisations/:id",
    {
      config: { access: tenancyPolicy.updateOrganisation },
      schema: {
        tags: ["organisations"],
        summary: "Change name, KvK number or head-office address of an organisation you administer",
        params: z.object({ id: z.string().uuid() }),
        body: UpdateOrganisationRequestSchema,
        response: {
          200: OrganisationSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      return deps.tenancy.updateOrganisation(callerOf(request), request.params.id, request.body);
    },
  );
}
