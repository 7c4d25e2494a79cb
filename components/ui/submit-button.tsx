import { buttonClass } from "./button";

/**
 * A form's submit button. Once the form is on its way, the page's script shows `pendingLabel`
 * and ignores further taps (lib/checkout/enhance/forms.ts), so a double tap cannot send it twice.
 */
export function SubmitButton({ children, pendingLabel, variant = "primary", name, value }: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: keyof typeof buttonClass;
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" name={name} value={value} data-pending-label={pendingLabel} className={buttonClass[variant]}>
      {children}
    </button>
  );
}
