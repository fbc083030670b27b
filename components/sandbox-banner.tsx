// The banner that says the app is talking to the local Stripe sandbox, not real Stripe.

export function SandboxBanner() {
  return (
    <div role="note" aria-label="Test mode" className="bg-amber-300 px-4 py-2 text-center text-sm font-medium text-amber-950">
      Test mode — connected to the Paydesk Stripe sandbox
    </div>
  );
}
