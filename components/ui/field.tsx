type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }) => React.ReactNode;
  className?: string;
};

/** A labelled control with its hint and error, tied together for screen readers. */
export function Field({ id, label, hint, error, children, className }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={`space-y-1 ${className ?? ""}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
      {/* Always present, so script can fill it and screen readers hear it. */}
      <p id={`${id}-error`} data-error-for={id} className="text-sm font-medium text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}

export const inputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 placeholder:text-slate-500 " +
  "focus:border-slate-900 focus:outline-3 focus:outline-offset-1 focus:outline-slate-900 aria-invalid:border-red-700";
