import { count, inArray, isNull, sql } from "drizzle-orm";
import type { OrganisationKind, Role } from "../../contracts/tenancy";
import { candidates } from "../modules/candidates/candidates.schema";
import { contactPersons } from "../modules/employers/employers.schema";
import { hashPassword } from "../modules/identity/auth";
import { twoFactors } from "../modules/identity/identity.schema";
import { findPlaceByName } from "../modules/taxonomy/reference-data";
import { accounts, memberships, organisations, portals, users } from "../modules/tenancy/tenancy.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";
import type { Env } from "../platform/env";
import { insertCandidates, insertVacancies } from "./bulk";
import type { SeedOrganisation, SeedPortal } from "./generate";
import { seedDemoMessages } from "./messages";
import { seedDemoPlacement } from "./placements";
import { seedDemoProposals } from "./proposals";
import { seedDemoReferrals } from "./referrals";
import { seedDemoSelection } from "./selection";
import { seedDemoSites } from "./sites";
import { seedDemoStaffHome } from "./staff-home";
import { seedTalentPools } from "./talent-pools";

export const DEMO_PASSWORD = "Werkbrug-demo-2026!";
/**
 * The demo staff accounts' TOTP secret as better-auth stores it. Authenticator apps get its
 * base32 form, DEMO_TOTP_KEY (see docs/decisions/0005-demo-totp-secret.md).
 */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
export const DEMO_TOTP_KEY = "JJBFGV2ZGNCFARKIKBFTGUCYKA";
/** Backup codes of every demo staff account (single use each). */
export const DEMO_BACKUP_CODES = Array.from(
  { length: 10 },
  (_, i) => `demo0-${String(i + 1).padStart(5, "0")}`,
);
export const DEMO_SEED = 20261122;
/** Demo vacancies are dated relative to this day so the demo looks the same on every machine. */
export const DEMO_NOW = new Date("2026-11-22T09:00:00Z");

const PORTALS = [
  { slug: "landelijk", nameNl: "Werkbrug Landelijk", nameEn: "Werkbrug National", primaryColor: "#1c4f7c" },
  {
    slug: "haaglanden",
    nameNl: "Werkbrug Haaglanden",
    nameEn: "Werkbrug Haaglanden",
    primaryColor: "#1b6b3a",
  },
  {
    slug: "rijnmond",
    nameNl: "Werkbrug Rijnmond",
    nameEn: "Werkbrug Rijnmond",
    primaryColor: "#8b1e3f",
    // Rijnmond asks candidates for these before its candidate side can be used (Kansenportaal).
    candidateIntakeFields: ["phone", "place", "occupations", "availability"],
  },
] as const;
type PortalSlug = (typeof PORTALS)[number]["slug"];

interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  kvk: string;
  portal: PortalSlug;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  parent?: string;
}

