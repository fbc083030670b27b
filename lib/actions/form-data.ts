// FormData → a plain object zod can parse: `name[]` fields become arrays, Next's own fields are dropped.

export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (typeof value !== 'string' || rawKey.startsWith('$ACTION')) continue;
    if (rawKey.endsWith('[]')) {
      const key = rawKey.slice(0, -2);
      const list = result[key];
      result[key] = Array.isArray(list) ? [...list, value] : [value];
    } else {
      result[rawKey] = value;
    }
  }
  return result;
}

/** Zod issue paths → "field" or "field.0.key" → first message for that path. */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || 'form';
    errors[path] ??= issue.message;
  }
  return errors;
}
