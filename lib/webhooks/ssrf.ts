import dns from "node:dns";
import net from "node:net";

/**
 * Where a webhook may be sent (SPEC 5). A live endpoint must reach the public internet: an
 * address on this machine, this network or the cloud's metadata service is refused, both when
 * the endpoint is saved and again before each send, since DNS can change in between.
 */
export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "metadata"
  | "unspecified"
  | "multicast"
  | "reserved";

type Rule = { base: bigint; bits: number; kind: Exclude<AddressClass, "public"> };

const V4_RULES: Rule[] = [
  // Cloud metadata services, before the wider ranges that hold them.
  ["169.254.169.254/32", "metadata"], // AWS, GCP, Azure, DigitalOcean, OpenStack
  ["100.100.100.200/32", "metadata"], // Alibaba Cloud
  ["192.0.0.192/32", "metadata"], // Oracle Cloud
  ["0.0.0.0/8", "unspecified"],
  ["127.0.0.0/8", "loopback"],
  ["10.0.0.0/8", "private"],
  ["172.16.0.0/12", "private"],
  ["192.168.0.0/16", "private"],
  ["100.64.0.0/10", "private"], // carrier-grade NAT
  ["169.254.0.0/16", "link-local"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "reserved"],
  ["192.88.99.0/24", "reserved"],
  ["198.18.0.0/15", "reserved"],
  ["198.51.100.0/24", "reserved"],
  ["203.0.113.0/24", "reserved"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"], // and 255.255.255.255
].map(([cidr, kind]) => rule(cidr as string, kind as Rule["kind"], 4));

const V6_RULES: Rule[] = [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["fd00:ec2::254/128", "metadata"], // AWS over IPv6
  ["::/96", "reserved"], // IPv4-compatible, deprecated
  ["64:ff9b:1::/48", "private"], // local-use NAT64
  ["100::/64", "reserved"], // discard
  ["2001::/32", "reserved"], // Teredo: the IPv4 inside is obfuscated, so refuse it whole
  ["2001:10::/28", "reserved"],
  ["2001:20::/28", "reserved"],
  ["2001:db8::/32", "reserved"],
  ["fc00::/7", "private"], // unique local
  ["fe80::/10", "link-local"],
  ["fec0::/10", "private"], // site-local, deprecated
  ["ff00::/8", "multicast"],
].map(([cidr, kind]) => rule(cidr as string, kind as Rule["kind"], 6));

// IPv6 ranges that carry an IPv4 address: judged by the IPv4 address inside.
const V4_CARRIERS: { base: bigint; bits: number; shift: bigint }[] = [
  { ...prefix("::ffff:0:0/96", 6), shift: 0n }, // IPv4-mapped
  { ...prefix("::ffff:0:0:0/96", 6), shift: 0n }, // IPv4-translated
  { ...prefix("64:ff9b::/96", 6), shift: 0n }, // NAT64
  { ...prefix("2002::/16", 6), shift: 80n }, // 6to4
];

function prefix(cidr: string, family: 4 | 6) {
  const [addr, bits] = cidr.split("/");
  const base = family === 4 ? v4ToBigInt(addr!) : v6ToBigInt(addr!);
  if (base === null) throw new Error(`bad rule ${cidr}`);
  return { base, bits: Number(bits) };
}

function rule(cidr: string, kind: Rule["kind"], family: 4 | 6): Rule {
  return { ...prefix(cidr, family), kind };
}

function inRange(value: bigint, base: bigint, bits: number, width: number): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === base >> shift;
}

function v4ToBigInt(ip: string): bigint | null {
  if (!net.isIPv4(ip)) return null;
  return ip.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBigInt(input: string): bigint | null {
  const ip = input.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!net.isIPv6(ip)) return null;
  let groups: string[];
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = v4ToBigInt(dotted[1]!)!;
    text = text.slice(0, -dotted[1]!.length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  if (tail === undefined) {
    groups = head!.split(":");
  } else {
    const h = head ? head.split(":") : [];
    const t = tail ? tail.split(":") : [];
    groups = [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  }
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** What kind of address `ip` is; anything that is not a plain IP address is "reserved". */
export function classifyAddress(ip: string): AddressClass {
  const v4 = v4ToBigInt(ip);
  if (v4 !== null) return classifyV4(v4);
  const v6 = v6ToBigInt(ip);
  if (v6 === null) return "reserved";
  for (const c of V4_CARRIERS) {
    if (inRange(v6, c.base, c.bits, 128)) return classifyV4((v6 >> c.shift) & 0xffffffffn);
  }
  return V6_RULES.find((r) => inRange(v6, r.base, r.bits, 128))?.kind ?? "public";
}

function classifyV4(value: bigint): AddressClass {
  return V4_RULES.find((r) => inRange(value, r.base, r.bits, 32))?.kind ?? "public";
}

/**
 * Live endpoints reach only the public internet. Test endpoints may also point at the
 * merchant's own machine or network while they develop, where the install allows it
 * (`WEBHOOK_PRIVATE_TARGETS=test`: a developer's own Kassa; on a shared install that would
 * let any merchant reach the host's network), but never at link-local or metadata addresses,
 * which no development setup needs and which would expose the host's cloud credentials.
 */
export function allowedFor(kind: AddressClass, publicOnly: boolean): boolean {
  if (publicOnly) return kind === "public";
  return kind !== "metadata" && kind !== "link-local" && kind !== "unspecified" && kind !== "multicast";
}

const DESCRIBE: Record<Exclude<AddressClass, "public">, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  "link-local": "a link-local address",
  metadata: "a cloud metadata address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

/** Whose endpoint it is, and whether this install lets test endpoints reach private addresses. */
export type TargetRules = { livemode: boolean; privateTargets: "test" | "never" };

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: Lookup = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export type Destination =
  | { ok: true; hostname: string; addresses: ResolvedAddress[] }
  | { ok: false; reason: string };

/** The URL's host as `URL` gives it, without the brackets around an IPv6 literal. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/**
 * Resolves the URL's host and checks every address it resolves to (one bad answer among good
 * ones is enough to refuse: the connection could land on it). The addresses returned are the
 * ones to connect to, so that nothing is resolved again between the check and the request.
 */
export async function checkDestination(url: URL, rules: TargetRules, lookup: Lookup = systemLookup): Promise<Destination> {
  const { livemode } = rules;
  const publicOnly = livemode || rules.privateTargets === "never";
  if (livemode && url.protocol !== "https:") return { ok: false, reason: "live endpoints must use https" };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "must use http or https" };
  const hostname = hostOf(url);
  const literal = net.isIP(hostname);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await lookup(hostname);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { ok: false, reason: `the host ${hostname} could not be resolved${code ? ` (${code})` : ""}` };
    }
    if (addresses.length === 0) return { ok: false, reason: `the host ${hostname} could not be resolved` };
  }
  for (const a of addresses) {
    const kind = classifyAddress(a.address);
    if (!allowedFor(kind, publicOnly)) {
      const what = literal ? `is ${DESCRIBE[kind as keyof typeof DESCRIBE]}` : `resolves to ${DESCRIBE[kind as keyof typeof DESCRIBE]} (${a.address})`;
      const rule = livemode
        ? "live endpoints must be reachable on the public internet"
        : allowedFor(kind, false)
          ? "test endpoints on this install must be reachable on the public internet"
          : "webhooks are never sent there";
      return { ok: false, reason: `${literal ? hostname : `the host ${hostname}`} ${what}; ${rule}` };
    }
  }
  return { ok: true, hostname, addresses };
}
