import { buyerForm, anotherWay } from "@/lib/api/buyer-forms";

// POST /checkout/{id}/another-way – a form of the buyer's page (lib/api/buyer-forms.ts)
export const POST = buyerForm(anotherWay);
