import { and, asc, eq } from "drizzle-orm";
import { getPlace } from "../modules/taxonomy/reference-data";
import { organisationSites } from "../modules/tenancy/tenancy.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";

/** Zorgcentrum De Duinen's care homes (referral portal: sites of one group), Den Haag addresses. */
const DUINEN_SITES = [
  {
    name: "De Duinen Scheveningen",
    street: "Gevers Deynootweg",
    houseNumber: "61",
    postcode: "2586 BJ",
    placeId: "nl-0518-scheveningen",
    city: "Den Haag",
  },
  {
    name: "De Duinen Kijkduin",
    street: "Deltaplein",
    houseNumber: "12",
    postcode: "2554 EX",
    placeId: "nl-0518-kijkduin",
    city: "Den Haag",
  },
  {
    name: "De Duinen Statenkwartier",
    street: "Frederik Hendriklaan",
    houseNumber: "140",
    postcode: "2582 BT",
    placeId: "nl-gm0518",
    city: "Den Haag",
  },
] as const;

/**
 * De Duinen's sites, with its demo vacancies spread over them in turn (by date and title, so the
 * same vacancy gets the same site on every machine). No staff are limited to a site in the demo.
 */
export async function seedDemoSites(db: Db, duinenId: string): Promise<void> {
  const sites = await db
    .insert(organisationSites)
    .values(
      DUINEN_SITES.map((s) => {
        const place = getPlace(s.placeId);
        return { organisationId: duinenId, ...s, lat: place?.lat ?? null, lon: place?.lon ?? null };
      }),
    )
    .returning({ id: organisationSites.id });
  const own = await db
    .select({ id: vacancies.id })
    .from(vacancies)
    .where(eq(vacancies.organisationId, duinenId))
    .orderBy(asc(vacancies.createdAt), asc(vacancies.displayTitle), asc(vacancies.id));
  for (const [index, vacancy] of own.entries()) {
    const site = sites[index % sites.length]!;
    await db
      .update(vacancies)
      .set({ siteId: site.id })
      .where(and(eq(vacancies.id, vacancy.id), eq(vacancies.organisationId, duinenId)));
  }
}