// Fictional organisations; KvK numbers are made up and do not belong to real companies.
const ORGANISATIONS: DemoOrganisation[] = [
  {
    key: "denhaag",
    kind: "municipality",
    name: "Gemeente Den Haag",
    kvk: "27367611",
    portal: "haaglanden",
    street: "Spui",
    houseNumber: "70",
    postcode: "2511 BT",
    city: "Den Haag",
  },
  {
    key: "denhaag-wsp",
    kind: "municipality",
    name: "Gemeente Den Haag – Werkgeversservicepunt",
    kvk: "27367612",
    portal: "haaglanden",
    street: "Spui",
    houseNumber: "70",
    postcode: "2511 BT",
    city: "Den Haag",
    parent: "denhaag",
  },
  {
    key: "rotterdam",
    kind: "municipality",
    name: "Gemeente Rotterdam",
    kvk: "24483511",
    portal: "rijnmond",
    street: "Coolsingel",
    houseNumber: "40",
    postcode: "3011 AD",
    city: "Rotterdam",
  },
  {
    key: "delft",
    kind: "municipality",
    name: "Gemeente Delft",
    kvk: "27369931",
    portal: "haaglanden",
    street: "Phoenixstraat",
    houseNumber: "16",
    postcode: "2611 AL",
    city: "Delft",
  },
  {
    key: "westland",
    kind: "employer",
    name: "Westland Logistiek B.V.",
    kvk: "61234567",
    portal: "haaglanden",
    street: "Transportweg",
    houseNumber: "12",
    postcode: "2676 LM",
    city: "Maasdijk",
  },
  {
    key: "westland-naaldwijk",
    kind: "employer",
    name: "Westland Logistiek – Vestiging Naaldwijk",
    kvk: "61234568",
    portal: "haaglanden",
    street: "Middel Broekweg",
    houseNumber: "5",
    postcode: "2675 KB",
    city: "Naaldwijk",
    parent: "westland",
  },
  {
    key: "duinen",
    kind: "employer",
    name: "Zorgcentrum De Duinen",
    kvk: "41150123",
    portal: "haaglanden",
    street: "Duinweg",
    houseNumber: "24",
    postcode: "2585 JV",
    city: "Den Haag",
  },
  {
    key: "maasvlakte",
    kind: "employer",
    name: "Maashaven Techniek B.V.",
    kvk: "72345678",
    portal: "rijnmond",
    street: "Europaweg",
    houseNumber: "875",
    postcode: "3199 LD",
    city: "Rotterdam",
  },
  {
    key: "vanderlinden",
    kind: "employer",
    name: "Bouwbedrijf Van der Linden",
    kvk: "24056789",
    portal: "rijnmond",
    street: "Industrieweg",
    houseNumber: "31",
    postcode: "3131 CH",
    city: "Vlaardingen",
  },
  {
    key: "versco",
    kind: "employer",
    name: "Vers & Co Supermarkten",
    kvk: "33112244",
    portal: "landelijk",
    street: "Stationsplein",
    houseNumber: "3",
    postcode: "3511 ED",
    city: "Utrecht",
  },
  {
    key: "talentplus",
    kind: "agency",
    name: "Uitzendbureau Talent Plus",
    kvk: "58765432",
    portal: "rijnmond",
    street: "Weena",
    houseNumber: "505",
    postcode: "3013 AL",
    city: "Rotterdam",
  },
  {
    key: "werkfit",
    kind: "agency",
    name: "WerkFit Re-integratie",
    kvk: "69871234",
    portal: "haaglanden",
    street: "Laan van Nieuw Oost-Indië",
    houseNumber: "123",
    postcode: "2593 BM",
    city: "Den Haag",
  },
  {
    key: "agentschap",
    kind: "government",
    name: "Agentschap Publieke Dienstverlening",
    kvk: "52012345",
    portal: "landelijk",
    street: "Turfmarkt",
    houseNumber: "147",
    postcode: "2511 DP",
    city: "Den Haag",
  },
  {
    key: "agentschap-selectie",
    kind: "government",
    name: "Agentschap Publieke Dienstverlening – Selectiebureau",
    kvk: "52012346",
    portal: "landelijk",
    street: "Turfmarkt",
    houseNumber: "147",
    postcode: "2511 DP",
    city: "Den Haag",
    parent: "agentschap",
  },
];

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  organisation?: string;
  portal?: PortalSlug;
  mayManageVacancies?: boolean;
  locale?: "nl" | "en";
  /** A candidate role on this portal besides the staff role. */
  alsoCandidateOn?: PortalSlug;
}

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@demo.werkbrug.test", name: "Anouk Platformbeheer", role: "platform_admin" },
  { email: "beheer@demo.werkbrug.test", name: "Bram Beheerder", role: "org_admin", organisation: "denhaag" },
  {
    email: "accountmanager@demo.werkbrug.test",
    name: "Fatima El Amrani",
    role: "account_manager",
    organisation: "denhaag",
  },
  {
    email: "werkgever@demo.werkbrug.test",
    name: "Wim van Westen",
    role: "employer_contact",
    organisation: "westland",
    mayManageVacancies: true,
    // As in the Kansenportaal manual: one account sees both the employer and the candidate side.
    alsoCandidateOn: "haaglanden",
  },
  { email: "hr@demo.werkbrug.test", name: "Hanna de Ruiter", role: "hr_officer", organisation: "agentschap" },
  {
    email: "selectie@demo.werkbrug.test",
    name: "Sander Visser",
    role: "selection_officer",
    organisation: "agentschap-selectie",
  },
  {
    email: "jury@demo.werkbrug.test",
    name: "Julia Bakker",
    role: "jury_member",
    organisation: "agentschap-selectie",
    locale: "en",
  },
  {
    // Vlimpers' "leidinggevende": sees the selections he is on, once someone applied.
    email: "leiding@demo.werkbrug.test",
    name: "Lars de Leeuw",
    role: "line_manager",
    organisation: "agentschap",
  },
  {
    // The referral portal's recruiter: moves referred candidates through the milestones.
    email: "zorg@demo.werkbrug.test",
    name: "Marieke de Wit",
    role: "employer_contact",
    organisation: "duinen",
    mayManageVacancies: true,
  },
  {
    email: "verwijzer@demo.werkbrug.test",
    name: "Vincent Verhoeven",
    role: "referrer",
    organisation: "duinen",
  },
  {
    email: "kandidaat@demo.werkbrug.test",
    name: "Kim de Kandidaat",
    role: "candidate",
    portal: "haaglanden",
  },
];

