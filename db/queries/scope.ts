/** Whose objects a query sees: one merchant, in one mode. Every merchant-facing query takes it. */
export type Scope = { merchantId: string; livemode: boolean };
