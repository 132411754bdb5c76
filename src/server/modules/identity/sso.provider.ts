import { createRemoteJWKSet } from "jose";

/**
 * Talking to an OpenID Connect provider: its discovery document, its keys, and its token
 * endpoint (decisions 0008 and 0033). Used by the sign-in flow (sso.plugin.ts) and by the
 * management screen's test (sso.routes.ts).
 */

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  token_endpoint_auth_methods_supported?: string[];
  scopes_supported?: string[];
}

/** Why a provider could not be used, in words an administrator can act on (English, technical). */
export class ProviderProblem extends Error {
  override name = "ProviderProblem";
}

const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const TIMEOUT_MS = 10_000;

export const withoutSlash = (url: string) => url.replace(/\/+$/, "");

async function fetchJson(url: string, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new ProviderProblem(`${what} unreachable at ${url}: ${reason}`);
  }
  if (!res.ok) throw new ProviderProblem(`${what} answered HTTP ${res.status} at ${url}`);
  try {
    return await res.json();
  } catch {
    throw new ProviderProblem(`${what} at ${url} is not JSON`);
  }
}

const isUrl = (value: unknown): value is string => {
  if (typeof value !== "string") return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Reads and checks the discovery document of an issuer, without the cache. */
export async function readDiscovery(issuer: string): Promise<Discovery> {
  const key = withoutSlash(issuer);
  const url = `${key}/.well-known/openid-configuration`;
  const body = (await fetchJson(url, "The discovery document")) as Partial<Discovery> | null;
  if (!body || typeof body !== "object")
    throw new ProviderProblem(`The discovery document at ${url} is empty`);
  for (const field of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (!isUrl(body[field]))
      throw new ProviderProblem(`The discovery document at ${url} has no valid "${field}"`);
  }
  const metadata = body as Discovery;
  if (withoutSlash(metadata.issuer) !== key)
    throw new ProviderProblem(
      `The discovery document names issuer ${metadata.issuer}, not the configured ${key} (use the tenant-specific issuer)`,
    );
  return metadata;
}

/** The number of signing keys at the provider's JWKS address. */
export async function countSigningKeys(jwksUri: string): Promise<number> {
  const body = (await fetchJson(jwksUri, "The key set (JWKS)")) as { keys?: unknown } | null;
  if (!body || !Array.isArray(body.keys))
    throw new ProviderProblem(`The key set at ${jwksUri} has no "keys"`);
  const keys = body.keys.filter(
    (k): k is { use?: string } =>
      typeof k === "object" && k !== null && (k as { use?: string }).use !== "enc",
  );
  if (keys.length === 0) throw new ProviderProblem(`The key set at ${jwksUri} holds no signing key`);
  return keys.length;
}

const discoveryCache = new Map<
  string,
  { at: number; metadata: Discovery; jwks: ReturnType<typeof createRemoteJWKSet> }
>();

/** The discovery document and key set of an issuer, cached 10 minutes (the sign-in flow). */
export async function discover(issuer: string) {
  const key = withoutSlash(issuer);
  const cached = discoveryCache.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached;
  const metadata = await readDiscovery(key);
  const entry = { at: Date.now(), metadata, jwks: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
  discoveryCache.set(key, entry);
  return entry;
}

/** A token endpoint's answer: its status and JSON body. */
export interface TokenAnswer {
  status: number;
  body: { id_token?: string; error?: string; error_description?: string };
}

/** Posts a token request with the client's credentials (client_secret_post, else basic). */
export async function requestToken(
  metadata: Discovery,
  client: { clientId: string; clientSecret: string },
  params: Record<string, string>,
): Promise<TokenAnswer> {
  const form = new URLSearchParams(params);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  const methods = metadata.token_endpoint_auth_methods_supported;
  if (!methods || methods.includes("client_secret_post")) {
    form.set("client_id", client.clientId);
    form.set("client_secret", client.clientSecret);
  } else {
    const basic = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(basic).toString("base64")}`;
  }
  let res: Response;
  try {
    res = await fetch(metadata.token_endpoint, {
      method: "POST",
      headers,
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { status: 0, body: { error: "unreachable" } };
  }
  const body = (await res.json().catch(() => ({}))) as TokenAnswer["body"];
  return { status: res.status, body };
}

/** The provider refused the client itself (wrong or expired secret, unknown client id). */
export const isInvalidClient = (answer: TokenAnswer) =>
  answer.body.error === "invalid_client" || answer.status === 401;

/**
 * Checks a client id and secret without a user: a token request with a made-up authorisation
 * code. Providers authenticate the client before they look at the code, so "invalid_grant"
 * means the credentials were accepted and "invalid_client" that they were not.
 */
export async function checkClient(
  metadata: Discovery,
  client: { clientId: string; clientSecret: string },
  redirectUri: string,
): Promise<"accepted" | "rejected" | "unknown"> {
  const answer = await requestToken(metadata, client, {
    grant_type: "authorization_code",
    code: "werkbrug-connection-test",
    redirect_uri: redirectUri,
    code_verifier: "werkbrug-connection-test-verifier-0000000000000",
  });
  if (isInvalidClient(answer)) return "rejected";
  if (answer.body.error === "invalid_grant") return "accepted";
  return "unknown";
}
