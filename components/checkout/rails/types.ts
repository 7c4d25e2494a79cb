import type { ReactNode } from "react";
import type { WaitingPayment } from "@/lib/checkout/page-props";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import type { NextAction } from "@/lib/rails";
import type { RailFormProps } from "../pay-form";

export type { RailFormProps } from "../pay-form";

/** What every rail's pending view is given: the waiting payment and what it asks of the buyer. */
export type RailPendingProps = {
  sessionId: string;
  payment: WaitingPayment;
  action: NextAction | null;
  /** A Pix payment's QR code (lib/rails/pix/pix.ts pixQrSvg), made before rendering. */
  qrSvg?: string | null;
  amountText: string;
  merchantName: string;
  locale: Locale;
  m: Messages;
  /** The page is in the merchant's frame: a processor's own page must open at the top. */
  embedded?: boolean;
  /** The merchant's page to go back to while the payment is on its way (its successUrl). */
  returnUrl?: string;
  /** Where the instructions were mailed, if they were. */
  emailedTo?: string | null;
};

/** One rail's views: its form while the session is open, its instructions while a payment waits. */
export type RailView = {
  Form: (props: RailFormProps) => ReactNode;
  Pending: (props: RailPendingProps) => ReactNode;
};
