import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import {
  AccountManagerHomeResponseSchema,
  AccountManagerOptionsResponseSchema,
  AssignAccountManagerRequestSchema,
  ContactPersonInputSchema,
  ContactPersonResponseSchema,
  CreateEmployerRequestSchema,
  EmployerListQuerySchema,
  EmployerListResponseSchema,
  EmployerResponseSchema,
  InviteContactRequestSchema,
  RegistrySearchQuerySchema,
  RegistrySearchResponseSchema,
  UpdateContactPersonRequestSchema,
  UpdateEmployerRequestSchema,
} from "../../../contracts/employers";
import { attachmentDisposition } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import { activityCsv, activityXlsx } from "./activity-export";
import { employersPolicy } from "./employers.policy";
import type { EmployerService } from "./employers.service";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
const ContactParams = z.object({ id: z.string().uuid(), contactId: z.string().uuid() });
const access = { access: employersPolicy.crm };

/** The employers CRM (HalloWerk "Werkgevers"): overview, KvK lookup, detail, contacts, archive. */
export async function registerEmployerRoutes(app: FastifyInstance, deps: { employers: EmployerService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { employers } = deps;
  const locale = requestLocale;

  r.get(
    "/api/v1/employers",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Employers overview: search, account manager and archive filters, sorting, pages of 20",
        querystring: EmployerListQuerySchema,
        response: { 200: EmployerListResponseSchema, ...errors },
      },
    },
    async (request) => employers.list(callerOf(request), request.query),
  );

  r.get(
    "/api/v1/employers/registry-search",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Search the Chamber of Commerce (KvK) on name (+ place) or KvK number",
        querystring: RegistrySearchQuerySchema,
        response: { 200: RegistrySearchResponseSchema, ...errors, 503: ErrorResponseSchema },
      },
    },
    async (request) => employers.registrySearch(request.query.q, request.query.city),
  );

  r.get(
    "/api/v1/employers/account-managers",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Account managers the caller can assign (their team)",
        response: { 200: AccountManagerOptionsResponseSchema, ...errors },
      },
    },
    async (request) => ({ accountManagers: await employers.accountManagers(callerOf(request)) }),
  );

  r.get(
    "/api/v1/employers/home",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Account manager's home: my employers, my vacancies, what changed since my last visit",
        response: { 200: AccountManagerHomeResponseSchema, ...errors },
      },
    },
    async (request) => employers.home(callerOf(request)),
  );

  for (const format of ["xlsx", "csv"] as const) {
    r.get(
      `/api/v1/employers/activity.${format}`,
      {
        config: access,
        schema: {
          tags: ["employers"],
          summary: `Activity overview of account managers and contact persons (${format})`,
        },
      },
      async (request, reply) => {
        const rows = await employers.activity(callerOf(request));
        // Times as the clock in the organisation shows them (spreadsheets know no time zones).
        const timeZone = await employers.activityTimeZone(callerOf(request));
        const lang = locale(request);
        const name = `${lang === "nl" ? "activiteiten" : "activity"}-${new Date().toISOString().slice(0, 10)}.${format}`;
        reply
          .header("content-disposition", attachmentDisposition(name))
          .header("cache-control", "private, no-store");
        if (format === "csv")
          return reply.type("text/csv; charset=utf-8").send(activityCsv(rows, lang, timeZone));
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(await activityXlsx(rows, lang, timeZone));
      },
    );
  }

  r.post(
    "/api/v1/employers",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Add an employer (from a KvK result or entered by hand); 409 names an existing one",
        body: CreateEmployerRequestSchema,
        response: { 201: EmployerResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ employer: await employers.create(callerOf(request), request.body, locale(request)) }),
  );

  r.get(
    "/api/v1/employers/:id",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Employer detail with contact persons (and their access) and vacancy counts",
        params: IdParams,
        response: { 200: EmployerResponseSchema, ...errors },
      },
    },
    async (request) => ({ employer: await employers.get(callerOf(request), request.params.id) }),
  );

  r.patch(
    "/api/v1/employers/:id",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Change the employer's name, address, KvK number, description or website",
        params: IdParams,
        body: UpdateEmployerRequestSchema,
        response: { 200: EmployerResponseSchema, ...errors },
      },
    },
    async (request) => ({
      employer: await employers.update(callerOf(request), request.params.id, request.body, locale(request)),
    }),
  );

  r.put(
    "/api/v1/employers/:id/account-manager",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: 'Assign the account manager ("Wijzig accountmanager" → "Wijs toe")',
        params: IdParams,
        body: AssignAccountManagerRequestSchema,
        response: { 200: EmployerResponseSchema, ...errors },
      },
    },
    async (request) => ({
      employer: await employers.assignAccountManager(
        callerOf(request),
        request.params.id,
        request.body.userId,
        locale(request),
      ),
    }),
  );

  r.post(
    "/api/v1/employers/:id/archive",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Archive (only when no contact person has access); contacts and vacancies go along",
        params: IdParams,
        response: { 200: EmployerResponseSchema, ...errors },
      },
    },
    async (request) => ({ employer: await employers.archive(callerOf(request), request.params.id) }),
  );

  r.post(
    "/api/v1/employers/:id/unarchive",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Make an archived employer active again",
        params: IdParams,
        response: { 200: EmployerResponseSchema, ...errors },
      },
    },
    async (request) => ({ employer: await employers.unarchive(callerOf(request), request.params.id) }),
  );

  r.delete(
    "/api/v1/employers/:id",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Delete an archived employer for good; needs ?confirm=true",
        params: IdParams,
        querystring: z.object({ confirm: z.enum(["true", "false"]).optional() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await employers.remove(callerOf(request), request.params.id, request.query.confirm === "true");
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/employers/:id/contacts",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Add a contact person",
        params: IdParams,
        body: ContactPersonInputSchema,
        response: { 201: ContactPersonResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        contact: await employers.addContact(
          callerOf(request),
          request.params.id,
          request.body,
          locale(request),
        ),
      }),
  );

  r.patch(
    "/api/v1/employers/:id/contacts/:contactId",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Change a contact person",
        params: ContactParams,
        body: UpdateContactPersonRequestSchema,
        response: { 200: ContactPersonResponseSchema, ...errors },
      },
    },
    async (request) => ({
      contact: await employers.updateContact(
        callerOf(request),
        request.params.id,
        request.params.contactId,
        request.body,
      ),
    }),
  );

  r.delete(
    "/api/v1/employers/:id/contacts/:contactId",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Delete a contact person (only after their access is revoked)",
        params: ContactParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await employers.deleteContact(callerOf(request), request.params.id, request.params.contactId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/employers/:id/contacts/:contactId/invite",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Invite the contact person to the portal with a personal message (30 days; again = resend)",
        params: ContactParams,
        body: InviteContactRequestSchema,
        response: { 200: ContactPersonResponseSchema, ...errors },
      },
    },
    async (request) => ({
      contact: await employers.invite(
        callerOf(request),
        request.params.id,
        request.params.contactId,
        request.body.personalMessage,
        locale(request),
      ),
    }),
  );

  r.post(
    "/api/v1/employers/:id/contacts/:contactId/revoke",
    {
      config: access,
      schema: {
        tags: ["employers"],
        summary: "Revoke the pending invitation or the portal access of a contact person",
        params: ContactParams,
        response: { 200: ContactPersonResponseSchema, ...errors },
      },
    },
    async (request) => ({
      contact: await employers.revoke(callerOf(request), request.params.id, request.params.contactId),
    }),
  );
}
