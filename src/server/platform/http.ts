import { randomUUID } from "node:crypto";
import fastifyCompress from "@fastify/compress";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { type core, ZodObject, type ZodType } from "zod";
import { type ErrorResponse, ErrorResponseSchema } from "../../contracts/common";
import { type Access, accessOf, authorise, enforceRouteAccessDeclarations } from "./access";
import type { Env } from "./env";
import { AppError, type ErrorCode, type FieldError } from "./errors";
import { type MessageLocale, requestMessageLocale, translateIssue } from "./i18n";

export type App = FastifyInstance;
export type { ZodTypeProvider };

/** A request body, query or params that did not match its schema; carries zod's issues. */
class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: core.$ZodIssue[]) {
    super("Request validation failed");
  }
}

/**
 * Our own validator compiler so that every issue keeps its input (`reportInput`) and can be
 * translated into the caller's language when the error is presented.
 */
/**
 * A request body with a field the route does not know is refused (400, the field named), not
 * silently dropped: `PATCH {closesOn}` once answered 200 and changed nothing, the field
 * belonging under `publication`. Query strings stay lenient (links carry utm_* and the like).
 */
function strictBody(schema: ZodType, httpPart: string | undefined): ZodType {
  return httpPart === "body" && schema instanceof ZodObject ? schema.strict() : schema;
}

function validatorCompiler({ schema: declared, httpPart }: { schema: ZodType; httpPart?: string }) {
  const schema = strictBody(declared, httpPart);
  return (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };
}

function fieldErrors(issues: core.$ZodIssue[], locale: MessageLocale, context?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return {
      path: context && context !== "body" ? [context, path].filter(Boolean).join(".") : path,
      message: translateIssue(issue, locale),
    };
  });
}

/** Maps anything thrown to our one error shape; the status comes from the code table only. */
export function toAppError(error: unknown, locale: MessageLocale): AppError {
  if (error instanceof AppError) return error;
  const err = error as FastifyError & { validationContext?: string };
  if (error instanceof RequestValidationError) {
    return new AppError("validation_failed", {
      fields: fieldErrors(error.issues, locale, err.validationContext),
    });
  }
  const byFastifyCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
    FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
    FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
    FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
    FST_ERR_NOT_FOUND: "not_found",
  };
  const mapped = err?.code ? byFastifyCode[err.code] : undefined;
  if (mapped) return new AppError(mapped, { cause: error });
  // Fastify's JSON parser reports malformed bodies as a SyntaxError with status 400.
  if (error instanceof SyntaxError && err.statusCode === 400)
    return new AppError("invalid_json", { cause: error });
  if (err?.statusCode === 429) return new AppError("rate_limited", { cause: error });
  if (err?.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError("bad_request", { cause: error });
  }
  return new AppError("internal", { cause: error });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const locale = requestMessageLocale(request);
  const appError = toAppError(error, locale);
  if (appError.code === "internal") request.log.error({ err: error }, "unhandled error");
  const body: ErrorResponse = {
    error: {
      code: appError.code,
      message: appError.messageFor(locale),
      ...(appError.options.fields ? { fields: appError.options.fields } : {}),
      ...(appError.options.link ? { link: appError.options.link } : {}),
    },
    requestId: request.id,
  };
  return reply.code(appError.status).header("content-language", locale).send(body);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * State-changing API requests: the JSON API under /api/v1 and better-auth under /api/auth (its
 * own origin check trusts every portal's subdomain on every host, looks only when a cookie is
 * sent, accepts a Referer instead, and is off under NODE_ENV=test). All portals are subdomains
 * of one site, so SameSite=Lax cookies do not keep one portal's pages from writing to another.
 */
export function needsOriginCheck(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const path = request.url.split("?")[0] ?? "";
  return path.startsWith("/api/");
}

/**
 * Whether the request comes from the portal's own pages: its Origin is the origin of the host it
 * was sent to (scheme, host and port as this server sees them; behind TRUST_PROXY from
 * X-Forwarded-Proto and X-Forwarded-Host), or it sends no Origin and the browser says
 * `Sec-Fetch-Site: same-origin`. A foreign, opaque ("null") or missing Origin is refused: browsers
 * send one with every non-GET fetch, and machine clients will use tokens, not cookies.
 */