export interface SeedOptions {
  /** Encrypts with the app's AUTH_SECRET; without it staff get no second factor seeded. */
  encryptSecret?: (data: string) => Promise<string>;
  candidates?: number;
  vacancies?: number;
  production?: boolean;
  log?: (message: string) => void;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(portals);
  return Number(row?.n ?? 0) === 0;
}

/** The demo world of the README: three portals, organisations of every kind, a user per role. */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  if (options.production) {
    // A production install starts with the national portal only; people are invited, not seeded.
    await db.insert(portals).values({ ...PORTALS[0], parentId: null });
    log("NODE_ENV=production: created the national portal only; demo users and data are not seeded.");
    return;
  }
  const started = Date.now();
  const portalIds = new Map<PortalSlug, string>();
  const [national] = await db
    .insert(portals)
    .values({ ...PORTALS[0], parentId: null })
    .returning({ id: portals.id });
  portalIds.set("landelijk", national!.id);
  for (const portal of PORTALS.slice(1)) {
    const [row] = await db
      .insert(portals)
      .values({
        ...portal,
        parentId: national!.id,
        candidateIntakeFields: "candidateIntakeFields" in portal ? [...portal.candidateIntakeFields] : [],
      })
      .returning({ id: portals.id });
    portalIds.set(portal.slug, row!.id);
  }

  const orgIds = new Map<string, string>();
  const seedOrganisations: SeedOrganisation[] = [];
  for (const org of ORGANISATIONS) {
    const place = findPlaceByName(org.city, { country: "NL" });
    const [row] = await db
      .insert(organisations)
      .values({
        kind: org.kind,
        name: org.name,
        kvkNumber: org.kvk,
        street: org.street,
        houseNumber: org.houseNumber,
        postcode: org.postcode,
        city: org.city,
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
        homePortalId: portalIds.get(org.portal)!,
        parentId: org.parent ? orgIds.get(org.parent)! : null,
      })
      .returning({ id: organisations.id });
    orgIds.set(org.key, row!.id);
    if (org.kind !== "agency") {
      seedOrganisations.push({
        id: row!.id,
        name: org.name,
        kind: org.kind,
        portalId: portalIds.get(org.portal)!,
        city: org.city,
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
      });
    }
  }

  // One hash for all demo accounts: they share the documented password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const totp = options.encryptSecret
    ? {
        secret: await options.encryptSecret(DEMO_TOTP_SECRET),
        backupCodes: await options.encryptSecret(JSON.stringify(DEMO_BACKUP_CODES)),
      }
    : null;
  for (const user of DEMO_USERS) {
    const id = `demo-${user.email.split("@")[0]}`;
    const staff = user.role !== "candidate";
    await db.insert(users).values({
      id,
      name: user.name,
      email: user.email,
      emailVerified: true,
      locale: user.locale ?? "nl",
      twoFactorEnabled: staff && totp !== null,
    });
    if (staff && totp)
      await db.insert(twoFactors).values({ id: `${id}-totp`, userId: id, ...totp, verified: true });
    await db.insert(accounts).values({
      id: `${id}-credential`,
      userId: id,
      accountId: id,
      providerId: "credential",
      password: passwordHash,
    });
    await db.insert(memberships).values({
      userId: id,
      role: user.role,
      organisationId: user.organisation ? orgIds.get(user.organisation)! : null,
      portalId: user.portal ? portalIds.get(user.portal)! : null,
      mayManageVacancies: user.mayManageVacancies ?? false,
    });
    if (user.alsoCandidateOn) {
      await db
        .insert(memberships)
        .values({ userId: id, role: "candidate", portalId: portalIds.get(user.alsoCandidateOn)! });
    }
  }
  await seedDemoCandidateProfile(db, portalIds.get("haaglanden")!);
  log(
    `Seeded ${PORTALS.length} portals, ${ORGANISATIONS.length} organisations and ${DEMO_USERS.length} demo users.`,
  );

  const seedPortals: SeedPortal[] = PORTALS.map((p) => ({
    id: portalIds.get(p.slug)!,
    slug: p.slug,
    national: p.slug === "landelijk",
  }));
  const candidateCount = options.candidates ?? 2000;
  await insertCandidates(db, {
    count: candidateCount,
    seed: DEMO_SEED,
    portals: seedPortals,
    onProgress: (done, total) => log(`  candidates ${done}/${total}`),
  });
  const vacancyCount = options.vacancies ?? 150;
  await insertVacancies(db, {
    count: vacancyCount,
    seed: DEMO_SEED,
    organisations: seedOrganisations,
    now: DEMO_NOW,
  });
  await seedDemoDepartments(db, orgIds, portalIds);
  await linkDemoPeople(db, orgIds);
  await seedTalentPools(db, orgIds, portalIds);
  await seedDemoSites(db, orgIds.get("duinen")!);
  await seedDemoMessages(db, DEMO_NOW);
  await seedDemoProposals(db, orgIds.get("westland")!);
  await seedDemoPlacement(db, orgIds.get("westland")!);
  await seedDemoStaffHome(db, orgIds.get("westland")!);
  await seedDemoReferrals(db, orgIds.get("duinen")!, DEMO_NOW);
  await seedDemoSelection(db, orgIds.get("agentschap")!, DEMO_NOW);
  log(
    `Seeded ${candidateCount} candidates and ${vacancyCount} vacancies in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

/**
 * Westland Logistiek's departments ("Afdeling" on a contact's new vacancy, Carerix), added after
 * the generated vacancies so those stay what the seed always made.
 */
async function seedDemoDepartments(
  db: Db,
  orgIds: Map<string, string>,
  portalIds: Map<PortalSlug, string>,
): Promise<void> {
  const westland = ORGANISATIONS.find((o) => o.key === "westland")!;
  const place = findPlaceByName(westland.city, { country: "NL" });
  for (const [key, name] of [
    ["westland-planning", "Westland Logistiek – Afdeling Planning"],
    ["westland-magazijn", "Westland Logistiek – Afdeling Magazijn"],
  ] as const) {
    const [row] = await db
      .insert(organisations)
      .values({
        kind: "employer",
        name,
        street: westland.street,
        houseNumber: westland.houseNumber,
        postcode: westland.postcode,
        city: westland.city,
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
        homePortalId: portalIds.get(westland.portal)!,
        parentId: orgIds.get("westland")!,
      })
      .returning({ id: organisations.id });
    orgIds.set(key, row!.id);
  }
}

/**
 * The account manager of Den Haag looks after the Haaglanden employers; generated vacancies
 * get that account manager, the employer's demo contact and an owner (HalloWerk, Vlimpers).
 */
async function linkDemoPeople(db: Db, orgIds: Map<string, string>): Promise<void> {
  const managed = ["westland", "westland-naaldwijk", "duinen"].map((key) => orgIds.get(key)!);
  await db
    .update(organisations)
    .set({ accountManagerUserId: "demo-accountmanager", managedByOrganisationId: orgIds.get("denhaag")! })
    .where(inArray(organisations.id, managed));
  // Rijnmond's employers are in the CRM of Gemeente Rotterdam (no account manager assigned yet).
  await db
    .update(organisations)
    .set({ managedByOrganisationId: orgIds.get("rotterdam")! })
    .where(inArray(organisations.id, [orgIds.get("maasvlakte")!, orgIds.get("vanderlinden")!]));
  // Contact persons (HalloWerk): the demo employer contact with access, others without yet.
  const contact = DEMO_USERS.find((u) => u.email === "werkgever@demo.werkbrug.test")!;
  await db.insert(contactPersons).values([
    {
      organisationId: orgIds.get("westland")!,
      name: contact.name,
      email: contact.email,
      mayManageVacancies: true,
      userId: "demo-werkgever",
    },
    {
      organisationId: orgIds.get("westland")!,
      name: "Petra Groenewegen",
      email: "p.groenewegen@westland-logistiek.test",
      phone: "0174 123 456",
      notes: "Hoofd planning; wil eerst zelf kandidaten zien.",
      language: "nl",
    },
    {
      organisationId: orgIds.get("duinen")!,
      name: "Marieke de Wit",
      email: "zorg@demo.werkbrug.test",
      phone: "070 345 6789",
      mayManageVacancies: true,
      userId: "demo-zorg",
    },
    {
      organisationId: orgIds.get("duinen")!,
      name: "Jan Kowalski",
      email: "j.kowalski@zorgcentrumdeduinen.test",
      notes: "Spreekt Engels; facilitair manager.",
      language: "en",
    },
    {
      organisationId: orgIds.get("maasvlakte")!,
      name: "Klaus Becker",
      email: "k.becker@maashaven-techniek.test",
      language: "de",
    },
  ]);
  await db
    .update(vacancies)
    .set({ accountManagerUserId: "demo-accountmanager" })
    .where(inArray(vacancies.organisationId, managed));
  await db
    .update(vacancies)
    .set({ contactUserId: "demo-werkgever" })
    .where(inArray(vacancies.organisationId, [orgIds.get("westland")!, orgIds.get("westland-naaldwijk")!]));
  const agency = [orgIds.get("agentschap")!, orgIds.get("agentschap-selectie")!];
  await db
    .update(vacancies)
    .set({ ownerUserId: "demo-selectie", contactUserId: "demo-hr", createdByKind: "employer" })
    .where(inArray(vacancies.organisationId, agency));
  await db
    .update(vacancies)
    .set({ ownerUserId: sql`coalesce(${vacancies.contactUserId}, ${vacancies.accountManagerUserId})` })
    .where(isNull(vacancies.ownerUserId));
}

/**
 * Kim's profile is complete apart from the photo and the CV, which are files (the seed only
 * writes the database): the staff view shows every block, and her completeness meter asks for
 * exactly those two. She is visible on Haaglanden and reached through her account manager.
 */
async function seedDemoCandidateProfile(db: Db, portalId: string): Promise<void> {
  const place = findPlaceByName("Den Haag", { country: "NL" });
  const weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"];
  // Weekdays in the morning and afternoon, and Thursday evening too.
  const grid = weekdays.flatMap((day) => [
    `${day}-ochtend`,
    `${day}-middag`,
    ...(day === "donderdag" ? [`${day}-avond`] : []),
  ]);
  await db.insert(candidates).values({
    portalId,
    userId: "demo-kandidaat",
    firstName: "Kim",
    lastName: "de Kandidaat",
    email: "kandidaat@demo.werkbrug.test",
    phone: "06-12345678",
    birthDate: "1994-05-17",
    postcode: "2512 AB",
    placeId: place?.id ?? null,
    city: "Den Haag",
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    headline: "Klantvriendelijke medewerker klantenservice, zoekt werk in de regio Haaglanden",
    summary:
      "Ik werk graag met mensen en help klanten snel verder, aan de telefoon en per chat. Ik heb vijf jaar ervaring in de klantenservice van een energiebedrijf en wil doorgroeien naar een rol als teamleider.",
    workLevel: "middelbaar",
    educationLevel: "mbo-4",
    targetGroups: ["ww"],
    desiredOccupationIds: ["4225.1", "3341.4", "4226.1"],
    workTypes: ["helpen", "verkopen"],
    sectors: ["42", "33"],
    hoursMin: 24,
    hoursMax: 36,
    maxTravelKm: 20,
    availableFrom: "2026-12-07",
    availabilityGrid: grid,
    dayparts: [...weekdays, "ochtend", "middag", "avond"],
    drivingLicences: ["B"],
    languages: [
      { code: "nl", level: "native" },
      { code: "en", level: "good" },
      { code: "de", level: "basic" },
    ],
    certificates: ["bhv"],
    transportModes: ["fiets", "openbaar-vervoer"],
    contactPreference: "account_manager",
    accountManagerUserId: "demo-accountmanager",
    experience: [
      {
        title: "Medewerker klantenservice",
        occupationId: "4225.1",
        employer: "Energiek Haaglanden",
        place: "Den Haag",
        from: "2021-03-01",
        to: null,
        description:
          "Klanten helpen met vragen over facturen, verhuizingen en storingen via telefoon, chat en e-mail. Nieuwe collega's inwerken en meedenken over betere antwoorden in de kennisbank.",
      },
      {
        title: "Medewerker klantcontact",
        occupationId: "5244.1",
        employer: "Zorgverzekeraar Zuidwest",
        place: "Rijswijk",
        from: "2018-09-01",
        to: "2021-02-28",
        description: "Vragen over declaraties en polissen beantwoorden; klachten tot een oplossing brengen.",
      },
      {
        title: "Verkoopmedewerker",
        occupationId: "5223.4",
        employer: "Warenhuis De Passage",
        place: "Den Haag",
        from: "2015-06-01",
        to: "2018-08-31",
      },
    ],
    education: [
      {
        title: "Medewerker contactcenter (mbo 4)",
        institution: "ROC Haagse Hout",
        place: "Den Haag",
        levelId: "mbo-4",
        from: "2011-09-01",
        to: "2015-06-30",
        diplomaObtained: true,
      },
      {
        title: "Vmbo economie",
        institution: "Scholengemeenschap Het Plein",
        place: "Den Haag",
        levelId: "vmbo-kb",
        from: "2007-09-01",
        to: "2011-06-30",
        diplomaObtained: true,
      },
    ],
    courses: [
      { title: "Klachtenbehandeling", provider: "Klantcontact Academie", year: 2022, certificate: true },
      { title: "BHV basis", provider: "BHV Haaglanden", year: 2023, certificate: true },
      {
        title: "Excel voor gevorderden",
        provider: "Volksuniversiteit Den Haag",
        year: 2019,
        certificate: false,
      },
    ],
    media: {
      videos: [{ url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "Wie ben ik? In één minuut" }],
      links: [{ url: "https://www.linkedin.com/in/kim-de-kandidaat-demo", label: "LinkedIn" }],
    },
    hobbies: "Hardlopen, koken voor vrienden en vrijwilligerswerk bij de voedselbank",
    visible: true,
    profileUpdatedAt: DEMO_NOW,
  });
}

export async function seedIfEmpty(
  db: Db,
  {
    env,
    log,
    encryptSecret,
  }: { env: Env; log: (message: string) => void; encryptSecret?: (data: string) => Promise<string> },
): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  log(
    env.NODE_ENV === "production"
      ? "Empty database: creating the national portal (no demo data in production)…"
      : "Empty database: seeding the demo data…",
  );
  await seedDemo(db, {
    production: env.NODE_ENV === "production",
    log,
    ...(encryptSecret ? { encryptSecret } : {}),
  });
  return true;
}

export async function portalsForSeeding(db: Db): Promise<SeedPortal[]> {
  const rows = await db
    .select({ id: portals.id, slug: portals.slug, parentId: portals.parentId })
    .from(portals);
  return rows.map((r) => ({ id: r.id, slug: r.slug, national: r.parentId === null }));
}

export async function candidateCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(candidates);
  return Number(row?.n ?? 0);
}
