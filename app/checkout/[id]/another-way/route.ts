import { buyerForm, anotherWay } from "@/lib/checkout/buyer-forms";

// POST /checkout/{id}/another-way – a form of the buyer's page (lib/checkout/buyer-forms.ts)
export const POST = buyerForm(anotherWay);
