import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and driver packages must stay outside the server bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', '@prisma/client'],
  poweredByHeader: false,
  typedRoutes: false,
  // The build checks the app's own code only; `npm test` typechecks everything (sandbox, tests, scripts).
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  // forbidden() answers 403 for pages a role may not see (lib/auth/require-role.ts).
  experimental: { authInterrupts: true },
};

export default nextConfig;
