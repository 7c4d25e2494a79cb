import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A merchant's own website on a second origin (another port): it loads embed.js from Kassa
 * and mounts a session, recording what the embed tells it.
 */
export async function startMerchantSite(kassaUrl: string) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://localhost");
    const session = url.searchParams.get("session") ?? "";
    if (url.pathname === "/thanks") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end(`<!doctype html><html lang="en"><title>Thanks</title><h1>Merchant thank-you page</h1></html>`);
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Merchant checkout</title></head>
<body style="margin:0;font-family:sans-serif">
<main><h1 style="font-size:20px;padding:8px">Merchant checkout</h1><div id="checkout"></div></main>
<script src="${kassaUrl}/embed.js"></script>
<script>
  window.__events = [];
  window.__completed = [];
  window.__handle = Kassa.mount("#checkout", {
    sessionId: ${JSON.stringify(session)},
    onEvent: function (e) { window.__events.push(e); },
    ${url.searchParams.get("noComplete") ? "" : "onComplete: function (e) { window.__completed.push(e); },"}
  });
</script>
</body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
