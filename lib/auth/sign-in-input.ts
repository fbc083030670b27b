// The sign-in form's rules, shared by the form and its action.
import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Enter your password.').max(256, 'The password can be at most 256 characters.'),
  // Only same-site paths, so the form can't be used to bounce someone to another site.
  next: z
    .string()
    .optional()
    .transform((value) => (value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/')),
});
