/**
 * Builds data/reference/common-passwords.txt, the list the password policy
 * (src/server/modules/identity/password-policy.ts) rejects as "too common".
 *
 * Source: the ranked password list of the npm package @zxcvbn-ts/language-common (MIT), which zxcvbn-ts
 * derived from Mark Burnett's ten million passwords dataset (xato.net, released to the public domain),
 * lower-cased and ordered by frequency. We take its top TOP_N entries and add Dutch passwords by hand,
 * because the source is almost entirely English and Werkbrug's users are Dutch and Flemish.
 *
 * Entries shorter than 8 characters are kept on purpose (down to MIN_ENTRY_LENGTH): the policy also
 * compares a password with its trailing digits and punctuation removed ("Monkey123!" -> "monkey"), and
 * those bases are mostly short words. Entries shorter than MIN_ENTRY_LENGTH are dropped, since a base of
 * one to three characters says nothing about the password it came from.
 *
 * Output: lower-cased, deduplicated, sorted (code point order), one per line, so a rerun gives the same
 * bytes and a diff reads as a list of changed entries.
 *
 * Run: npx tsx scripts/build-common-passwords.ts
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "data", "reference", "common-passwords.txt");
const TOP_N = 10_000;
const MIN_ENTRY_LENGTH = 4;
// The committed file should stay small enough to read in a review and to load at start-up in a few ms.
const MAX_BYTES = 200 * 1024;

const require = createRequire(import.meta.url);

/**
 * Dutch (and Flemish) passwords and password bases that an English list misses: greetings, "password"
 * and "secret" in Dutch, seasons with years, football clubs, cities, and this product's own names (a
 * service name is one of the context words NIST SP 800-63B asks verifiers to reject).
 * Written lower-cased; the bases also catch their "Base2024!" variants through the policy's stripping.
 */
const DUTCH = [
  // greetings and "password"/"secret"
  "welkom",
  "welkom01",
  "welkom01!",
  "welkom123",
  "welkom123!",
  "welkom2024",
  "welkom2025",
  "welkom2026",
  "welkomwelkom",
  "hallo",
  "hallo123",
  "hallo123!",
  "hallohallo",
  "hoi123",
  "doei",
  "wachtwoord",
  "wachtwoord1",
  "wachtwoord1!",
  "wachtwoord123",
  "wachtwoord123!",
  "wachtwoord01",
  "wachtw00rd",
  "w8woord",
  "w8w00rd",
  "w@chtwoord",
  "w@chtw00rd",
  // l33t spellings: the source mostly leaves them out because zxcvbn catches them with substitution
  // rules, which this policy does not copy; the best-known ones are listed instead
  "p@ssword",
  "p@ssw0rd",
  "p@$$w0rd",
  "paswoord",
  "paswoord1",
  "paswoord123",
  "geheim",
  "geheim1",
  "geheim123",
  "geheim123!",
  "supergeheim",
  "inloggen",
  "inloggen1",
  "aanmelden",
  "toegang",
  "veranderen",
  "wijzigen",
  "nieuw",
  "nieuw123",
  "nieuwwachtwoord",
  "tijdelijk",
  "tijdelijk1",
  "tijdelijk123",
  "beginnen",
  "starten",
  "test1234",
  "testtest",
  "qwerty123!",
  "azerty",
  "azerty123",
  "azertyuiop",
  // seasons, months, days (bases; "zomer2024!" is caught through the base)
  "lente",
  "zomer",
  "herfst",
  "winter",
  "voorjaar",
  "najaar",
  "zomer2024",
  "zomer2024!",
  "zomer2025",
  "winter2024",
  "winter2025",
  "voorjaar2025",
  "najaar2025",
  "januari",
  "februari",
  "maart",
  "april",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
  "zondag",
  "weekend",
  "vakantie",
  "kerstmis",
  "sinterklaas",
  "koningsdag",
  // football clubs and their founding years
  "feyenoord",
  "feyenoord1",
  "feyenoord1908",
  "ajax",
  "ajax1900",
  "ajaxamsterdam",
  "psv1913",
  "psveindhoven",
  "fctwente",
  "twente",
  "utrecht",
  "azalkmaar",
  "vitesse",
  "heerenveen",
  "groningen",
  "anderlecht",
  "clubbrugge",
  "standard",
  "oranje",
  "oranjeboven",
  "hupholland",
  // places and country
  "nederland",
  "nederland1",
  "holland",
  "holland1",
  "amsterdam",
  "rotterdam",
  "denhaag",
  "eindhoven",
  "tilburg",
  "almere",
  "breda",
  "nijmegen",
  "haarlem",
  "arnhem",
  "zwolle",
  "leiden",
  "maastricht",
  "scheveningen",
  "belgie",
  "vlaanderen",
  "antwerpen",
  "brussel",
  "gent",
  // people, pets, everyday words
  "schatje",
  "lieverd",
  "liefje",
  "ikhouvanjou",
  "moeder",
  "vader",
  "mama",
  "papa",
  "kinderen",
  "familie",
  "vriendin",
  "vriendje",
  "hond",
  "poes",
  "konijn",
  "paard",
  "bloem",
  "tulp",
  "fiets",
  "kaas",
  "drop",
  "stroopwafel",
  "koffie",
  "appel",
  "aardbei",
  "voetbal",
  "hockey",
  "zonneschijn",
  "regenboog",
  "prinses",
  "ridder",
  "kabouter",
  "snoepje",
  "gezellig",
  "lekker",
  // work: the context users type it in
  "werk",
  "werken",
  "werk123",
  "werkbrug",
  "werkbrug1",
  "werkbrug123",
  "werkbrug123!",
  "hallowerk",
  "hallowerk1",
  "gemeente",
  "gemeente1",
  "gemeente123",
  "vacature",
  "sollicitatie",
  "solliciteren",
  "kandidaat",
  "werkgever",
  "werknemer",
  "kantoor",
  "personeel",
  "recruiter",
  "recruitment",
  "uitzendbureau",
  "uwv123",
];

function isPasswordList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === "string");
}

function loadRanked(): string[] {
  // The package ships its list both compressed (dist/) and as plain ranked JSON (src/); the plain one
  // needs no decompressor and is the same data.
  const path = require.resolve("@zxcvbn-ts/language-common/src/passwords.json");
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!isPasswordList(parsed) || parsed.length < TOP_N) {
    throw new Error(`${path}: expected a ranked list of at least ${TOP_N} passwords`);
  }
  return parsed;
}

function main(): void {
  const entries = new Set<string>();
  const add = (raw: string): void => {
    const entry = raw.normalize("NFC").toLowerCase().trim();
    if ([...entry].length >= MIN_ENTRY_LENGTH && !/[\r\n]/.test(entry)) entries.add(entry);
  };
  for (const password of loadRanked().slice(0, TOP_N)) add(password);
  const fromSource = entries.size;
  for (const password of DUTCH) add(password);

  // Default string order compares UTF-16 units; the list is ASCII apart from hand-added entries, and the
  // loader does not depend on the order, so this is only for stable output.
  const sorted = [...entries].sort();
  const text = `${sorted.join("\n")}\n`;
  if (Buffer.byteLength(text) > MAX_BYTES) {
    throw new Error(`common-passwords.txt would be ${Buffer.byteLength(text)} bytes, over ${MAX_BYTES}`);
  }
  writeFileSync(OUT, text);
  console.log(
    `${OUT}: ${sorted.length} entries (${fromSource} from the top ${TOP_N} of @zxcvbn-ts/language-common, ` +
      `${sorted.length - fromSource} added by hand), ${statSync(OUT).size} bytes`,
  );
}

main();
