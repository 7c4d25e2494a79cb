import { buyerForm, simulate } from "@/lib/checkout/buyer-forms";

// POST /checkout/{id}/simulate – a form of the buyer's page (lib/checkout/buyer-forms.ts)
export const POST = buyerForm(simulate);
