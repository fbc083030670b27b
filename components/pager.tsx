// Newer/older links under a list; a link is left out when there is nothing on that side.
import Link from 'next/link';

const LINK_STYLE = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm';

export function Pager({ newer, older }: { newer?: { href: string; label: string } | null; older?: string | null }) {
  return (
    <nav aria-label="Pagination" className="flex gap-2">
      {newer ? (
        <Link href={newer.href} className={LINK_STYLE}>
          {newer.label}
        </Link>
      ) : null}
      {older ? (
        <Link href={older} className={LINK_STYLE}>
          Older
        </Link>
      ) : null}
    </nav>
  );
}
