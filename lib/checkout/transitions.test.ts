import { describe, expect, it } from "vitest";
import { PAYMENT_STATUSES, SESSION_STATUSES } from "./schemas";
import type { Move } from "@/db/queries/move";
import { PAYABLE, PAYMENT_MOVES, SESSION_MOVES } from "./transitions";

// SPEC 2.2's session table, one pair per from and to ((new) → open is the insert, no move).
const SPEC_2_2: [string, string][] = [
  ["open", "pending"],
  ["pending", "open"],
  ["open", "paid"],
  ["pending", "paid"],
  ["open", "failed"],
  ["open", "expired"],
  // "A pending session expires only when its pending payment's own deadline has also passed."
  ["pending", "expired"],
  ["open", "canceled"],
];
const TERMINAL = ["paid", "failed", "expired", "canceled"];

const pairs = (moves: Record<string, Move<string>>) =>
  Object.entries(moves).flatMap(([name, m]) => m.from.map((from) => ({ name, from, to: m.to })));
const inSpec = (from: string, to: string) => SPEC_2_2.some(([f, t]) => f === from && t === to);

describe("the session state machine", () => {
  const moves = pairs(SESSION_MOVES);

  it("makes only SPEC 2.2's transitions, or two of them in one update where named here", () => {
    const beyond = moves.filter((m) => !inSpec(m.from, m.to)).map((m) => `${m.name}: ${m.from} → ${m.to}`);
    expect(beyond).toEqual([
      "wait: pending → pending", // pending → open (the waiting payment canceled) → pending (the new one)
      "retry: open → open", // an attempt on an open session failed: it stays open, one attempt fewer
      "exhaust: pending → failed", // pending → open (that payment failed) → failed (the last attempt)
    ]);
    for (const m of moves.filter((x) => !inSpec(x.from, x.to))) {
      expect(SPEC_2_2.some(([f, via]) => f === m.from && inSpec(via, m.to)), `${m.name}: two steps of SPEC 2.2`).toBe(true);
    }
  });

  it("makes every transition of SPEC 2.2", () => {
    for (const [from, to] of SPEC_2_2) {
      expect(moves.some((m) => m.from === from && m.to === to), `${from} → ${to}`).toBe(true);
    }
  });

  it("never leaves a terminal status", () => {
    expect(moves.filter((m) => TERMINAL.includes(m.from))).toEqual([]);
  });

  it("moves only between the session's statuses", () => {
    for (const m of moves) {
      expect(SESSION_STATUSES).toContain(m.from);
      expect(SESSION_STATUSES).toContain(m.to);
    }
  });

  it("expires a pending session only by the move that waits for its payment's deadline", () => {
    expect(SESSION_MOVES.expire.from).toEqual(["open"]);
    expect(SESSION_MOVES.expireWaiting.from).toEqual(["open", "pending"]);
  });

  it("cancels only an open session", () => {
    expect(SESSION_MOVES.cancel).toEqual({ from: ["open"], to: "canceled" });
  });

  it("takes a payment in the statuses from which a session can be paid", () => {
    expect([...PAYABLE].sort()).toEqual(SPEC_2_2.filter(([, to]) => to === "paid").map(([from]) => from).sort());
  });
});

describe("the payment state machine", () => {
  const moves = pairs(PAYMENT_MOVES);
  const waiting = ["pending", "requires_action"];

  it("moves only between the payment's statuses", () => {
    for (const m of moves) {
      expect(PAYMENT_STATUSES).toContain(m.from);
      expect(PAYMENT_STATUSES).toContain(m.to);
    }
  });

  it("fails or cancels only a payment that waits for the buyer or the bank", () => {
    expect([...PAYMENT_MOVES.fail.from].sort()).toEqual(waiting);
    expect([...PAYMENT_MOVES.cancel.from].sort()).toEqual(waiting);
  });

  it("records money that arrives for a canceled payment (SPEC 2.2: money must never vanish)", () => {
    expect([...PAYMENT_MOVES.succeed.from].sort()).toEqual(["canceled", ...waiting]);
  });

  it("never leaves succeeded or failed", () => {
    expect(moves.filter((m) => m.from === "succeeded" || m.from === "failed")).toEqual([]);
  });
});
