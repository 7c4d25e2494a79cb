// Runs once when a Next.js server process starts: migrate, seed, start background jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit } = await import("@/lib/boot-or-exit");
  await bootOrExit();
}
