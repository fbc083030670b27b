'use client';
// While Stripe's account.updated has not arrived, re-renders the page every couple of seconds.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function ConnectStatusRefresher({ intervalMs = 2000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
