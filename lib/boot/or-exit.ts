/**
 * A server that cannot read its configuration or reach its database stops with the reason.
 * Nothing here reads the environment at import time, so the import itself cannot throw.
 */
export async function bootOrExit(): Promise<void> {
  try {
    const { bootServer } = await import("./boot");
    await bootServer();
  } catch (err) {
    process.stderr.write(`\nKassa cannot start: ${err instanceof Error ? err.message : String(err)}\n\n`);
    process.exit(1);
  }
}
