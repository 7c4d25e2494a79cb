import { buyerForm, simulate } from "@/lib/api/buyer-forms";

// POST /checkout/{id}/simulate – a form of the buyer's page (lib/api/buyer-forms.ts)
export const POST = buyerForm(simulate);
