import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { JobRunResponse, ScheduledJobListResponse } from "../../../contracts/jobs";

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

describe.each(testDbKinds())("scheduled jobs and the file sweep on %s", (kind) => {
  let server: TestServer;
  let admin: Client;
  let filesRoot: string;
  beforeAll(async () => {
    // Grace 0: every unreferenced file is old enough to go.
    server = await startTestServer({ kind, web: false, env: { FILE_SWEEP_GRACE_MINUTES: "0" } });
    filesRoot = path.join(server.env.DATA_DIR, "files");
    admin = new Client(server);
    await signIn(admin, "admin@demo.werkbrug.test");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lists every scheduled job with its cron, also when jobs do not run on schedule", async () => {
    const res = await admin.call("/api/v1/admin/jobs");
    expect(res.status).toBe(200);
    const body = res.json<ScheduledJobListResponse>();
    expect(body.scheduling).toBe(false);
    const names = body.jobs.map((job) => job.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "vacancy-publication",
        "candidate-retention",
        "file-sweep",
        "timesheet-digest",
      ]),
    );
    expect(body.jobs.find((job) => job.name === "file-sweep")).toMatchObject({
      cron: "15 4 * * *",
      timeZone: "Europe/Amsterdam",
      running: false,
    });
  });

  it("runs a job now for the platform admin, records the run and shows it as the last one", async () => {
    const res = await admin.call("/api/v1/admin/jobs/vacancy-publication/run", { method: "POST" });
    expect(res.status).toBe(200);
    const { run } = res.json<JobRunResponse>();
    expect(run).toMatchObject({ name: "vacancy-publication", trigger: "manual", outcome: "ok", error: null });
    expect(Date.parse(run.finishedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    const list = (await admin.call("/api/v1/admin/jobs")).json<ScheduledJobListResponse>();
    expect(list.jobs.find((job) => job.name === "vacancy-publication")?.lastRuns[0]).toEqual(run);
  });

  it("answers 404 for an unknown job and 403 for an organisation administrator", async () => {
    const unknown = await admin.call("/api/v1/admin/jobs/no-such-job/run", { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(unknown.json<ErrorResponse>().error).toEqual({
      code: "job_not_found",
      message: "Deze taak bestaat niet.",
    });
    const orgAdmin = new Client(server);
    await signIn(orgAdmin, "beheer@demo.werkbrug.test");
    expect((await orgAdmin.call("/api/v1/admin/jobs")).status).toBe(403);
    const refused = await orgAdmin.call("/api/v1/admin/jobs/file-sweep/run", { method: "POST" });
    expect(refused.status).toBe(403);
    expect(
      (await new Client(server).call("/api/v1/admin/jobs/file-sweep/run", { method: "POST" })).status,
    ).toBe(401);
  });

  it("sweeps files no row refers to, stale temporary files and empty folders, keeping referenced files", async () => {
    const person = new Client(server);
    await signIn(person, "kandidaat@demo.werkbrug.test");
    const upload = await person.call("/api/v1/me/avatar", {
      method: "PUT",
      raw: { data: png, type: "image/png" },
    });
    expect(upload.status).toBe(200);
    const avatarUrl = upload.json<{ avatarUrl: string }>().avatarUrl;
    const avatarKey = avatarUrl.replace("/api/v1/", "");

    // What a crash leaves: a photo without its row, and half an upload.
    await mkdir(path.join(filesRoot, "candidates/gone-person/photos"), { recursive: true });
    await writeFile(path.join(filesRoot, "candidates/gone-person/photos/orphan.png"), png);
    await writeFile(path.join(filesRoot, "candidates/gone-person/photos/orphan.png.type"), "image/png");
    await writeFile(
      path.join(filesRoot, "candidates/gone-person/photos/.half.png.0123456789abcdef.tmp"),
      png,
    );

    const res = await admin.call("/api/v1/admin/jobs/file-sweep/run", { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.json<JobRunResponse>().run.outcome).toBe("ok");
    expect(await filesUnder(filesRoot)).toEqual([avatarKey, `${avatarKey}.type`]);
    expect(existsSync(path.join(filesRoot, "candidates"))).toBe(false);
    expect((await person.call(avatarUrl)).status).toBe(200);
  });
});
