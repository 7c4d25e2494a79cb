"use client";

import { useFormStatus } from "react-dom";
import { buttonClass } from "./button";

/** Disabled while its form's action runs, so a double tap cannot send it twice. */
export function SubmitButton({ children, pendingLabel, variant = "primary", name, value }: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: keyof typeof buttonClass;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={buttonClass[variant]}>
      {pending ? pendingLabel : children}
    </button>
  );
}
