import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";

// The lightest page of this build, for `npm run bench` to weigh the checkout page against.
export default async function BlankPage() {
  await connection();
  if (env().KASSA_BENCH !== "1") notFound();
  return <main />;
}
