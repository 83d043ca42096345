// Plain values about saved progress that need no validation code, so the first page load can use
// them without zod (schema.ts holds the schemas).
import type { Progress } from './schema';

export const emptyProgress = (): Progress => ({ version: 1, exercises: {} });
