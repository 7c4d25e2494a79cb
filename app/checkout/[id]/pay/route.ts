import { buyerForm, pay } from "@/lib/api/buyer-forms";

// POST /checkout/{id}/pay – a form of the buyer's page (lib/api/buyer-forms.ts)
export const POST = buyerForm(pay);
