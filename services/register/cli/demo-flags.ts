import { z } from 'zod';
import { IsoDate } from '../../../events/values.js';
import { DEFAULT_UNTIL } from '../demo/population.js';
import { UsageError, type Invocation } from './command.js';

export const MAX_DEMO_RESIDENTS = 5_000_000;

/** The flags of `register demo`, parsed at the edge (decision 9): each error names its flag. */
const DemoFlags = z.object({
  residents: z
    .string({ error: 'is required: how many residents to generate' })
    .regex(/^\d+$/, `must be a whole number from 1 to ${MAX_DEMO_RESIDENTS.toLocaleString('en')}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_DEMO_RESIDENTS, `must be a whole number from 1 to ${MAX_DEMO_RESIDENTS.toLocaleString('en')}`),
  seed: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').default('1'),
  until: IsoDate.refine((d) => d >= '2024-01-01' && d <= '2040-12-31', 'must be a date from 2024-01-01 to 2040-12-31').default(DEFAULT_UNTIL),
});
export type DemoFlags = z.infer<typeof DemoFlags>;

export const parseDemoFlags = ({ values, positionals }: Invocation): DemoFlags => {
  if (positionals.length > 0) throw new UsageError(`demo takes no arguments, got '${positionals.join(' ')}'`);
  const parsed = DemoFlags.safeParse({ residents: values.residents, seed: values.seed, until: values.until });
  if (parsed.success) return parsed.data;
  throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
};
