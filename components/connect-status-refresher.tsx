'use client';
// While Stripe's account.updated has not arrived, re-renders the page every couple of seconds, for a few minutes.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function ConnectStatusRefresher({ intervalMs = 2000, maxRefreshes = 90 }: { intervalMs?: number; maxRefreshes?: number }) {
  const router = useRouter();
  useEffect(() => {
    let refreshes = 0;
    const timer = setInterval(() => {
      refreshes += 1;
      if (refreshes > maxRefreshes) return clearInterval(timer);
      router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs, maxRefreshes]);
  return null;
}
