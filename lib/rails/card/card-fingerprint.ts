// Server only: the keyed fingerprint needs the server's secret and node:crypto.
import { createHmac } from "node:crypto";
import { cardDigits } from "./card";

/** Recognises the same card across payments without storing its number. */
export function cardFingerprint(number: string, secret: string): string {
  const digits = cardDigits(number);
  if (!digits) throw new RangeError("card number must be digits");
  if (!secret) throw new RangeError("fingerprint secret is empty");
  return createHmac("sha256", secret).update(digits).digest("hex");
}
