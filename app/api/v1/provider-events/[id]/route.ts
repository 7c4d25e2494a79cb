import { jsonResponse, readRawBody, runApi } from "@/lib/api/http";
import { receiveProviderEvent } from "@/lib/checkout/receive-provider-event";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";

type RouteContext = { params: Promise<{ id: string }> };

// POST /api/v1/provider-events/{id} – a processor's notification for one provider account (its webhookUrl)
export const POST = (req: Request, ctx: RouteContext) =>
  runApi(req, async (requestId) => {
    const { id } = await ctx.params;
    // The signature is over the exact bytes sent: read them as they came, parse nothing first.
    const body = await readRawBody(req);
    const received = await receiveProviderEvent(await getDb(), { accountId: id, body, headers: req.headers, at: now() });
    return jsonResponse(requestId, 200, JSON.stringify(received));
  });
