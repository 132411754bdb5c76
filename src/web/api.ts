import type { z } from "zod";
import { ErrorResponseSchema } from "../contracts/common";
import { currentLocale, i18next } from "./i18n";

/** An API call that failed; `message` is the server's text in the UI language when it sent one. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly fields: { path: string; message: string }[] = [],
    /** Seconds until a rate limit (429) lets the user try again, from the Retry-After header. */
    readonly retryAfter: number | null = null,
    /** Where the thing the error is about lives (e.g. the employer that has this KvK number). */
    readonly link: { href: string; label: string } | null = null,
  ) {
    super(message);
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequest {
  method?: Method;
  body?: unknown;
  /** A file sent as the raw request body (uploads), with its own content type. */
  file?: Blob;
  signal?: AbortSignal;
}

export async function api<S extends z.ZodType>(
  path: string,
  schema: S,
  { method = "GET", body, file, signal }: ApiRequest = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    // Lets the server answer validation and error messages in the language the user reads.
    "Accept-Language": currentLocale(),
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (file) headers["Content-Type"] = file.type || "application/octet-stream";

  const response = await send(path, {
    method,
    headers,
    body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    signal,
  });
  return readResponse(response, path, schema);
}

/**
 * A multipart/form-data request (an application with its CV); the browser sets the boundary.
 * Answers and errors are read exactly as for `api`.
 */
export async function apiForm<S extends z.ZodType>(
  path: string,
  schema: S,
  form: FormData,
  { method = "POST", signal }: { method?: "POST" | "PUT"; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  const response = await send(path, {
    method,
    headers: { Accept: "application/json", "Accept-Language": currentLocale() },
    body: form,
    signal,
  });
  return readResponse(response, path, schema);
}

async function send(path: string, init: RequestInit & { signal?: AbortSignal }): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: "same-origin" });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError(0, "network_error", i18next.t("errors.network"));
  }
}

async function readResponse<S extends z.ZodType>(
  response: Response,
  path: string,
  schema: S,
): Promise<z.infer<S>> {
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(payload);
    if (parsed.success) {
      const { code, message, fields, link } = parsed.data.error;
      const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
      throw new ApiError(
        response.status,
        code,
        message,
        parsed.data.requestId,
        fields ?? [],
        Number.isFinite(retryAfter) ? retryAfter : null,
        link ?? null,
      );
    }
    throw new ApiError(response.status, "http_error", i18next.t("errors.http", { status: response.status }));
  }

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    // A contract mismatch is a bug, not the user's fault; keep the detail for the console.
    console.error(`Unexpected response from ${path}`, parsed.error);
    throw new ApiError(response.status, "invalid_response", i18next.t("errors.invalidResponse"));
  }
  return parsed.data;
}
