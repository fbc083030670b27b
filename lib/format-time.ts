// Times as the dashboard shows them: UTC to the minute, so every page and every viewer reads the same clock.

/** Unix seconds (Stripe's `created`, `due_by`, …) as `YYYY-MM-DD HH:MM UTC`. */
export const formatUnixMinute = (seconds: number): string => `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
