import * as v from 'valibot';
import { IdSchema, pageEntries, strict } from '../contract/schemas';
import { WEBHOOK_DELIVERY_STATUSES } from './types';

export const MAX_WEBHOOK_URL_LENGTH = 2000;

export const RegisterWebhookEndpointInputSchema = strict({
  url: v.pipe(
    v.string('must be a string'),
    v.maxLength(MAX_WEBHOOK_URL_LENGTH, `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`),
    v.url('must be a URL'),
    v.check((url) => /^https?:$/.test(new URL(url).protocol), 'must be an http: or https: URL'),
    v.check((url) => new URL(url).username === '' && new URL(url).password === '', 'must not carry credentials'),
  ),
  description: v.optional(v.pipe(v.string('must be a string'), v.maxLength(200, 'must be at most 200 characters'), v.regex(/^[^\u0000-\u001f\u007f]*$/u, 'must not contain control characters'))),
});

export const ListWebhookEndpointsQuerySchema = strict(pageEntries);

export const ListWebhookDeliveriesQuerySchema = strict({
  ...pageEntries,
  endpointId: v.optional(IdSchema),
  status: v.optional(v.picklist(WEBHOOK_DELIVERY_STATUSES, `must be one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}`)),
});
