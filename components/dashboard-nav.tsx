'use client';
// The dashboard's navigation: a sidebar on wide screens, a toggled menu on narrow ones.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';

export interface NavLink {
  href: string;
  label: string;
}

function isCurrent(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function DashboardNav({ items }: { items: NavLink[] }) {
  const pathname = usePathname();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <nav aria-label="Main" className="md:w-56 md:shrink-0">
      <button
        type="button"
        className="m-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm md:hidden"
        aria-expanded={isOpen}
        aria-controls="main-nav-list"
        onClick={() => setIsOpen((open) => !open)}
      >
        Menu
      </button>
      <ul id="main-nav-list" className={`${isOpen ? 'block' : 'hidden'} space-y-1 p-2 md:block`}>
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                onClick={() => setIsOpen(false)}
                className={`block rounded-md px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  current ? 'bg-indigo-50 font-semibold text-indigo-800' : 'text-slate-700 hover:bg-slate-100'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
