'use client';
// While a quote's or invoice's webhook is on the way, re-reads the page every second (for a while) so what Stripe
// confirms shows up without a manual reload.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const POLL_MS = 1000;
const MAX_POLLS = 60;

export function AwaitingWebhook({ isWaiting, message }: { isWaiting: boolean; message: string }) {
  const router = useRouter();
  useEffect(() => {
    if (!isWaiting) return;
    let polls = 0;
    const timer = setInterval(() => {
      polls += 1;
      if (polls > MAX_POLLS) clearInterval(timer);
      else router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [isWaiting, router]);
  return isWaiting ? (
    <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
      {message}
    </p>
  ) : null;
}
