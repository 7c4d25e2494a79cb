// Nigerian banks that Kassa offers for transfer, USSD and direct debit.

export interface NigerianBank {
  id: string;
  name: string;
  /** CBN bank code, the first input of the NUBAN check digit. */
  code: string;
  /** The bank's USSD banking short code, as the bank advertises it. */
  ussd: string;
}

export const NIGERIAN_BANKS = [
  { id: "access", name: "Access Bank", code: "044", ussd: "*901#" },
  { id: "ecobank", name: "Ecobank Nigeria", code: "050", ussd: "*326#" },
  { id: "fcmb", name: "FCMB", code: "214", ussd: "*329#" },
  { id: "fidelity", name: "Fidelity Bank", code: "070", ussd: "*770#" },
  { id: "first_bank", name: "First Bank of Nigeria", code: "011", ussd: "*894#" },
  { id: "gtbank", name: "Guaranty Trust Bank", code: "058", ussd: "*737#" },
  { id: "stanbic", name: "Stanbic IBTC Bank", code: "221", ussd: "*909#" },
  { id: "sterling", name: "Sterling Bank", code: "232", ussd: "*822#" },
  { id: "union", name: "Union Bank", code: "032", ussd: "*826#" },
  { id: "uba", name: "United Bank for Africa", code: "033", ussd: "*919#" },
  { id: "wema", name: "Wema Bank", code: "035", ussd: "*945#" },
  { id: "zenith", name: "Zenith Bank", code: "057", ussd: "*966#" },
] as const satisfies readonly NigerianBank[];

export type NigerianBankId = (typeof NIGERIAN_BANKS)[number]["id"];

export function findNigerianBank(idOrCode: string): NigerianBank | undefined {
  return NIGERIAN_BANKS.find((b) => b.id === idOrCode || b.code === idOrCode);
}
