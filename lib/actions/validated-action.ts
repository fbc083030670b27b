// `validatedAction(options, handler)`: the one wrapper every server action is written with.
import 'server-only';
import { currentUser } from '@/lib/auth/require-role';
import { makeValidatedAction } from './make-validated-action';

export const validatedAction = makeValidatedAction({ getUser: currentUser });
export type { FormAction } from './make-validated-action';
