'use client';
// <Elements> over Stripe.js as lib/stripe/browser.ts configures it: the sandbox's stand-in is put on the page first
// (loadStripe from /pure then reuses window.Stripe); otherwise loadStripe fetches real Stripe.js.
import { Elements } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { useState } from 'react';
import type { StripeBrowserConfig } from '@/lib/stripe/browser';

const loaded = new Map<string, Promise<Stripe | null>>();

function loadScript(url: string): Promise<void> {
  if ('Stripe' in window) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`Could not load Stripe.js from ${url}`)));
    document.head.appendChild(script);
  });
}

function stripeFor(config: StripeBrowserConfig): Promise<Stripe | null> {
  const key = `${config.standInScriptUrl ?? 'stripe'}|${config.publishableKey}`;
  let promise = loaded.get(key);
  if (!promise) {
    const standIn = config.standInScriptUrl;
    promise = (standIn ? loadScript(standIn) : Promise.resolve()).then(() => loadStripe(config.publishableKey));
    loaded.set(key, promise);
  }
  return promise;
}

export function StripeElementsProvider(props: { config: StripeBrowserConfig; clientSecret: string; children: React.ReactNode }) {
  const [stripePromise] = useState(() => stripeFor(props.config));
  return (
    <Elements stripe={stripePromise} options={{ clientSecret: props.clientSecret }}>
      {props.children}
    </Elements>
  );
}
