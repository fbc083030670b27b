// Prisma's P2002: a row with the same unique key already exists — a concurrent or repeated write that got there first.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
