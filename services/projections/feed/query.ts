import { z } from 'zod';

export const MAX_WAIT_SECONDS = 30;
export const MAX_LIMIT = 1000;

const wholeNumber = (name: string, max: number) =>
  z.string()
    .regex(/^\d{1,15}$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n <= max, `${name} must be at most ${max}`);

/** `GET /feed` query parameters; every other parameter is refused so that a typo is not ignored. */
export const FeedQuery = z.strictObject({
  after: wholeNumber('after', Number.MAX_SAFE_INTEGER).optional(),
  limit: wholeNumber('limit', MAX_LIMIT).refine((n) => n >= 1, 'limit must be at least 1').optional(),
  wait: wholeNumber('wait', MAX_WAIT_SECONDS).optional(),
});
export type FeedQuery = z.infer<typeof FeedQuery>;
