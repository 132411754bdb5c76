import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface OidcAccount {
  sub: string;
  email: string;
  tid: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who "signs in" at the provider next (the login page is skipped). */
  signInAs(account: OidcAccount): void;
  /**
   * The client secrets the token endpoint accepts from now on, as an Entra app registration with
   * two secrets during a rotation (at first only `clientSecret`).
   */
  acceptSecrets(secrets: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, standing in for Microsoft Entra
 * ID. Its login interaction signs in whichever account the test chose, without a form.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const clientId = "werkbrug-test";
  const clientSecret = "test-client-secret-0123456789abcdef";
  let next: OidcAccount | null = null;
  const accounts = new Map<string, OidcAccount>();

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    cookies: { keys: ["test-cookie-key-0123456789"] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    claims: { openid: ["sub", "tid"], email: ["email", "email_verified"] },
    // Entra puts the requested claims in the ID token; so does this provider.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, tid: account.tid }),
      };
    },
    // First-party client: no consent screen.
    loadExistingGrant: async (ctx: {
      oidc: { client: { clientId: string }; session: { accountId: string } };
    }) => {
      const grant = new provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        if (!next) throw new Error("no account chosen for the test provider");
        accounts.set(next.sub, next);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: next.sub } },
          {
            mergeWithLastSubmission: false,
          },
        );
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(account) {
      next = account;
    },
    async acceptSecrets(secrets) {
      const client = await provider.Client.find(clientId);
      if (!client) throw new Error("test client missing");
      const allowed = new Set(secrets);
      Object.defineProperty(client, "compareClientSecret", {
        configurable: true,
        // false: the provider answers "invalid_client", as Entra does for a wrong secret.
        value: async (actual: string) => allowed.has(actual),
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
