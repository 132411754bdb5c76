import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ApplicantsBySourceReportSchema,
  ApplicantsReportQuerySchema,
  CreateJobSiteRequestSchema,
  JobSiteClicksReportSchema,
  JobSiteListResponseSchema,
  JobSiteResponseSchema,
  ReportQuerySchema,
  SetVacancyChannelsRequestSchema,
  UpdateJobSiteRequestSchema,
  VacancyChannelsResponseSchema,
} from "../../../contracts/channels";
import { AppError } from "../../platform/errors";
import { errorResponses } from "../../platform/http";
import { requestLocale, requestMessageLocale } from "../../platform/i18n";
import { publicScope } from "../../platform/scope";
import { portalUrl } from "../../platform/tenancy";
import { sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { jobSiteFeedOf } from "../vacancies";
import type { ChannelDeps } from "./actions/context";
import { createJobSite, listJobSites, updateJobSite } from "./actions/job-sites";
import { applicantsBySourceReport, jobSiteClicksReport } from "./actions/reports";
import { getChannels, setChannels } from "./actions/vacancy-channels";
import { channelsPolicy } from "./channels.policy";
import { jobSiteFeedRepository } from "./channels.repository";
import { applicantsBySourceXlsx, jobSiteClicksXlsx } from "./reports-export";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FEED_CACHE = "public, max-age=300";

export interface ChannelRouteDeps {
  channels: ChannelDeps;
  /** PUBLIC_URL: the national portal, for feed addresses asked for off a portal's host. */
  publicUrl: string;
  now?: () => Date;
}

/** Publication channels: a vacancy's channels, the job sites, their feeds and the reports. */
export async function registerChannelRoutes(app: FastifyInstance, deps: ChannelRouteDeps): Promise<void> {
  const channels = deps.channels;
  const now = deps.now ?? (() => new Date());
  const baseUrl = (request: FastifyRequest) => request.portal?.portal.url ?? portalUrl(deps.publicUrl, null);
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ["channels"];

    r.get(
      "/api/v1/vacancies/:id/channels",
      {
        config: { access: channelsPolicy.vacancy },
        schema: {
          tags,
          summary:
            "Where the vacancy is published: public job board, internal career site, external job sites",
          params: IdParams,
          response: { 200: VacancyChannelsResponseSchema, ...errors },
        },
      },
      async (request) => ({ channels: await getChannels(channels, callerOf(request), request.params.id) }),
    );

    r.put(
      "/api/v1/vacancies/:id/channels",
      {
        config: { access: channelsPolicy.vacancy },
        schema: {
          tags,
          summary: "Choose the vacancy's channels (those who may publish it); job sites by code",
          params: IdParams,
          body: SetVacancyChannelsRequestSchema,
          response: { 200: VacancyChannelsResponseSchema, ...errors },
        },
      },
      async (request) => ({
        channels: await setChannels(
          channels,
          callerOf(request),
          request.params.id,
          request.body,
          requestLocale(request),
        ),
      }),
    );

    r.get(
      "/api/v1/job-sites",
      {
        config: { access: channelsPolicy.managers },
        schema: {
          tags,
          summary: "The external job sites of my organisation families, with their feeds",
          response: { 200: JobSiteListResponseSchema, ...errors },
        },
      },
      async (request) => listJobSites(channels, callerOf(request), baseUrl(request)),
    );

    r.post(
      "/api/v1/job-sites",
      {
        config: { access: channelsPolicy.managers },
        schema: {
          tags,
          summary: "Add an external job site (its code is the utm_source of its feed's links)",
          body: CreateJobSiteRequestSchema,
          response: { 201: JobSiteResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          jobSite: await createJobSite(
            channels,
            callerOf(request),
            request.body,
            baseUrl(request),
            requestMessageLocale(request),
          ),
        }),
    );

    r.patch(
      "/api/v1/job-sites/:id",
      {
        config: { access: channelsPolicy.managers },
        schema: {
          tags,
          summary: "Rename a job site, or (de)activate it",
          params: IdParams,
          body: UpdateJobSiteRequestSchema,
          response: { 200: JobSiteResponseSchema, ...errors },
        },
      },
      async (request) => ({
        jobSite: await updateJobSite(
          channels,
          callerOf(request),
          request.params.id,
          request.body,
          baseUrl(request),
          requestMessageLocale(request),
        ),
      }),
    );

    r.get(
      "/api/v1/reports/job-site-clicks",
      {
        config: { access: channelsPolicy.managers },
        schema: {
          tags,
          summary: "Vacaturesites clicks: views, clicks to apply and applications per job site and vacancy",
          querystring: ReportQuerySchema,
          response: { 200: JobSiteClicksReportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { from, to, format } = request.query;
        const report = await jobSiteClicksReport(
          channels,
          callerOf(request),
          { from, to },
          requestMessageLocale(request),
        );
        if (format === "json") return report;
        const lang = requestLocale(request);
        // The spreadsheet is the JSON's other form; the typed reply knows only the JSON.
        return sendDownload(reply as FastifyReply, {
          data: await jobSiteClicksXlsx(report, lang),
          contentType: XLSX,
          fileName: `${lang === "nl" ? "vacaturesites-clicks" : "job-site-clicks"}-${from}-${to}.xlsx`,
        });
      },
    );

    r.get(
      "/api/v1/reports/applicants-by-source",
      {
        config: { access: channelsPolicy.managers },
        schema: {
          tags,
          summary: "Applicants per source and the phase they reached (optionally for one vacancy)",
          querystring: ApplicantsReportQuerySchema,
          response: { 200: ApplicantsBySourceReportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { from, to, format, vacancyId } = request.query;
        const report = await applicantsBySourceReport(
          channels,
          callerOf(request),
          { from, to },
          vacancyId ?? null,
          requestMessageLocale(request),
        );
        if (format === "json") return report;
        const lang = requestLocale(request);
        // The spreadsheet is the JSON's other form; the typed reply knows only the JSON.
        return sendDownload(reply as FastifyReply, {
          data: await applicantsBySourceXlsx(report, lang),
          contentType: XLSX,
          fileName: `${lang === "nl" ? "kandidaten-per-bron" : "applicants-by-source"}-${from}-${to}.xlsx`,
        });
      },
    );

    // An external job site's feed: the vacancies posted to it that are on this portal's board.
    r.get(
      "/feeds/job-sites/:file",
      { config: { access: channelsPolicy.feed }, schema: { hide: true } },
      async (request, reply) => {
        if (!request.portal) throw new AppError("portal_not_found");
        const match = /^([0-9a-f-]{36})\.xml$/.exec((request.params as { file: string }).file);
        if (!match || !z.string().uuid().safeParse(match[1]).success) throw new AppError("not_found");
        const feed = await channels.store.bind(publicScope, jobSiteFeedRepository).feed(match[1]!);
        if (!feed) throw new AppError("not_found");
        const xml = await jobSiteFeedOf(channels.store, request.portal, feed.code, feed.vacancyIds, now());
        return reply
          .header("content-type", "application/xml; charset=utf-8")
          .header("cache-control", FEED_CACHE)
          .send(xml);
      },
    );
  });
}
