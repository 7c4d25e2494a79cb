import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

const secretSlot = processState<string>("secret");
const SECRET_FILE = "kassa-secret";

/**
 * The server secret that keys card fingerprints. KASSA_SECRET when set. Otherwise, on the
 * embedded database only, one generated on first use and kept beside the data (mode 0600)
 * so fingerprints stay stable across restarts. PostgreSQL installs must set KASSA_SECRET:
 * every instance needs the same one, and keeping it inside the database would hand it to
 * whoever holds a dump of the fingerprints.
 */
export function serverSecret(): string {
  if (secretSlot.value) return secretSlot.value;
  const configured = env().KASSA_SECRET;
  if (configured) return (secretSlot.value = configured);
  const url = env().DATABASE_URL;
  if (url) {
    if (url.startsWith("postgres")) {
      throw new Error("KASSA_SECRET is required with DATABASE_URL=postgres://… (32 characters or more, the same in every instance).");
    }
    // memory:// is a throwaway database: a throwaway secret fits it.
    return (secretSlot.value = randomBytes(32).toString("base64url"));
  }
  const dir = dataDir();
  const file = path.join(dir, SECRET_FILE);
  try {
    secretSlot.value = fs.readFileSync(file, "utf8").trim();
  } catch {
    const fresh = randomBytes(32).toString("base64url");
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
      secretSlot.value = fresh;
    } catch {
      secretSlot.value = fs.readFileSync(file, "utf8").trim();
    }
  }
  return secretSlot.value!;
}
