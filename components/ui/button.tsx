export const buttonClass = {
  primary:
    "inline-flex w-full items-center justify-center rounded-md bg-brand px-4 py-3 text-base font-semibold text-on-brand " +
    "hover:opacity-90 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60 aria-disabled:opacity-60",
  secondary:
    "inline-flex items-center justify-center rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-900 ring-1 ring-slate-400 " +
    "hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-slate-900 aria-disabled:opacity-60",
} as const;
