// The demo store's products: naira prices in kobo, as a merchant's own catalogue would hold them.
export const PRODUCTS = [
  { id: "tote", name: "Ankara tote bag", description: "Hand-sewn, 100% cotton wax print", unitAmount: 1_200_000 },
  { id: "shea", name: "Shea butter", description: "Unrefined, 250 g jar", unitAmount: 350_000 },
  { id: "zobo", name: "Zobo leaves", description: "Dried hibiscus, 500 g", unitAmount: 180_000 },
] as const;

export type ProductId = (typeof PRODUCTS)[number]["id"];
