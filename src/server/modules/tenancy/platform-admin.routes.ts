import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AdminCreateOrganisationRequestSchema,
  AdminOrganisationListQuerySchema,
  AdminOrganisationListResponseSchema,
  AdminOrganisationSchema,
  AdminPortalListResponseSchema,
  AdminPortalSchema,
  AdminUpdateOrganisationRequestSchema,
  CreatePortalRequestSchema,
  MoveOrganisationRequestSchema,
  UpdatePortalRequestSchema,
} from "../../../contracts/platform-admin";
import { errorResponses } from "../../platform/http";
import { acceptRawUploads, rawBody, sendImage } from "../../platform/uploads";
import { callerOf } from "./caller";
import { LOGO_MAX_BYTES, type PlatformAdminService } from "./platform-admin.service";
import { tenancyPolicy } from "./tenancy.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
const access = tenancyPolicy.platformAdmin;

/** The platform administrator's portals and organisations (issue 17 part 2, decision 0032). */
export async function registerPlatformAdminRoutes(
  app: FastifyInstance,
  deps: { platformAdmin: PlatformAdminService },
): Promise<void> {
  const admin = deps.platformAdmin;
  await app.register(async (scope) => {
    acceptRawUploads(scope, {
      maxBytes: LOGO_MAX_BYTES,
      tooLarge: () => ({ path: "logo", messageKey: "logo_too_large" }),
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      "/api/v1/admin/portals",
      {
        config: { access },
        schema: {
          tags: ["platform-admin"],
          summary: "Every portal, deactivated ones included",
          response: { 200: AdminPortalListResponseSchema, ...errors },
        },
      },
      async (request) => ({ portals: await admin.listPortals(callerOf(request)) }),
    );

    r.post(
      "/api/v1/admin/portals",
      {
        config: { access },
        schema: {
          tags: ["platform-admin"],
          summary: "Create a regional portal on its own subdomain",
          body: CreatePortalRequestSchema,
          response: { 201: AdminPortalSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await admin.createPortal(callerOf(request), request.body)),
    );

    r.get(
      "/api/v1/admin/portals/:id",
      {
        config: { access },
        schema: {
          tags: ["platform-admin"],
          summary: "One portal",
          params: IdParams,
          response: { 200: AdminPortalSchema, ...errors },
        },
      },
      async (request) => admin.getPortal(callerOf(request), request.params.id),
    );

    r.patch(
      "/api/v1/admin/portals/:id",
      {
        config: { access },
        schema: {
          tags: ["platform-admin"],
          summary: "Change a portal's names or colour (the national portal's too)",
          params: IdParams,
          body: UpdatePortalRequestSchema,
          response: { 200: AdminPortalSchema, ...errors },
        },
      },
      async (request) => admin.updatePortal(callerOf(request), request.params.id, request.body),
    );

    for (const action of ["deactivate", "reactivate"] as const) {
      r.post(
        `/api/v1/admin/portals/:id/${action}`,
        {
          config: { access },
          schema: {
            tags: ["platform-admin"],
            summary:
              action === "deactivate"
                ? "Deactivate a regional portal: its subdomain answers as unknown, its data stays"
                : "Reactivate a portal",
            params: IdParams,
            response: { 200: AdminPortalSchema, ...errors },
          },
        },
        async (request) =>
          action === "deactivate"
            ? admin.deactivatePortal(callerOf(request), request.params.id)
            : admin.reactivatePortal(callerOf(request), request.params.id),
      );
    }

    r.put(
      "/api/v1/admin/portals/:id/logo",
      {
        config: { access },
        schema: {
          tags: ["platform-admin"],
          summary: "Upload a portal's logo (PNG, JPG or WebP, at most 1 MB) as the raw request body",
          params: IdParams,
          response: { 200: AdminPortalSchema, ...errors, ...errorResponses(413, 415) },
        },
      },
      async (request) =>
        admin.setPortalLogo(
          callerOf(request),
          request.params.id,
          rawBody(request),
          String(request.headers["content-type"] ?? "")
            .split(";")[0]!
            .trim(),
        ),
    );

    r.delete(
      "/api/v1/admin/portals/:id/logo",
      {
        config: { access },
        schema: {
          tags: ["platform-admin"],
          summary: "Remove a portal's logo",
          params: IdParams,
          response: { 200: AdminPortalSchema, ...errors },
        },
      },
      async (request) => admin.removePortalLogo(callerOf(request), request.params.id),
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/portal-logos/:portalId/:file",
    {
      config: { access: tenancyPolicy.viewPortalLogo },
      schema: {
        tags: ["portals"],
        summary: "A portal's current logo",
        params: z.object({ portalId: z.string().uuid(), file: z.string().regex(/^[a-z0-9-]+\.[a-z]+$/) }),
        response: errorResponses(400, 404),
      },
    },
    async (request, reply) =>
      sendImage(reply, await admin.portalLogo(request.params.portalId, request.params.file), "public"),
  );

  r.get(
    "/api/v1/admin/organisations",
    {
      config: { access },
      schema: {
        tags: ["platform-admin"],
        summary: "Organisations of every kind, with their departments and branches",
        querystring: AdminOrganisationListQuerySchema,
        response: { 200: AdminOrganisationListResponseSchema, ...errors },
      },
    },
    async (request) => admin.listOrganisations(callerOf(request), request.query),
  );

  r.post(
    "/api/v1/admin/organisations",
    {
      config: { access },
      schema: {
        tags: ["platform-admin"],
        summary: "Create an organisation, or a department or branch under one",
        body: AdminCreateOrganisationRequestSchema,
        response: { 201: AdminOrganisationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await admin.createOrganisation(callerOf(request), request.body)),
  );

  r.get(
    "/api/v1/admin/organisations/:id",
    {
      config: { access },
      schema: {
        tags: ["platform-admin"],
        summary: "One organisation",
        params: IdParams,
        response: { 200: AdminOrganisationSchema, ...errors },
      },
    },
    async (request) => admin.getOrganisation(callerOf(request), request.params.id),
  );

  r.patch(
    "/api/v1/admin/organisations/:id",
    {
      config: { access },
      schema: {
        tags: ["platform-admin"],
        summary: "Change an organisation's name, KvK number, address or (top organisation) home portal",
        params: IdParams,
        body: AdminUpdateOrganisationRequestSchema,
        response: { 200: AdminOrganisationSchema, ...errors },
      },
    },
    async (request) => admin.updateOrganisation(callerOf(request), request.params.id, request.body),
  );

  r.post(
    "/api/v1/admin/organisations/:id/move",
    {
      config: { access },
      schema: {
        tags: ["platform-admin"],
        summary: "Move an organisation under another one of its kind, or make it a top organisation",
        params: IdParams,
        body: MoveOrganisationRequestSchema,
        response: { 200: AdminOrganisationSchema, ...errors },
      },
    },
    async (request) => admin.moveOrganisation(callerOf(request), request.params.id, request.body.parentId),
  );

  for (const action of ["deactivate", "reactivate"] as const) {
    r.post(
      `/api/v1/admin/organisations/:id/${action}`,
      {
        config: { access },
        schema: {
          tags: ["platform-admin"],
          summary:
            action === "deactivate"
              ? "Deactivate an organisation: its staff (and that of its departments) lose their roles"
              : "Reactivate an organisation",
          params: IdParams,
          response: { 200: AdminOrganisationSchema, ...errors },
        },
      },
      async (request) =>
        action === "deactivate"
          ? admin.deactivateOrganisation(callerOf(request), request.params.id)
          : admin.reactivateOrganisation(callerOf(request), request.params.id),
    );
  }

  r.delete(
    "/api/v1/admin/organisations/:id",
    {
      config: { access },
      schema: {
        tags: ["platform-admin"],
        summary: "Delete an organisation nothing refers to (no users, departments or data)",
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await admin.deleteOrganisation(callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
