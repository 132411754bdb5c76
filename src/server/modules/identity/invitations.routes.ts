import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import {
  AcceptInvitationRequestSchema,
  AcceptInvitationResponseSchema,
  AUDIT_EVENT_TYPES,
  type AuditEventType,
  AuditListResponseSchema,
  CreateInvitationRequestSchema,
  InvitationListResponseSchema,
  InvitationPreviewResponseSchema,
  InvitationSchema,
  RegisterCandidateRequestSchema,
  RegisterCandidateResponseSchema,
} from "../../../contracts/identity";
import { errorResponses } from "../../platform/http";
import { requestLocale, requestMessageLocale } from "../../platform/i18n";
import type { Store } from "../../platform/store";
import { callerOf, portalOf } from "../tenancy";
import { auditRepository } from "./audit.repository";
import type { Auth } from "./auth";
import { identityPolicy } from "./identity.policy";
import type { InvitationService } from "./invitations.service";
import { registerCandidate } from "./registration.service";

const errors = errorResponses(400, 401, 403, 404, 409);

export async function registerInvitationRoutes(
  app: FastifyInstance,
  deps: { invitations: InvitationService; auth: Auth; store: Store },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/invitations",
    {
      config: { access: identityPolicy.invite },
      schema: {
        tags: ["identity"],
        summary: "Invite someone by e-mail to a staff role in an organisation",
        body: CreateInvitationRequestSchema,
        response: { 201: InvitationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await deps.invitations.create(callerOf(request), request.body)),
  );

  r.get(
    "/api/v1/invitations",
    {
      config: { access: identityPolicy.invite },
      schema: {
        tags: ["identity"],
        summary: "Invitations of the organisations you manage",
        response: { 200: InvitationListResponseSchema, ...errors },
      },
    },
    async (request) => ({ invitations: await deps.invitations.list(callerOf(request)) }),
  );

  for (const action of ["resend", "revoke"] as const) {
    r.post(
      `/api/v1/invitations/:id/${action}`,
      {
        config: { access: identityPolicy.invite },
        schema: {
          tags: ["identity"],
          summary:
            action === "resend" ? "Send the invitation again with a new link" : "Withdraw the invitation",
          params: z.object({ id: z.string().uuid() }),
          response: { 200: InvitationSchema, ...errors },
        },
      },
      async (request) => deps.invitations[action](callerOf(request), request.params.id),
    );
  }

  r.get(
    "/api/v1/invitations/preview",
    {
      config: { access: identityPolicy.acceptInvitation },
      schema: {
        tags: ["identity"],
        summary: "What an invitation link offers, before accepting it",
        querystring: z.object({ token: z.string().min(20).max(200) }),
        response: {
          200: InvitationPreviewResponseSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => deps.invitations.preview(request.query.token),
  );

  r.post(
    "/api/v1/invitations/accept",
    {
      config: { access: identityPolicy.acceptInvitation },
      schema: {
        tags: ["identity"],
        summary: "Accept an invitation: set name and password, agree to the terms",
        body: AcceptInvitationRequestSchema,
        response: { 201: AcceptInvitationResponseSchema, 400: ErrorResponseSchema, 410: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { email } = await deps.invitations.accept(request.body, requestMessageLocale(request));
      return reply.code(201).send({ email, next: "sign-in" as const });
    },
  );

  r.post(
    "/api/v1/candidates/register",
    {
      config: { access: identityPolicy.registerCandidate },
      schema: {
        tags: ["identity"],
        summary: "Register as a candidate on this portal; a link to confirm the e-mail address follows",
        body: RegisterCandidateRequestSchema,
        response: {
          202: RegisterCandidateResponseSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const portal = portalOf(request);
      await registerCandidate(deps, { ...request.body, portalId: portal.row.id }, requestLocale(request));
      return reply.code(202).send({ status: "verification_sent" as const });
    },
  );

  r.get(
    "/api/v1/audit",
    {
      config: { access: identityPolicy.viewAudit },
      schema: {
        tags: ["identity"],
        summary: "Security events of your organisations (sign-ins, second factor, invitations, roles)",
        querystring: z.object({
          type: z.enum(AUDIT_EVENT_TYPES).optional(),
          userId: z.string().optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: AuditListResponseSchema, ...errors },
      },
    },
    async (request) => {
      const scope = await callerOf(request).scopeAs(["org_admin"]);
      const rows = await deps.store.bind(scope, auditRepository).list(request.query);
      return {
        events: rows.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          type: e.type as AuditEventType,
          userId: e.userId,
          actorUserId: e.actorUserId,
          email: e.email,
          ipAddress: e.ipAddress,
          details: e.details,
        })),
      };
    },
  );
}
