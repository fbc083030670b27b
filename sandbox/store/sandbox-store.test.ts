import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxStore } from './sandbox-store';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const customer = (id: string, name: string) => ({ id, object: 'customer', name }) as Stripe.Customer;

describe('SandboxStore', () => {
  it('reloads objects, deletions and resets from its journal', () => {
    const dir = freshDir();
    const first = new SandboxStore(dir);
    first.account('sk_test_a').put('customer', customer('cus_1', 'Ann'));
    first.account('sk_test_a').put('customer', customer('cus_2', 'Bob'));
    first.account('sk_test_a').remove('customer', 'cus_2');
    first.account('sk_test_b').put('customer', customer('cus_3', 'Cy'));
    first.resetAccount('sk_test_b');
    first.close();

    const second = new SandboxStore(dir);
    expect(second.account('sk_test_a').all('customer').map((c) => c.name)).toEqual(['Ann']);
    expect(second.account('sk_test_b').all('customer')).toEqual([]);
    second.close();
  });

  it('skips a torn last line left by a crash mid-write and compacts the journal at start', () => {
    const dir = freshDir();
    const first = new SandboxStore(dir);
    first.account('sk_test_a').put('customer', customer('cus_1', 'Ann'));
    first.account('sk_test_a').put('customer', customer('cus_1', 'Ann B'));
    first.close();
    appendFileSync(join(dir, 'journal.jsonl'), '{"k":"sk_test_a","put":"customer","o":{"id":"cus_');

    const second = new SandboxStore(dir);
    expect(second.account('sk_test_a').all('customer').map((c) => c.name)).toEqual(['Ann B']);
    second.close();
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
