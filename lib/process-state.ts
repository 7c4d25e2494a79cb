/**
 * State that must exist once per process, not once per module copy. Next.js bundles the
 * proxy, the route handlers, instrumentation and the pages separately (and `next dev`
 * reloads modules on every change), so a module-level `let` exists once per bundle: PGlite,
 * which cannot be opened twice, would be; a test clock moved by one route would not move for
 * another; the boot would run twice. Every such piece of state goes through here, under a
 * name of its own, so that the list of them is one grep away.
 */
type Slot<T> = { value?: T };

const slots: Map<string, Slot<unknown>> = ((globalThis as { __kassa?: Map<string, Slot<unknown>> }).__kassa ??= new Map());

/** The process's one slot named `name`; it holds nothing until someone sets it. */
export function processState<T>(name: string): Slot<T> {
  let slot = slots.get(name);
  if (!slot) slots.set(name, (slot = {}));
  return slot as Slot<T>;
}