export function fromOwnOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers["sec-fetch-site"] === "same-origin";
  const own = originOf(`${request.protocol}://${request.host}`);
  return own !== null && originOf(origin) === own;
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

export interface HttpOptions {
  env: Env;
  version: string;
  logger?: boolean;
}

export async function createHttp({ env, version, logger = true }: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: env.LOG_LEVEL } : false,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    trustProxy: env.TRUST_PROXY,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  enforceRouteAccessDeclarations(app);

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // Before anything reads the session or the body (a refused upload is never parsed).
  app.addHook("onRequest", async (request) => {
    if (needsOriginCheck(request) && !fromOwnOrigin(request)) throw new AppError("cross_origin_request");
  });
  app.addHook("preHandler", async (request) => {
    const access = accessOf(request.routeOptions) as Access | undefined;
    if (access) authorise(request, access, env.NODE_ENV === "production");
  });
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));

  // Before any route is added: the plugin hooks every route registered after it.
  if (env.API_RATE_LIMIT > 0) await registerApiRateLimit(app, env.API_RATE_LIMIT);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        // Candidates' videos, embedded only for viewers who consented to third-party cookies
        // (the privacy-friendly players; anything else stays a link).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "script-src": ["'self'"],
        // Mantine and the API docs set inline styles at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // Plain http on localhost must keep working; production sits behind TLS termination.
    hsts: env.NODE_ENV === "production",
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Werkbrug API",
        description:
          "Public REST API of Werkbrug. Errors always have the shape {error:{code,message,fields?},requestId}.",
        version,
      },
      components: {
        securitySchemes: {
          // better-auth's session cookie (`cookiePrefix: "werkbrug"`); staff sessions need 2FA.
          session: { type: "apiKey", in: "cookie", name: "werkbrug.session_token" },
        },
      },
    },
    transform: documentOperation,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { url: "/api/openapi.json", deepLinking: true },
  });
  return app;
}

/**
 * The general limit per client on the API (decision 0035): `max` requests a minute per client
 * address (behind TRUST_PROXY the forwarded one, as `request.ip` says), counted in this process.
 * The pages and assets are not counted, nor the health check a monitor polls. Past it: 429 with
 * Retry-After in our error shape.
 */
async function registerApiRateLimit(app: FastifyInstance, max: number): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    allowList: (request) => !request.url.startsWith("/api/") || request.url.startsWith("/api/health"),
    // Counters of addresses not seen for a while make room for new ones.
    cache: 10_000,
    errorResponseBuilder: () => new AppError("too_many_requests"),
  });
}

/**
 * `GET /api/v1/vacancies/:id/attachments` -> `getVacanciesByIdAttachments`: unique per method and
 * path, stable while the path is, and safe in a URL (what clients generated from the document
 * name their functions by).
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split("/")
    .filter((part) => part !== "" && part !== "api" && !/^v\d+$/.test(part))
    .flatMap((part) => (part.startsWith(":") ? ["by", part.slice(1)] : part.split(/[^A-Za-z0-9]+/)))
    .filter((word) => word !== "" && word !== "*");
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return method.toLowerCase() + words.map(capital).join("");
}

/**
 * Each documented operation gets an operationId (unless it names one) and says how it is
 * authorised: public routes need nothing, every other one the session cookie.
 */
const documentOperation: typeof jsonSchemaTransform = (input) => {
  const documented = jsonSchemaTransform(input);
  const method = input.route.method;
  const schema: Record<string, unknown> = { ...documented.schema };
  if (typeof method === "string" && schema.operationId === undefined) {
    schema.operationId = operationIdOf(method, documented.url);
  }
  if (schema.security === undefined) {
    const access = accessOf(input.route);
    schema.security = access === "public" || access === "development" ? [] : [{ session: [] }];
  }
  return { ...documented, schema };
};

/**
 * The error answers a route documents in OpenAPI, all in the one error shape:
 * `errorResponses(400, 401, 403, 404)`.
 */
export function errorResponses<const C extends readonly number[]>(
  ...codes: C
): { [K in C[number]]: typeof ErrorResponseSchema } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponseSchema])) as {
    [K in C[number]]: typeof ErrorResponseSchema;
  };
}
