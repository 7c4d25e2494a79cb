/**
 * One move of a state machine (lib/checkout/transitions.ts holds them): a conditional update
 * sets `to` only on a row it finds in one of the `from` statuses, so of two racing writers at
 * most one wins.
 */
export type Move<S extends string> = { readonly from: readonly S[]; readonly to: S };
