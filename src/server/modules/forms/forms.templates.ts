import type { FormDefinition } from "../../../contracts/forms";

/** The template Werkbrug ships: what most government selections ask (Vlimpers). */
export const STANDARD_TEMPLATE_ID = "standard";

export const STANDARD_TEMPLATE: { id: string; name: string; definition: FormDefinition } = {
  id: STANDARD_TEMPLATE_ID,
  name: "Standaard sollicitatieformulier",
  definition: {
    sections: [
      {
        key: "eligibility",
        title: { nl: "Toelatingsvoorwaarden", en: "Eligibility" },
        fields: [
          {
            key: "has_diploma",
            kind: "yes_no",
            label: { nl: "Heb je het vereiste diploma?", en: "Do you have the required diploma?" },
            help: {
              nl: "Het vereiste diploma staat in de vacature.",
              en: "The required diploma is stated in the vacancy.",
            },
            required: true,
            options: [],
            knockOut: {
              answers: ["no"],
              message: {
                nl: "Zonder het vereiste diploma kun je niet deelnemen aan deze selectie.",
                en: "Without the required diploma you cannot take part in this selection.",
              },
            },
          },
        ],
      },
      {
        key: "personal",
        title: { nl: "Persoonlijke gegevens", en: "Personal details" },
        fields: [
          {
            key: "national_register_number",
            kind: "national_register_number",
            label: { nl: "Rijksregisternummer", en: "National register number" },
            help: {
              nl: "Staat op de achterkant van je identiteitskaart, bv. 85.07.30-033.28.",
              en: "On the back of your identity card, e.g. 85.07.30-033.28.",
            },
            required: true,
            options: [],
            knockOut: null,
          },
          {
            key: "diploma_level",
            kind: "diploma_level",
            label: { nl: "Hoogst behaalde diploma", en: "Highest diploma obtained" },
            help: { nl: "", en: "" },
            required: true,
            options: [],
            knockOut: null,
          },
          {
            key: "languages",
            kind: "languages",
            label: { nl: "Talenkennis", en: "Languages" },
            help: {
              nl: "Kies per taal je niveau (A1 beginner tot C2 uitstekend).",
              en: "Choose your level per language (A1 beginner to C2 proficient).",
            },
            required: false,
            options: [],
            knockOut: null,
          },
          {
            key: "motivation",
            kind: "long_text",
            label: { nl: "Motivatie", en: "Motivation" },
            help: {
              nl: "Waarom wil je deze functie en wat breng je mee?",
              en: "Why do you want this position and what do you bring?",
            },
            required: true,
            options: [],
            knockOut: null,
          },
        ],
      },
      {
        key: "documents",
        title: { nl: "CV en documenten", en: "CV and documents" },
        fields: [
          {
            key: "cv",
            kind: "file",
            label: { nl: "CV", en: "CV" },
            help: {
              nl: "PDF, Word (DOCX) of afbeelding, hoogstens 10 MB.",
              en: "PDF, Word (DOCX) or image, at most 10 MB.",
            },
            required: true,
            options: [],
            knockOut: null,
          },
        ],
      },
    ],
  },
};
