// Every rail's views (components/checkout/rails/<rail>.tsx), for the page to render the chosen
// rail's form and a waiting payment's instructions. Adding a rail: its file, and a line below.
import { isRail, railName, type NextAction, type Rail } from "@/lib/rails";
import { boleto } from "./boleto";
import { card } from "./card";
import { directDebit } from "./direct_debit";
import { mobileMoney } from "./mobile_money";
import { pix } from "./pix";
import { transfer } from "./transfer";
import { ussd } from "./ussd";
import type { RailFormProps, RailPendingProps, RailView } from "./types";
import { virtualAccount } from "./virtual_account";

export type { RailFormProps, RailPendingProps, RailView } from "./types";

const RAIL_VIEWS: Record<Rail, RailView> = {
  card,
  transfer,
  virtual_account: virtualAccount,
  ussd,
  direct_debit: directDebit,
  pix,
  boleto,
  mobile_money: mobileMoney,
};

/** The form of `rail`, in a section named after it. */
export function RailForm({ rail, focus = false, ...props }: RailFormProps & { rail: Rail; focus?: boolean }) {
  const { Form } = RAIL_VIEWS[rail];
  // Chosen from the picker, the new form takes the focus when the page loads (a notice or an
  // error summary above it, when there is one, goes first: the script focuses the first).
  return (
    <section aria-label={railName(rail, props.locale)} tabIndex={focus ? -1 : undefined} data-focus={focus ? "" : undefined} className="focus:outline-none">
      <Form {...props} />
    </section>
  );
}

/** What the waiting payment asks of the buyer, as its rail shows it. */
export function RailInstructions(props: Omit<RailPendingProps, "action">) {
  const { rail, nextAction } = props.payment;
  if (!isRail(rail)) return null;
  const { Pending } = RAIL_VIEWS[rail];
  return <Pending {...props} action={nextAction as NextAction | null} />;
}
