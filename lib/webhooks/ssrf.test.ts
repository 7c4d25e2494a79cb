import { describe, expect, it } from "vitest";
import { allowedFor, checkDestination, classifyAddress, type Lookup, type TargetRules } from "./ssrf";

const LIVE: TargetRules = { livemode: true, privateTargets: "test" };
const TEST: TargetRules = { livemode: false, privateTargets: "test" };
const SHARED_TEST: TargetRules = { livemode: false, privateTargets: "never" };

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.20", "private"],
    ["100.64.0.1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["not an ip", "reserved"],
  ])("%s is %s", (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["64:ff9b::10.0.0.1", "private"],
    ["2002:7f00:1::", "loopback"],
    ["2002:c0a8:101::1", "private"],
    ["::127.0.0.1", "reserved"],
    ["2001::1", "reserved"],
  ])("judges the IPv4 address carried in %s (%s)", (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it.each(["1.1.1.1", "8.8.8.8", "93.184.215.14", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"])(
    "%s is public",
    (ip) => {
      expect(classifyAddress(ip)).toBe("public");
    },
  );
});

describe("allowedFor", () => {
  it("allows only public addresses in live mode", () => {
    expect(allowedFor("public", true)).toBe(true);
    for (const kind of ["loopback", "private", "link-local", "metadata", "unspecified", "multicast", "reserved"] as const) {
      expect(allowedFor(kind, true)).toBe(false);
    }
  });

  it("lets test mode reach the developer's machine and network, never metadata or link-local", () => {
    expect(allowedFor("loopback", false)).toBe(true);
    expect(allowedFor("private", false)).toBe(true);
    expect(allowedFor("metadata", false)).toBe(false);
    expect(allowedFor("link-local", false)).toBe(false);
  });
});

describe("checkDestination", () => {
  const resolvesTo =
    (...addresses: string[]): Lookup =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }) as const);

  it("refuses http in live mode", async () => {
    expect(await checkDestination(new URL("http://1.1.1.1/hook"), LIVE)).toEqual({
      ok: false,
      reason: "live endpoints must use https",
    });
  });

  it("refuses a host when any of its addresses is not public", async () => {
    const result = await checkDestination(new URL("https://shop.example/hook"), LIVE, resolvesTo("1.1.1.1", "10.0.0.7"));
    expect(result).toEqual({
      ok: false,
      reason:
        "the host shop.example resolves to a private network address (10.0.0.7); live endpoints must be reachable on the public internet",
    });
  });

  it("returns the checked addresses to connect to", async () => {
    const result = await checkDestination(new URL("https://shop.example/hook"), LIVE, resolvesTo("1.1.1.1", "2606:4700::1"));
    expect(result).toEqual({
      ok: true,
      hostname: "shop.example",
      addresses: [
        { address: "1.1.1.1", family: 4 },
        { address: "2606:4700::1", family: 6 },
      ],
    });
  });

  it("checks IP literals without resolving them", async () => {
    const never: Lookup = async () => {
      throw new Error("resolved a literal");
    };
    expect(await checkDestination(new URL("https://[::1]/"), LIVE, never)).toMatchObject({
      ok: false,
      reason: "::1 is a loopback address; live endpoints must be reachable on the public internet",
    });
    // The URL parser normalises other spellings of an address first.
    expect(await checkDestination(new URL("https://0x7f.1/"), LIVE, never)).toMatchObject({ ok: false });
    expect(await checkDestination(new URL("https://2130706433/"), LIVE, never)).toMatchObject({ ok: false });
    expect(await checkDestination(new URL("https://[::ffff:169.254.169.254]/"), LIVE, never)).toMatchObject({ ok: false });
  });

  it("reports a host that does not resolve", async () => {
    const nx: Lookup = async () => {
      throw Object.assign(new Error("nx"), { code: "ENOTFOUND" });
    };
    expect(await checkDestination(new URL("https://nowhere.invalid/"), LIVE, nx)).toEqual({
      ok: false,
      reason: "the host nowhere.invalid could not be resolved (ENOTFOUND)",
    });
  });

  it("lets test mode use http://localhost but not the metadata service", async () => {
    expect(await checkDestination(new URL("http://localhost:4000/hook"), TEST, resolvesTo("::1", "127.0.0.1"))).toMatchObject({ ok: true });
    expect(await checkDestination(new URL("http://169.254.169.254/latest/meta-data"), TEST)).toMatchObject({ ok: false });
  });

  it("holds test mode to the public internet where private targets are never allowed, http still allowed", async () => {
    expect(await checkDestination(new URL("http://localhost:4000/hook"), SHARED_TEST, resolvesTo("::1", "127.0.0.1"))).toEqual({
      ok: false,
      reason: "the host localhost resolves to a loopback address (::1); test endpoints on this install must be reachable on the public internet",
    });
    expect(await checkDestination(new URL("http://10.1.2.3/hook"), SHARED_TEST)).toMatchObject({ ok: false });
    expect(await checkDestination(new URL("http://169.254.169.254/"), SHARED_TEST)).toEqual({
      ok: false,
      reason: "169.254.169.254 is a cloud metadata address; webhooks are never sent there",
    });
    expect(await checkDestination(new URL("http://shop.example/hook"), SHARED_TEST, resolvesTo("1.1.1.1"))).toMatchObject({ ok: true });
  });
});
