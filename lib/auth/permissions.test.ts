import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, navItemsFor } from '@/lib/navigation';
import { can, canRefund, ROLES } from './permissions';

const labels = (role: (typeof ROLES)[number]) => navItemsFor(role).map((item) => item.label);

describe('permissions', () => {
  it('lets an admin do everything the table names', () => {
    for (const item of NAV_ITEMS) expect(can('admin', item.permission)).toBe(true);
    expect(can('admin', 'customers:create')).toBe(true);
    expect(can('admin', 'settings:update')).toBe(true);
  });

  it('shows support every section except Audit and Settings, and Connect read-only', () => {
    expect(labels('support')).toEqual(['Overview', 'Payments', 'Customers', 'Disputes', 'Quotes', 'Credit notes', 'Setup diagnostics', 'Connect', 'Events']);
    expect(can('support', 'connect:view-accounts')).toBe(true);
    expect(can('support', 'connect:manage')).toBe(false);
  });

  it('shows a seller only the overview, payments and Connect onboarding', () => {
    expect(labels('seller')).toEqual(['Overview', 'Payments', 'Connect']);
  });

  it('lets support update customers but not create them', () => {
    expect(can('support', 'customers:update')).toBe(true);
    expect(can('support', 'customers:create')).toBe(false);
    expect(can('seller', 'customers:view')).toBe(false);
  });

  it('lets support refund up to the limit and not a minor unit more', () => {
    expect(canRefund('support', 50_000, 50_000)).toBe(true);
    expect(canRefund('support', 50_001, 50_000)).toBe(false);
  });

  it('lets an admin refund any amount and a seller none', () => {
    expect(canRefund('admin', 10_000_000, 50_000)).toBe(true);
    expect(canRefund('seller', 1, 50_000)).toBe(false);
  });

  it('refuses refunds of zero, negative or fractional amounts for everyone', () => {
    for (const amount of [0, -5, 10.5]) expect(canRefund('admin', amount, 50_000)).toBe(false);
  });
});
