// Placeholder body for dashboard sections that later issues build.

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-slate-600">{description}</p>
      <p className="mt-4 inline-block rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">Coming soon.</p>
    </section>
  );
}
