import { buyerForm, challenge } from "@/lib/checkout/buyer-forms";

// POST /checkout/{id}/challenge – a form of the buyer's page (lib/checkout/buyer-forms.ts)
export const POST = buyerForm(challenge);
