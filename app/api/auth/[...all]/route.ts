// better-auth's HTTP endpoints (session, sign-in, sign-out); sign-up is disabled in lib/auth/auth.ts.
import { auth } from '@/lib/auth/auth';

export async function GET(request: Request): Promise<Response> {
  return auth().handler(request);
}

export async function POST(request: Request): Promise<Response> {
  return auth().handler(request);
}
