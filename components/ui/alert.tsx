type AlertProps = {
  tone: "error" | "info" | "success";
  title?: string;
  children?: React.ReactNode;
  live?: boolean;
  id?: string;
  /** Takes the focus when the page loads (the page's script): where a keyboard user goes next. */
  focus?: boolean;
};

const TONES = {
  error: "bg-red-50 text-red-900 ring-red-200",
  info: "bg-slate-50 text-slate-900 ring-slate-200",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
} as const;

/** A message box; `live` makes screen readers announce it as soon as it appears. */
export function Alert({ tone, title, children, live, id, focus }: AlertProps) {
  return (
    <div
      id={id}
      role={live ? (tone === "error" ? "alert" : "status") : undefined}
      tabIndex={focus ? -1 : undefined}
      data-focus={focus ? "" : undefined}
      className={`rounded-lg p-3 ring-1 focus:outline-3 focus:outline-offset-2 focus:outline-slate-900 ${TONES[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1 text-sm" : "text-sm"}>{children}</div> : null}
    </div>
  );
}
