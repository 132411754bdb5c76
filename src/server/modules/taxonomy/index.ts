// The taxonomy module's public surface (decision 0014): the reference data (occupations, places,
// the lists behind the profile and filters) and its public routes. Nothing here is tenant data.
export * from "./reference-data";
export { registerTaxonomy } from "./taxonomy.routes";
