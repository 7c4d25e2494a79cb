/*! Kassa embedded checkout, message protocol version 1. No dependencies.
 *
 *   <div id="checkout"></div>
 *   <script src="https://pay.example.com/embed.js"></script>
 *   <script>
 *     Kassa.mount("#checkout", {
 *       sessionId: "cs_test_…",
 *       onComplete: function (e) { location.href = e.redirectUrl; },
 *       onEvent: function (e) { console.log(e.type, e.data); }
 *     });
 *   </script>
 */
(function () {
  "use strict";
  var VERSION = 1;
  var script = document.currentScript;
  var kassaOrigin = script && script.src ? new URL(script.src).origin : window.location.origin;

  function isHttpUrl(value) {
    try {
      var u = new URL(value);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch (e) {
      return false;
    }
  }

  function mount(target, options) {
    options = options || {};
    var container = typeof target === "string" ? document.querySelector(target) : target;
    if (!container) throw new Error("Kassa.mount: no element matches " + target);
    var src;
    if (options.checkoutUrl) {
      src = new URL(options.checkoutUrl, kassaOrigin).toString();
    } else if (options.sessionId && /^cs_(test|live)_[0-9A-Za-z]+$/.test(options.sessionId)) {
      src = kassaOrigin + "/checkout/" + options.sessionId;
    } else {
      throw new Error("Kassa.mount: give a sessionId (cs_test_… or cs_live_…) or a checkoutUrl");
    }
    var frameOrigin = new URL(src).origin;
    var sessionId = options.sessionId || (new URL(src).pathname.split("/").pop() || "");

    var iframe = document.createElement("iframe");
    iframe.src = src;
    iframe.title = options.title || "Checkout";
    iframe.allow = "payment";
    iframe.setAttribute("scrolling", "no");
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = (options.initialHeight || 640) + "px";
    iframe.style.colorScheme = "normal";
    container.appendChild(iframe);

    function onMessage(event) {
      // Only our frame, from the Kassa origin, speaking our protocol, about this session.
      if (event.origin !== frameOrigin || event.source !== iframe.contentWindow) return;
      var msg = event.data;
      if (!msg || msg.source !== "kassa" || msg.version !== VERSION || msg.sessionId !== sessionId) return;
      var data = msg.data || {};
      if (msg.type === "resize" && typeof data.height === "number" && data.height > 0 && data.height < 100000) {
        iframe.style.height = Math.ceil(data.height) + "px";
      }
      if (typeof options.onEvent === "function") options.onEvent({ type: msg.type, sessionId: msg.sessionId, data: data });
      if (msg.type === "complete") {
        if (typeof options.onComplete === "function") options.onComplete({ sessionId: msg.sessionId, status: data.status, redirectUrl: data.redirectUrl });
        else if (isHttpUrl(data.redirectUrl)) window.top.location.href = data.redirectUrl;
      }
    }
    window.addEventListener("message", onMessage);

    return {
      iframe: iframe,
      destroy: function () {
        window.removeEventListener("message", onMessage);
        if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
      },
    };
  }

  window.Kassa = { mount: mount, version: VERSION };
})();
