import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedSms {
  to: string;
  text: string;
  from: string;
}

export interface SmsGatewayStandIn {
  /** POST here, e.g. http://127.0.0.1:PORT/messages */
  url: string;
  token: string;
  /** Messages accepted (2xx), oldest first. */
  received: ReceivedSms[];
  /** Every request that reached the stand-in, whatever it answered. */
  requests: number;
  /** The next `count` requests answer 500 (nothing is recorded). */
  failNext(count: number, status?: number): void;
  /** The next request answers 400, as a gateway does for a number it will not text. */
  rejectNext(): void;
  /** The next `count` requests get no answer for `ms` milliseconds. */
  stallNext(count: number, ms: number): void;
  /** Waits until `count` messages have been accepted (the SMS is sent during the request, but be safe). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedSms[]>;
  close(): Promise<void>;
}

/**
 * A local stand-in for an SMS gateway with the generic JSON shape `createSmsSender` speaks:
 * POST { to, text, from } with `Authorization: Bearer <token>`; 202 on success, 401 for a wrong
 * token, 400 for a malformed body.
 */
export async function startSmsGateway(token = "t"): Promise<SmsGatewayStandIn> {
  const received: ReceivedSms[] = [];
  const failures: number[] = [];
  let stalls: { count: number; ms: number } = { count: 0, ms: 0 };
  let requests = 0;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    });

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    requests++;
    const body = await readBody(req);
    if (stalls.count > 0) {
      stalls = { ...stalls, count: stalls.count - 1 };
      await new Promise((r) => setTimeout(r, stalls.ms));
    }
    const forced = failures.shift();
    if (forced !== undefined) return answer(res, forced, { error: `forced ${forced}` });
    if (req.method !== "POST") return answer(res, 405, { error: "method not allowed" });
    if (req.headers.authorization !== `Bearer ${token}`) return answer(res, 401, { error: "bad token" });
    if (!req.headers["content-type"]?.startsWith("application/json"))
      return answer(res, 415, { error: "json only" });
    let message: Partial<ReceivedSms>;
    try {
      message = JSON.parse(body) as Partial<ReceivedSms>;
    } catch {
      return answer(res, 400, { error: "invalid json" });
    }
    if (
      typeof message.to !== "string" ||
      typeof message.text !== "string" ||
      typeof message.from !== "string"
    )
      return answer(res, 400, { error: "to, text and from are required" });
    received.push({ to: message.to, text: message.text, from: message.from });
    return answer(res, 202, { id: `msg-${received.length}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/messages`,
    token,
    received,
    get requests() {
      return requests;
    },
    failNext(count, status = 500) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    rejectNext() {
      failures.push(400);
    },
    stallNext(count, ms) {
      stalls = { count, ms };
    },
    async waitFor(count, timeoutMs = 2_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} SMS, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
