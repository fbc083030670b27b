// The dashboard's navigation: each item names the permission that shows it.
import { can, type Permission, type Role } from '@/lib/auth/permissions';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', permission: 'overview:view' },
  { href: '/payments', label: 'Payments', permission: 'payments:view' },
  { href: '/customers', label: 'Customers', permission: 'customers:view' },
  { href: '/disputes', label: 'Disputes', permission: 'disputes:view' },
  { href: '/quotes', label: 'Quotes', permission: 'quotes:view' },
  { href: '/credit-notes', label: 'Credit notes', permission: 'credit-notes:view' },
  { href: '/setup-diagnostics', label: 'Setup diagnostics', permission: 'setup-diagnostics:view' },
  { href: '/connect', label: 'Connect', permission: 'connect:view' },
  { href: '/events', label: 'Events', permission: 'events:view' },
  { href: '/audit', label: 'Audit', permission: 'audit:view' },
  { href: '/settings', label: 'Settings', permission: 'settings:view' },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
