import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/server";
import { type SmsGatewayStandIn, startSmsGateway } from "../../../test/support/sms-gateway";
import type { Database } from "./db";
import { EnvError, parseEnv } from "./env";
import {
  createSmsSender,
  InvalidPhoneNumberError,
  listSmsOutbox,
  normaliseDutchMobile,
  SmsGatewayError,
  SmsNotConfiguredError,
} from "./sms";
import { smsOutbox } from "./sms.schema";

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
};

describe("normaliseDutchMobile", () => {
  it.each([
    ["0612345678", "+31612345678"],
    ["06-12345678", "+31612345678"],
    ["06 12 34 56 78", "+31612345678"],
    ["+31612345678", "+31612345678"],
    ["+31 6 1234 5678", "+31612345678"],
    ["+31 (0)6 12345678", "+31612345678"],
    ["0031612345678", "+31612345678"],
    ["0687654321", "+31687654321"],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseDutchMobile(input)).toBe(expected);
  });

  it.each([
    ["0701234567", "not_mobile"], // The Hague landline
    ["0201234567", "not_mobile"], // Amsterdam landline
    ["0661234567", "not_mobile"], // pager
    ["0800-1234", "invalid"],
    ["061234567", "invalid"], // one digit short
    ["06123456789", "invalid"], // one digit too many
    ["+32470123456", "not_dutch"],
    ["0049 1512 3456789", "not_dutch"],
    ["bel me maar", "invalid"],
    ["", "invalid"],
  ])("rejects %s (%s)", (input, reason) => {
    const error = (() => {
      try {
        normaliseDutchMobile(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidPhoneNumberError);
    expect((error as InvalidPhoneNumberError).reason).toBe(reason);
  });
});

describe("SMS over the HTTP gateway", () => {
  let gateway: SmsGatewayStandIn;
  // The database is not touched by the HTTP adapter.
  const noDb = undefined as never;
  const logged: string[] = [];
  const sender = (overrides: { token?: string; url?: string; timeoutMs?: number } = {}) =>
    createSmsSender(
      {
        NODE_ENV: "production",
        SMS_GATEWAY_URL: overrides.url ?? gateway.url,
        SMS_GATEWAY_TOKEN: overrides.token ?? gateway.token,
        SMS_FROM: "Werkbrug",
      },
      noDb,
      (m) => logged.push(m),
      overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {},
    );

  beforeAll(async () => {
    gateway = await startSmsGateway("geheim-token");
  });
  afterAll(async () => {
    await gateway?.close();
  });
  beforeEach(() => {
    gateway.received.length = 0;
  });

  it("posts JSON with the bearer token, the E.164 number and the sender id", async () => {
    const sms = sender();
    expect(sms.transport).toBe("http");
    const before = gateway.requests;
    await sms.send("06-12345678", "Je Werkbrug-code is 123456.");
    expect(gateway.received).toEqual([
      { to: "+31612345678", text: "Je Werkbrug-code is 123456.", from: "Werkbrug" },
    ]);
    expect(gateway.requests - before).toBe(1);
    // The gateway is the only place the text goes: nothing in the log.
    expect(logged).toEqual([]);
  });

  it("retries once on a 500 and succeeds", async () => {
    gateway.failNext(1);
    const before = gateway.requests;
    await sender().send("0612345678", "tweede poging");
    expect(gateway.requests - before).toBe(2);
    expect(gateway.received.map((m) => m.text)).toEqual(["tweede poging"]);
  });

  it("gives up after the retry with a typed, retryable error", async () => {
    gateway.failNext(2, 503);
    const before = gateway.requests;
    const error = await rejection(sender().send("0612345678", "mislukt"));
    expect(error).toBeInstanceOf(SmsGatewayError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(gateway.requests - before).toBe(2);
    expect(gateway.received).toEqual([]);
  });

  it("does not retry a 400 and reports it as a typed error", async () => {
    gateway.rejectNext();
    const before = gateway.requests;
    const error = await rejection(sender().send("0612345678", "geweigerd"));
    expect(error).toBeInstanceOf(SmsGatewayError);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(gateway.requests - before).toBe(1);
  });

  it("reports a wrong token (401) without retrying", async () => {
    const before = gateway.requests;
    const error = await rejection(sender({ token: "fout" }).send("0612345678", "x"));
    expect(error).toMatchObject({ name: "SmsGatewayError", status: 401, retryable: false });
    expect(gateway.requests - before).toBe(1);
  });

  it("times out a gateway that does not answer, once per attempt", async () => {
    gateway.stallNext(2, 400);
    const before = gateway.requests;
    const started = Date.now();
    const error = await rejection(sender({ timeoutMs: 100 }).send("0612345678", "traag"));
    expect(error).toBeInstanceOf(SmsGatewayError);
    expect(error).toMatchObject({ status: undefined, retryable: true });
    expect((error as Error).message).toMatch(/did not answer within 100 ms/);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(gateway.requests - before).toBe(2);
  });

  it("retries once when the gateway cannot be reached", async () => {
    const closed = await startSmsGateway();
    await closed.close();
    const error = await rejection(sender({ url: closed.url }).send("0612345678", "weg"));
    expect(error).toMatchObject({
      name: "SmsGatewayError",
      retryable: true,
      message: "SMS gateway unreachable",
    });
  });

  it("refuses a number that is not a Dutch mobile number before calling the gateway", async () => {
    const before = gateway.requests;
    const error = await rejection(sender().send("070-1234567", "vaste lijn"));
    expect(error).toBeInstanceOf(InvalidPhoneNumberError);
    expect(gateway.requests).toBe(before);
  });
});

describe("SMS development outbox", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("writes the message to sms_outbox and the log", async () => {
    const logged: string[] = [];
    const sms = createSmsSender({ NODE_ENV: "development", SMS_FROM: "Werkbrug" }, database.db, (m) =>
      logged.push(m),
    );
    expect(sms.transport).toBe("outbox");
    await sms.send("06 87 65 43 21", "Je Werkbrug-code is 654321. Deel deze code met niemand.");
    const [latest] = await listSmsOutbox(database.db);
    expect(latest).toMatchObject({
      to: "+31687654321",
      text: "Je Werkbrug-code is 654321. Deel deze code met niemand.",
    });
    expect(latest?.createdAt).toBeInstanceOf(Date);
    expect(logged).toEqual([
      "SMS to +31687654321 (development outbox): Je Werkbrug-code is 654321. Deel deze code met niemand.",
    ]);
  });

  it("rejects an invalid number without writing anything", async () => {
    const sms = createSmsSender({ NODE_ENV: "test" }, database.db, () => {});
    const before = (await database.db.select().from(smsOutbox)).length;
    await expect(sms.send("0701234567", "x")).rejects.toBeInstanceOf(InvalidPhoneNumberError);
    expect((await database.db.select().from(smsOutbox)).length).toBe(before);
  });

  it("never runs in production: sending throws and nothing is written or logged", async () => {
    const logged: string[] = [];
    const sms = createSmsSender({ NODE_ENV: "production", SMS_FROM: "Werkbrug" }, database.db, (m) =>
      logged.push(m),
    );
    const before = (await database.db.select().from(smsOutbox)).length;
    const error = await rejection(sms.send("0612345678", "Je Werkbrug-code is 111111."));
    expect(error).toBeInstanceOf(SmsNotConfiguredError);
    expect((error as Error).message).toMatch(/SMS_GATEWAY_URL/);
    expect((await database.db.select().from(smsOutbox)).length).toBe(before);
    expect(logged).toEqual([]);
  });
});

describe("SMS environment variables", () => {
  it("defaults the sender id to Werkbrug and needs no gateway", () => {
    const env = parseEnv({});
    expect(env.SMS_FROM).toBe("Werkbrug");
    expect(env.SMS_GATEWAY_URL).toBeUndefined();
  });

  it("requires a token when a gateway URL is set", () => {
    expect(() => parseEnv({ SMS_GATEWAY_URL: "https://sms.example.nl/send" })).toThrowError(
      new EnvError(
        "SMS_GATEWAY_TOKEN",
        "is required when SMS_GATEWAY_URL is set (the gateway's bearer token)",
        undefined,
      ),
    );
    expect(
      parseEnv({ SMS_GATEWAY_URL: "https://sms.example.nl/send", SMS_GATEWAY_TOKEN: "abc" }),
    ).toMatchObject({ SMS_GATEWAY_URL: "https://sms.example.nl/send", SMS_GATEWAY_TOKEN: "abc" });
  });

  it("rejects a gateway URL that is not a URL and a sender id longer than 11 characters", () => {
    expect(() => parseEnv({ SMS_GATEWAY_URL: "sms.example.nl" })).toThrow(/SMS_GATEWAY_URL/);
    expect(() => parseEnv({ SMS_FROM: "WerkbrugHaaglanden" })).toThrow(/SMS_FROM.*1-11 letters or digits/);
    expect(() => parseEnv({ SMS_FROM: "Werk brug" })).toThrow(/SMS_FROM/);
    expect(parseEnv({ SMS_FROM: "Werkbrug070" }).SMS_FROM).toBe("Werkbrug070");
  });
});
