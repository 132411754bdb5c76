import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ApplicantDetailResponse, ApplicantListResponse } from "../../../contracts/applicants";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  ApplicationAnswersResponse,
  ApplicationFormResponse,
  ApplicationTimeline,
  ApplyFormResponse,
  FormDefinition,
  FormField,
  FormTemplateListResponse,
  FormVersionListResponse,
  UploadedFile,
} from "../../../contracts/forms";
import type { Procedure } from "../../../contracts/matches";
import type { PersonalDataExport } from "../../../contracts/privacy";
import type { Application, CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { domainEvents } from "../../platform/events.schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { matches } from "../matches/matches.schema";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import {
  applicationAnswers,
  applicationDrafts,
  applicationFiles,
  applicationFormVersions,
} from "./forms.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.from("MZ\x90\x00\x03\x00\x00\x00this is not a document");

const regime: FormField = {
  key: "regime",
  kind: "single_choice",
  label: { nl: "Gewenst regime", en: "Preferred regime" },
  help: { nl: "", en: "" },
  required: true,
  options: [
    { key: "fulltime", label: { nl: "Voltijds", en: "Full-time" } },
    { key: "parttime", label: { nl: "Deeltijds", en: "Part-time" } },
  ],
  knockOut: null,
};

describe.each(testDbKinds())("application forms and applying through them, on %s", (kind) => {
  let server: TestServer;
  let db: Db;
  let officer: Client; // selectie@: selection officer of the agency's selection office
  let stranger: Client; // a selection officer of another organisation
  let candidate: Client; // kandidaat@
  let agencyId: string;
  let vacancyId: string;
  let applicationId: string;

  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
  const paths = (res: { json<T>(): T }) => (errorOf(res).fields ?? []).map((f) => f.path);

  async function publishedVacancy(title: string): Promise<string> {
    const body: CreateVacancyRequest = {
      organisationId: agencyId,
      displayTitle: title,
      functionTitle: title,
      description: "Je behandelt aanvragen van burgers en ondernemingen, zorgvuldig en op tijd.",
      occupationId: "4225.1",
      educationLevel: "mbo-4",
      kind: "vacancy",
      hoursMin: 32,
      hoursMax: 38,
      positions: 1,
      workAddress: null,
      serviceModel: "together",
      contactVia: "employer",
      contactUserId: "demo-hr",
      publication: { publicFrom: day(0), closesOn: day(30) },
    };
    const created = await officer.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    const id = created.json<{ vacancy: Vacancy }>().vacancy.id;
    const published = await officer.call(`/api/v1/vacancies/${id}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    const procedures = await officer.call(`/api/v1/procedures?organisationId=${agencyId}`);
    const selection = procedures
      .json<{ procedures: Procedure[] }>()
      .procedures.find((p) => p.kind === "selection")!;
    const chosen = await officer.call(`/api/v1/vacancies/${id}/procedure`, {
      method: "PUT",
      body: { procedureId: selection.id },
    });
    expect(chosen.status, chosen.text).toBe(200);
    return id;
  }

  async function form(client = officer, id = vacancyId): Promise<ApplicationFormResponse> {
    const res = await client.call(`/api/v1/vacancies/${id}/application-form`);
    expect(res.status, res.text).toBe(200);
    return res.json<ApplicationFormResponse>();
  }

  const save = (definition: FormDefinition, client = officer, id = vacancyId, lang = "nl") =>
    client.call(`/api/v1/vacancies/${id}/application-form`, {
      method: "PUT",
      body: { definition },
      headers: { "accept-language": lang },
    });

  const draft = (answers: Record<string, unknown>, step = "form", id = vacancyId) =>
    candidate.call(`/api/v1/vacancies/${id}/application-draft`, { method: "PUT", body: { answers, step } });

  const submit = (id = vacancyId, lang = "nl") =>
    candidate.call(`/api/v1/vacancies/${id}/application-draft/submit`, {
      body: { source: "vdab" },
      headers: { "accept-language": lang },
    });

  const upload = (data: Buffer, type: string, field = "cv", id = vacancyId) =>
    candidate.call(`/api/v1/vacancies/${id}/application-draft/files?field=${field}&fileName=cv.pdf`, {
      raw: { data, type },
    });

  async function applyState(id = vacancyId): Promise<ApplyFormResponse> {
    const res = await candidate.call(`/api/v1/vacancies/${id}/application-draft`);
    expect(res.status, res.text).toBe(200);
    return res.json<ApplyFormResponse>();
  }

  beforeAll(async () => {
    server = await startTestServer({ kind });
    db = server.database.db;
    agencyId = (
      await db
        .select()
        .from(organisations)
        .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"))
    )[0]!.id;
    const [westland] = await db
      .select()
      .from(organisations)
      .where(sql`${organisations.name} ilike 'Westland%'`)
      .limit(1);
    await addDemoLikeAccount(db, {
      id: "forms-stranger",
      name: "Sara Elders",
      email: "selectie@elders.test",
      role: "selection_officer",
      organisationId: westland!.id,
    });
    officer = new Client(server);
    stranger = new Client(server);
    candidate = new Client(server);
    await signIn(officer, "selectie@demo.werkbrug.test");
    await signIn(stranger, "selectie@elders.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    vacancyId = await publishedVacancy("Dossierbehandelaar");
  });

  afterAll(async () => {
    await server?.close();
  });

  it("offers the shipped template and the organisation's own, and keeps a new one for the organisation only", async () => {
    const res = await officer.call("/api/v1/application-form-templates");
    expect(res.status, res.text).toBe(200);
    const list = res.json<FormTemplateListResponse>();
    const standard = list.templates.find((t) => t.shipped)!;
    expect(standard.name).toBe("Standaard sollicitatieformulier");
    expect(standard.definition.sections[0]!.fields[0]).toMatchObject({
      key: "has_diploma",
      kind: "yes_no",
      knockOut: { answers: ["no"] },
    });
    expect(list.organisations.map((o) => o.id)).toContain(agencyId);

    const made = await officer.call("/api/v1/application-form-templates", {
      body: { organisationId: agencyId, name: "Selectie met regime", definition: standard.definition },
    });
    expect(made.status, made.text).toBe(201);
    const mine = await officer.call("/api/v1/application-form-templates");
    expect(mine.json<FormTemplateListResponse>().templates.map((t) => t.name)).toContain(
      "Selectie met regime",
    );
    const theirs = await stranger.call("/api/v1/application-form-templates");
    expect(theirs.json<FormTemplateListResponse>().templates.map((t) => t.name)).not.toContain(
      "Selectie met regime",
    );
    // Nor may they keep one for the agency.
    const refused = await stranger.call("/api/v1/application-form-templates", {
      body: { organisationId: agencyId, name: "Overname", definition: standard.definition },
    });
    expect(refused.status).toBe(404);
    // Templates are staff matters.
    expect((await candidate.call("/api/v1/application-form-templates")).status).toBe(403);
  });

  it("makes the vacancy's form from the template and changes it in place while nobody answered", async () => {
    expect((await form()).form).toBeNull();
    expect((await form()).canEdit).toBe(true);
    const made = await officer.call(`/api/v1/vacancies/${vacancyId}/application-form`, {
      method: "PUT",
      body: { templateId: "standard" },
    });
    expect(made.status, made.text).toBe(200);
    const first = made.json<ApplicationFormResponse>().form!;
    expect(first.version.number).toBe(1);
    expect(first.definition.sections.map((s) => s.key)).toEqual(["eligibility", "personal", "documents"]);

    const definition = structuredClone(first.definition);
    definition.sections[1]!.fields.push(regime);
    definition.sections[1]!.fields[0]!.label.nl = "Je rijksregisternummer";
    const saved = await save(definition);
    expect(saved.status, saved.text).toBe(200);
    const second = saved.json<ApplicationFormResponse>().form!;
    expect(second.version.number).toBe(1);
    expect(second.definition.sections[1]!.fields.map((f) => f.key)).toContain("regime");
  });

  it("refuses a definition with a key twice, a choice without options or a misplaced knock-out, naming the field", async () => {
    const { form: current } = await form();
    const definition = structuredClone(current!.definition);
    definition.sections[1]!.fields.push({ ...regime, options: [] });
    definition.sections[2]!.fields[0]!.knockOut = { answers: ["no"], message: { nl: "Stop", en: "Stop" } };
    const res = await save(definition, officer, vacancyId, "en");
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe("form_definition_invalid");
    expect(paths(res)).toEqual(
      expect.arrayContaining([
        "definition.sections.1.fields.5.key",
        "definition.sections.1.fields.5.options",
        "definition.sections.2.fields.0.knockOut",
      ]),
    );
    expect(errorOf(res).fields!.find((f) => f.path.endsWith("5.key"))!.message).toBe(
      "This key is already used in the form.",
    );
    expect((await form()).form!.definition).toEqual(current!.definition);
  });

  it("keeps another organisation's officer out of the form: 404 on reading and changing, nothing changes", async () => {
    const before = (await form()).form!;
    expect((await stranger.call(`/api/v1/vacancies/${vacancyId}/application-form`)).status).toBe(404);
    expect((await stranger.call(`/api/v1/vacancies/${vacancyId}/application-form/versions`)).status).toBe(
      404,
    );
    const changed = structuredClone(before.definition);
    changed.sections.pop();
    expect((await save(changed, stranger)).status).toBe(404);
    expect((await form()).form).toEqual(before);
    // A candidate is no staff member at all.
    expect((await candidate.call(`/api/v1/vacancies/${vacancyId}/application-form`)).status).toBe(403);
  });

  it("stops an application on a knock-out answer with the question's message, and keeps the draft", async () => {
    const state = await applyState();
    expect(state.form!.definition.sections[0]!.key).toBe("eligibility");
    expect(state.draft).toBeNull();
    expect(state.applied).toBe(false);
    // Kim's profile says mbo-4 and her languages: the form starts from them.
    expect(state.prefill).toMatchObject({ diploma_level: "mbo-4" });
    expect(state.prefill.languages).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "nl" })]),
    );

    const saved = await draft({ has_diploma: false }, "eligibility");
    expect(saved.status, saved.text).toBe(200);
    const res = await submit();
    expect(res.status).toBe(422);
    expect(errorOf(res)).toMatchObject({
      code: "application_knocked_out",
      message: "Zonder het vereiste diploma kun je niet deelnemen aan deze selectie.",
      fields: [{ path: "answers.has_diploma" }],
    });
    expect((await applyState()).draft).toMatchObject({
      answers: { has_diploma: false },
      step: "eligibility",
    });
    expect(await db.select().from(matches).where(eq(matches.vacancyId, vacancyId))).toHaveLength(0);
  });

  it("refuses an incomplete submit naming each field (required, register number, unknown question) and loses nothing", async () => {
    const answers = {
      has_diploma: true,
      national_register_number: "85.07.30-033.29",
      motivation: "Ik werk graag nauwkeurig.",
      favourite_colour: "blauw",
    };
    expect((await draft(answers)).status).toBe(200);
    const res = await submit(vacancyId, "en");
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe("application_incomplete");
    const fields = errorOf(res).fields!;
    expect(fields.map((f) => f.path).sort()).toEqual(
      [
        "answers.cv",
        "answers.diploma_level",
        "answers.favourite_colour",
        "answers.national_register_number",
        "answers.regime",
      ].sort(),
    );
    expect(fields.find((f) => f.path === "answers.national_register_number")!.message).toMatch(
      /not a valid national register number/,
    );
    const kept = (await applyState()).draft!;
    expect(kept.answers).toMatchObject({ has_diploma: true, motivation: "Ik werk graag nauwkeurig." });
  });

  it("refuses a file that is no PDF, DOCX or image, and one for a question that is no file question", async () => {
    const wrong = await upload(EXE, "application/pdf");
    expect(wrong.status).toBe(415);
    expect(paths(wrong)).toEqual(["answers.cv"]);
    const notAFile = await upload(PDF, "application/pdf", "motivation");
    expect(notAFile.status).toBe(400);
    expect(paths(notAFile)).toEqual(["answers.motivation"]);
    expect((await applyState()).files).toEqual([]);
    // A file id that is not the applicant's own upload does not count.
    await draft({ ...(await applyState()).draft!.answers, cv: { fileId: crypto.randomUUID() } });
    const res = await submit();
    expect(res.status).toBe(422);
    expect(errorOf(res).fields!.find((f) => f.path === "answers.cv")!.message).toMatch(
      /niet \(meer\) gevonden/,
    );
  });

  it("submits through the form: one match (event as any application), the answers with their version, the draft gone", async () => {
    const uploaded = await upload(PDF, "application/pdf");
    expect(uploaded.status, uploaded.text).toBe(201);
    const file = uploaded.json<{ file: UploadedFile }>().file;
    expect(file).toMatchObject({ fileName: "cv.pdf", contentType: "application/pdf" });
    const answers = {
      has_diploma: true,
      national_register_number: "85.07.30-033.28",
      diploma_level: "mbo-4",
      languages: [
        { code: "nl", level: "C2" },
        { code: "fr", level: "B1" },
      ],
      motivation: "Ik werk graag nauwkeurig en ken de regelgeving.",
      regime: "parttime",
      cv: { fileId: file.id },
    };
    expect((await draft(answers, "review")).status).toBe(200);

    // The plain motivation + CV route is not for a vacancy with a form.
    const plain = new FormData();
    plain.set("motivation", "Zonder formulier");
    const body = new Response(plain);
    const refused = await candidate.call(`/api/v1/vacancies/${vacancyId}/applications`, {
      raw: { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! },
    });
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe("application_form_required");

    const res = await submit();
    expect(res.status, res.text).toBe(201);
    const application = res.json<{ application: Application }>().application;
    expect(application).toMatchObject({
      vacancyId,
      status: "submitted",
      motivation: answers.motivation,
      cv: { fileName: "cv.pdf" },
    });
    const [match] = await db.select().from(matches).where(eq(matches.id, application.id));
    expect(match).toMatchObject({ source: "applied", channelSource: "vdab" });
    const [stored] = await db
      .select()
      .from(applicationAnswers)
      .where(eq(applicationAnswers.matchId, application.id));
    expect(stored!.answers).toEqual(answers);
    const [version] = await db
      .select()
      .from(applicationFormVersions)
      .where(eq(applicationFormVersions.id, stored!.formVersionId));
    expect(version!.version).toBe(1);
    expect(
      await db.select().from(applicationDrafts).where(eq(applicationDrafts.vacancyId, vacancyId)),
    ).toHaveLength(0);
    const events = await db
      .select({ type: domainEvents.type })
      .from(domainEvents)
      .where(sql`${domainEvents.subject}->>'matchId' = ${application.id}`);
    expect(events.map((e) => e.type)).toEqual(["match.created"]);
    const cv = await candidate.call(`/api/v1/applications/${application.id}/cv`);
    expect(cv.status).toBe(200);
    expect(cv.body.subarray(0, 5).toString()).toBe("%PDF-");

    expect((await applyState()).applied).toBe(true);
    const again = await submit();
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe("already_applied");
    const mine = await candidate.call("/api/v1/applications/mine");
    expect(mine.json<{ applications: Application[] }>().applications.map((a) => a.id)).toContain(
      application.id,
    );
    applicationId = application.id;
  });

  it("versions the form once answered, and refuses a change that orphans answers, naming the field", async () => {
    const current = (await form()).form!;
    expect(current.version.answered).toBe(1);

    const relabelled = structuredClone(current.definition);
    relabelled.sections[1]!.fields[0]!.help.nl = "Zie je identiteitskaart.";
    relabelled.sections[1]!.fields.reverse();
    relabelled.sections[2]!.fields = []; // removing the CV question: the old answers stay in version 1
    const saved = await save(relabelled);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json<ApplicationFormResponse>().form!.version.number).toBe(2);

    const kindChanged = structuredClone(relabelled);
    const diploma = kindChanged.sections[1]!.fields.find((f) => f.key === "diploma_level")!;
    diploma.kind = "short_text";
    const refusedKind = await save(kindChanged);
    expect(refusedKind.status).toBe(409);
    expect(errorOf(refusedKind).code).toBe("form_change_orphans_answers");
    const index = kindChanged.sections[1]!.fields.indexOf(diploma);
    expect(paths(refusedKind)).toEqual([`definition.sections.1.fields.${index}.kind`]);
    expect(errorOf(refusedKind).fields![0]!.message).toContain("diploma_level");

    const optionGone = structuredClone(relabelled);
    const choice = optionGone.sections[1]!.fields.find((f) => f.key === "regime")!;
    choice.options = [choice.options[0]!, { key: "halftime", label: { nl: "Halftijds", en: "Half-time" } }];
    const refusedOption = await save(optionGone);
    expect(refusedOption.status).toBe(409);
    expect(errorOf(refusedOption).fields![0]!.message).toContain("regime: parttime");

    // An answered option may get another label, and a new one may come.
    const relabelledOption = structuredClone(relabelled);
    const keep = relabelledOption.sections[1]!.fields.find((f) => f.key === "regime")!;
    keep.options[1]!.label.nl = "Deeltijds (4/5)";
    keep.options.push({ key: "halftime", label: { nl: "Halftijds", en: "Half-time" } });
    const fine = await save(relabelledOption);
    expect(fine.status, fine.text).toBe(200);
    // Version 2 has no answers yet: it changes in place.
    expect(fine.json<ApplicationFormResponse>().form!.version.number).toBe(2);

    const versions = await officer.call(`/api/v1/vacancies/${vacancyId}/application-form/versions`);
    expect(versions.status).toBe(200);
    const list = versions.json<FormVersionListResponse>().versions;
    expect(list.map((v) => [v.number, v.answered])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    // The answered version still holds the CV question its answers refer to.
    expect(list[1]!.definition.sections[2]!.fields.map((f) => f.key)).toEqual(["cv"]);
    expect(list[0]!.createdBy).toBe("Sander Visser");

    // Staff read the application in the version it answered, the CV question included.
    const read = await officer.call(`/api/v1/matches/${applicationId}/application-answers`);
    expect(read.status, read.text).toBe(200);
    const given = read.json<ApplicationAnswersResponse>().answers!;
    expect(given.version).toBe(1);
    expect(given.answers).toMatchObject({ regime: "parttime", national_register_number: "85.07.30-033.28" });
    expect(given.definition.sections[2]!.fields.map((f) => f.key)).toEqual(["cv"]);
    expect(given.files).toHaveLength(1);
    const file = await officer.call(given.files[0]!.url);
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await stranger.call(`/api/v1/matches/${applicationId}/application-answers`)).status).toBe(404);
    expect((await stranger.call(given.files[0]!.url)).status).toBe(404);

    // The same answers beside the applicant's profile in "Sollicitanten"; the register number the
    // form asked for is the original of the correction field, and its file downloads there too.
    const applicant = await officer.call(`/api/v1/vacancies/${vacancyId}/applicants/${applicationId}`);
    expect(applicant.status, applicant.text).toBe(200);
    const detail = applicant.json<ApplicantDetailResponse>().applicant;
    expect(detail.answers).toMatchObject({
      version: 1,
      answers: { national_register_number: "85.07.30-033.28" },
    });
    expect(detail.fields.find((f) => f.field === "national_register_number")).toMatchObject({
      original: "85.07.30-033.28",
      corrected: false,
    });
    const viaApplicants = await officer.call(detail.answers!.files[0]!.url);
    expect(viaApplicants.status).toBe(200);
    expect(viaApplicants.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await stranger.call(detail.answers!.files[0]!.url)).status).toBe(404);

    // The applicant's own data export holds the form as answered, with the file sent.
    const exported = await candidate.call("/api/v1/candidates/me/export.json");
    expect(exported.status, exported.text).toBe(200);
    const mine = exported.json<PersonalDataExport>().applications.find((a) => a.id === applicationId)!;
    expect(mine.form!.version).toBe(1);
    expect(mine.form!.answers.map((a) => a.answer)).toContain("85.07.30-033.28");
    expect(mine.form!.answers.map((a) => a.question)).toContain("Gewenst regime");
    expect(mine.form!.files).toHaveLength(1);
    expect((await candidate.call(mine.form!.files[0]!.url)).status).toBe(200);

    // The list filters on the answers to choice questions.
    const filtered = async (answer: string) => {
      const res = await officer.call(`/api/v1/vacancies/${vacancyId}/applicants?answer=${answer}`);
      expect(res.status, res.text).toBe(200);
      return res.json<ApplicantListResponse>();
    };
    const parttime = await filtered("regime:parttime");
    expect(parttime.items.map((a) => a.id)).toEqual([applicationId]);
    expect(parttime.answerQuestions.map((q) => q.key)).toContain("regime");
    expect((await filtered("regime:fulltime")).items).toEqual([]);
    const wrong = await officer.call(`/api/v1/vacancies/${vacancyId}/applicants?answer=regime`, {
      headers: { "accept-language": "nl" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json<ErrorResponse>().error.fields).toEqual([
      { path: "querystring.answer", message: "Kies een antwoord uit de lijst." },
    ]);
  });

  it("shows the applicant their application's steps and lets them withdraw once, through the withdrawn phase", async () => {
    const timeline = await candidate.call(`/api/v1/applications/${applicationId}/timeline`);
    expect(timeline.status, timeline.text).toBe(200);
    expect(timeline.json<{ timeline: ApplicationTimeline }>().timeline).toMatchObject({
      steps: [{ phase: { key: "submitted" } }],
      canWithdraw: true,
    });
    // Not someone else's application, and not for staff.
    expect(
      (await officer.call(`/api/v1/applications/${applicationId}/withdraw`, { method: "POST" })).status,
    ).toBe(403);

    const withdrawn = await candidate.call(`/api/v1/applications/${applicationId}/withdraw`, {
      method: "POST",
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const after = withdrawn.json<{ timeline: ApplicationTimeline }>().timeline;
    expect(after.steps.map((s) => s.phase.key)).toEqual(["submitted", "withdrawn"]);
    expect(after.steps[1]!.phase.label.nl).toBe("Teruggetrokken");
    expect(after.canWithdraw).toBe(false);
    const [match] = await db.select().from(matches).where(eq(matches.id, applicationId));
    expect(match!.status).toBe("withdrawn");
    const events = await db
      .select({ type: domainEvents.type })
      .from(domainEvents)
      .where(sql`${domainEvents.subject}->>'matchId' = ${applicationId}`);
    expect(events.map((e) => e.type)).toEqual(["match.created", "match.moved"]);

    const again = await candidate.call(`/api/v1/applications/${applicationId}/withdraw`, { method: "POST" });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe("application_final");
    const mine = await candidate.call("/api/v1/applications/mine");
    expect(
      mine.json<{ applications: Application[] }>().applications.find((a) => a.id === applicationId)!.status,
    ).toBe("withdrawn");
  });

  it("empties the answers and removes drafts and uploads when the applicant erases their account", async () => {
    // A draft with an upload on a second vacancy with a form, beside the submitted application.
    const second = await publishedVacancy("Jurist");
    expect(
      (
        await officer.call(`/api/v1/vacancies/${second}/application-form`, {
          method: "PUT",
          body: { templateId: "standard" },
        })
      ).status,
    ).toBe(200);
    expect((await upload(PDF, "application/pdf", "cv", second)).status).toBe(201);
    expect((await draft({ motivation: "Graag!" }, "form", second)).status).toBe(200);

    const erased = await candidate.call("/api/v1/candidates/me/erase", {
      body: { confirm: true, password: DEMO_PASSWORD },
    });
    expect(erased.status, erased.text).toBe(204);
    const [kept] = await db
      .select()
      .from(applicationAnswers)
      .where(eq(applicationAnswers.matchId, applicationId));
    expect(kept!.answers).toEqual({});
    expect(
      await db.select().from(applicationDrafts).where(eq(applicationDrafts.vacancyId, second)),
    ).toHaveLength(0);
    expect(await db.select().from(applicationFiles)).toHaveLength(0);
  });
});
