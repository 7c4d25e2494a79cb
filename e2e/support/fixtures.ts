import { test as base, expect } from "@playwright/test";

type Session = { id: string; checkoutUrl: string; [k: string]: unknown };

export const test = base.extend<{ createSession: (body: Record<string, unknown>) => Promise<Session> }>({
  createSession: async ({ request }, use) => {
    await use(async (body) => {
      const res = await request.post(`${process.env.KASSA_E2E_URL}/api/v1/checkout/sessions`, {
        headers: { authorization: `Bearer ${process.env.KASSA_E2E_TEST_KEY}` },
        data: { successUrl: "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}", ...body },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as Session;
    });
  },
});

export { expect };
