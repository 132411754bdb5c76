import {
  learningMaterials,
  organisationEmailDomains,
  vacancyOnboarding,
} from "../modules/onboarding/onboarding.schema";
import type { Db } from "../platform/db";

/**
 * Onboarding in the selection demo (issue 16 part 8): "Beleidsmedewerker arbeidsmarkt" runs an
 * onboarding, the agency has two learning materials (one before, one from the first day) and
 * its own e-mail domain, so an applicant from outside gets the material by itself and one with
 * a demo address (Kim) from the leader's hand.
 */
export async function seedSelectionOnboarding(db: Db, agencyId: string, vacancyId: string): Promise<void> {
  await db
    .insert(vacancyOnboarding)
    .values({ vacancyId, organisationId: agencyId, enabled: true, setByUserId: "demo-selectie" });
  await db
    .insert(organisationEmailDomains)
    .values({ organisationId: agencyId, domains: ["demo.werkbrug.test"], updatedByUserId: "demo-selectie" });
  await db.insert(learningMaterials).values([
    {
      organisationId: agencyId,
      title: "Welkom bij het agentschap",
      description: "Wie we zijn, hoe we werken en wat je op je eerste dag kunt verwachten.",
      url: "https://leren.demo.werkbrug.test/welkom",
      availability: "before_first_day",
      createdByUserId: "demo-hr",
    },
    {
      organisationId: agencyId,
      title: "Werken met het dossiersysteem",
      description: "E-learning over het dossiersysteem, met je eigen account vanaf je eerste werkdag.",
      url: "https://leren.demo.werkbrug.test/dossiersysteem",
      availability: "from_first_day",
      createdByUserId: "demo-hr",
    },
  ]);
}
