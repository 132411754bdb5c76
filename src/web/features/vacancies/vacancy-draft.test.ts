import { describe, expect, it } from "vitest";
import { CreateVacancyRequestSchema, UpdateVacancyRequestSchema } from "../../../contracts/vacancies";
import { draftProblems, emptyDraft, toCreateRequest, toUpdateRequest } from "./vacancy-draft";

const ORG = "3f0e6a2e-6b8e-4a5e-9a53-0d2f7a4c1b11";

describe("the vacancy form's draft", () => {
  it("becomes a request the contract accepts: numbers, dates, another work address", () => {
    const draft = emptyDraft({
      organisationId: ORG,
      contactUserId: "user-1",
      displayTitle: "Orderpicker in Naaldwijk",
      functionTitle: "Orderpicker",
      description: "Regel één\nRegel twee",
      hoursMin: "24",
      hoursMax: "32",
      salaryMin: "2800",
      otherAddress: true,
      place: { value: "nl-1783-naaldwijk", label: "Naaldwijk" },
      portalFrom: "2026-11-22",
      closesOn: "2026-12-22",
    });
    expect(draftProblems(draft)).toEqual({});
    const request = CreateVacancyRequestSchema.parse(toCreateRequest(draft, false));
    expect(request).toMatchObject({
      organisationId: ORG,
      hoursMin: 24,
      hoursMax: 32,
      salaryMin: 2800,
      salaryMax: null,
      positions: 1,
      description: "Regel één\nRegel twee",
      workAddress: { placeId: "nl-1783-naaldwijk", street: "" },
      publication: { portalFrom: "2026-11-22", closesOn: "2026-12-22", publicFrom: null },
      asRequest: false,
      requestComment: null,
    });
  });

  it("sends the HR officer's comment only with a request, and the owner only when it may change", () => {
    const draft = emptyDraft({
      organisationId: ORG,
      displayTitle: "Beleidsmedewerker",
      functionTitle: "Beleidsmedewerker",
      requestComment: " Vervanging ",
      ownerUserId: "owner-2",
    });
    expect(toCreateRequest(draft, true).requestComment).toBe("Vervanging");
    expect(toCreateRequest(draft, false).requestComment).toBeNull();
    const opened = { ...draft, ownerUserId: "owner-1" };
    expect(UpdateVacancyRequestSchema.parse(toUpdateRequest(draft, opened, true)).ownerUserId).toBe(
      "owner-2",
    );
    expect(toUpdateRequest(draft, opened, false)).not.toHaveProperty("ownerUserId");
  });

  it("sends only what changed on an edit, and leaves an untouched address alone", () => {
    // A vacancy whose other work address has a city but no place id (older data).
    const opened = emptyDraft({
      organisationId: ORG,
      displayTitle: "Inpakker",
      functionTitle: "Inpakker",
      otherAddress: true,
      hoursMin: "16",
    });
    const edited = { ...opened, hoursMax: "24", closesOn: "2026-12-31" };
    expect(draftProblems(edited, opened)).toEqual({});
    expect(UpdateVacancyRequestSchema.parse(toUpdateRequest(edited, opened, false))).toEqual({
      hoursMax: 24,
      publication: {
        organisationFrom: null,
        portalFrom: null,
        allPortalsFrom: null,
        publicFrom: null,
        closesOn: "2026-12-31",
      },
    });
    expect(toUpdateRequest(opened, opened, true)).toEqual({});
    expect(draftProblems({ ...edited, street: "Dorpsstraat" }, opened)).toEqual({
      "workAddress.placeId": "vacancies.form.errors.place",
    });
  });

  it("names the problems it can see before the server does, by the API's field paths", () => {
    const draft = emptyDraft({
      displayTitle: "x",
      hoursMin: "32",
      hoursMax: "24",
      otherAddress: true,
      portalFrom: "2027-01-10",
      closesOn: "2026-12-22",
    });
    expect(draftProblems(draft)).toEqual({
      organisationId: "vacancies.form.errors.organisation",
      displayTitle: "vacancies.form.errors.title",
      functionTitle: "vacancies.form.errors.title",
      hoursMax: "vacancies.form.errors.minAboveMax",
      "workAddress.placeId": "vacancies.form.errors.place",
      "publication.portalFrom": "vacancies.form.errors.afterClosing",
    });
  });
});
