import { buyerForm, pay } from "@/lib/checkout/buyer-forms";

// POST /checkout/{id}/pay – a form of the buyer's page (lib/checkout/buyer-forms.ts)
export const POST = buyerForm(pay);
