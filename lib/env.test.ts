import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("HOST", () => {
  it("listens on every address when unset or empty", () => {
    expect(parseEnv({}).HOST).toBe("0.0.0.0");
    expect(parseEnv({ HOST: "" }).HOST).toBe("0.0.0.0");
  });

  it.each(["127.0.0.1", "::", "::1", "localhost", "kassa.internal"])("takes %s", (host) => {
    expect(parseEnv({ HOST: host }).HOST).toBe(host);
  });

  it.each(["http://localhost", "localhost:3000", "two words", "-bad.example", "a..b", "host_name"])("refuses %s, saying why", (host) => {
    expect(() => parseEnv({ HOST: host })).toThrow(/Invalid configuration:\n {2}HOST: must be an IP address or a host name/);
  });
});
