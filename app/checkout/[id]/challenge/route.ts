import { buyerForm, challenge } from "@/lib/api/buyer-forms";

// POST /checkout/{id}/challenge – a form of the buyer's page (lib/api/buyer-forms.ts)
export const POST = buyerForm(challenge);
