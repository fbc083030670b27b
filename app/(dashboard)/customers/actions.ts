'use server';
// Customer server actions: create (then open the new customer) and update.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/actions/validated-action';
import { createCustomer } from '@/lib/customers/create-customer';
import { createCustomerSchema, updateCustomerSchema } from '@/lib/customers/customer-input';
import type { CustomerView } from '@/lib/customers/customer-view';
import { updateCustomer } from '@/lib/customers/update-customer';

export const createCustomerAction = validatedAction(
  { name: 'create-customer', permission: 'customers:create', schema: createCustomerSchema },
  async (input, { user }): Promise<CustomerView> => {
    const customer = await createCustomer({ ...input, actor: user });
    revalidatePath('/customers');
    redirect(`/customers/${customer.id}?created=1`);
  },
);

export const updateCustomerAction = validatedAction(
  { name: 'update-customer', permission: 'customers:update', schema: updateCustomerSchema },
  async (input, { user }): Promise<CustomerView> => {
    const customer = await updateCustomer({ ...input, actor: user });
    revalidatePath('/customers');
    revalidatePath(`/customers/${customer.id}`);
    return customer;
  },
);
