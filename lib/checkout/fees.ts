import type { FeeRule, FeeSchedule } from "@/db/schema";
import type { Rail } from "@/lib/rails";

/**
 * What a merchant pays per rail unless its schedule says otherwise: basis points of the
 * amount, plus a fixed part and an optional cap, both in the payment currency's minor units.
 * The fixed parts and caps are set for the one currency each local rail serves.
 */
export const DEFAULT_FEES: Record<Rail, FeeRule> = {
  card: { bps: 290, fixed: 0 },
  transfer: { bps: 100, fixed: 0, cap: 200_000 }, // 1 %, at most ₦2,000
  virtual_account: { bps: 100, fixed: 0, cap: 200_000 },
  ussd: { bps: 150, fixed: 0, cap: 200_000 },
  direct_debit: { bps: 150, fixed: 10_000, cap: 250_000 }, // 1.5 % + ₦100, at most ₦2,500
  pix: { bps: 99, fixed: 0 },
  boleto: { bps: 0, fixed: 349 }, // R$ 3.49 a slip
  mobile_money: { bps: 200, fixed: 0 },
};

export function feeRuleFor(schedule: FeeSchedule | null | undefined, rail: Rail): FeeRule {
  return schedule?.[rail] ?? DEFAULT_FEES[rail];
}

/**
 * The fee in minor units: bps of the amount rounded half up, plus the fixed part, capped,
 * and never more than the amount itself. BigInt: 10^12 × 10^4 is past 2^53.
 */
export function computeFee(rule: FeeRule, amount: number): number {
  const proportional = (BigInt(amount) * BigInt(rule.bps) + 5_000n) / 10_000n;
  let fee = Number(proportional) + rule.fixed;
  if (rule.cap !== undefined && rule.cap !== null) fee = Math.min(fee, rule.cap);
  return Math.max(0, Math.min(fee, amount));
}
