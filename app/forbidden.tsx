// What a signed-in user sees (with status 403) on a page their role may not open.
import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto mt-16 max-w-lg px-4">
      <h1 className="text-2xl font-semibold">403 — Not available to your role</h1>
      <p className="mt-2 text-slate-600">Your account doesn’t have access to this page. Ask an administrator if you need it.</p>
      <Link href="/" className="mt-4 inline-block text-indigo-700 underline">
        Back to the overview
      </Link>
    </main>
  );
}
