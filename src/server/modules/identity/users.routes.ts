import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import {
  ManagedUserListResponseSchema,
  ManagedUserSchema,
  ProfileSettingsSchema,
  UpdateMembershipRequestSchema,
  UpdateMeRequestSchema,
} from "../../../contracts/identity";
import { AppError } from "../../platform/errors";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import { identityPolicy } from "./identity.policy";
import { AVATAR_MAX_BYTES, AVATAR_TYPES, type ProfileService } from "./profile.service";
import type { UserService } from "./users.service";

const errors = errorResponses(400, 401, 403, 404);

export async function registerUserRoutes(
  app: FastifyInstance,
  deps: { users: UserService; profiles: ProfileService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/me/profile",
    {
      config: { access: identityPolicy.ownSettings },
      schema: {
        tags: ["identity"],
        summary: "Your personal data and privacy choices",
        response: { 200: ProfileSettingsSchema, ...errors },
      },
    },
    async (request) => deps.profiles.profile(callerOf(request)),
  );

  r.patch(
    "/api/v1/me/profile",
    {
      config: { access: identityPolicy.ownSettings },
      schema: {
        tags: ["identity"],
        summary: "Change your name, phone, postcode, language or privacy choices",
        body: UpdateMeRequestSchema,
        response: { 200: ProfileSettingsSchema, ...errors },
      },
    },
    async (request) =>
      deps.profiles.updateProfile(callerOf(request), request.body, requestMessageLocale(request)),
  );

  // Photos arrive as the raw image body, so the type and size are checked before anything is read.
  app.addContentTypeParser(
    [...AVATAR_TYPES],
    { parseAs: "buffer", bodyLimit: AVATAR_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  r.put(
    "/api/v1/me/avatar",
    {
      config: { access: identityPolicy.ownSettings },
      bodyLimit: AVATAR_MAX_BYTES,
      schema: {
        tags: ["identity"],
        summary: "Upload your profile photo (PNG, JPG or WebP, at most 2 MB) as the request body",
        consumes: [...AVATAR_TYPES],
        response: {
          200: z.object({ avatarUrl: z.string() }),
          ...errors,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError("unsupported_media_type");
      const avatarUrl = await deps.profiles.setAvatar(
        callerOf(request),
        body,
        request.headers["content-type"] ?? "",
      );
      return { avatarUrl };
    },
  );

  r.delete(
    "/api/v1/me/avatar",
    {
      config: { access: identityPolicy.ownSettings },
      schema: {
        tags: ["identity"],
        summary: "Remove your profile photo",
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deps.profiles.removeAvatar(callerOf(request));
      return reply.code(204).send(null);
    },
  );

  r.get(
    "/api/v1/avatars/:userId/:file",
    {
      config: { access: identityPolicy.viewAvatars },
      schema: {
        tags: ["identity"],
        summary: "A profile photo (for signed-in users only)",
        params: z.object({
          userId: z.string().min(1).max(64),
          file: z.string().regex(/^[a-z0-9-]+\.(png|jpg|webp)$/),
        }),
      },
    },
    async (request, reply) => {
      const photo = await deps.profiles.avatar(request.params.userId, request.params.file);
      return reply
        .type(photo.contentType)
        .header("content-disposition", `attachment; filename="${request.params.file}"`)
        .header("cache-control", "private, max-age=86400")
        .send(photo.data);
    },
  );

  r.get(
    "/api/v1/users",
    {
      config: { access: identityPolicy.manageUsers },
      schema: {
        tags: ["identity"],
        summary: "People with a role in your organisations",
        response: { 200: ManagedUserListResponseSchema, ...errors },
      },
    },
    async (request) => ({ users: await deps.users.list(callerOf(request)) }),
  );

  r.patch(
    "/api/v1/users/:userId/memberships/:membershipId",
    {
      config: { access: identityPolicy.manageUsers },
      schema: {
        tags: ["identity"],
        summary: "Change someone's role in one of your organisations",
        params: z.object({ userId: z.string().min(1), membershipId: z.string().uuid() }),
        body: UpdateMembershipRequestSchema,
        response: { 200: ManagedUserSchema, ...errors },
      },
    },
    async (request) =>
      deps.users.changeRole(
        callerOf(request),
        request.params.userId,
        request.params.membershipId,
        request.body,
      ),
  );

  r.post(
    "/api/v1/users/:userId/revoke-access",
    {
      config: { access: identityPolicy.manageUsers },
      schema: {
        tags: ["identity"],
        summary: "Revoke someone's access to your organisations; their sessions end at once",
        params: z.object({ userId: z.string().min(1) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deps.users.revokeAccess(callerOf(request), request.params.userId);
      return reply.code(204).send(null);
    },
  );
}
