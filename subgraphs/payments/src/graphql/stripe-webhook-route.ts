import { readBody, sendJson, type Logger, type Route } from '@stuffmart/common';
import { reconcileWebhook } from '../domain/reconcile-webhook.js';
import type { PaymentsDeps } from '../domain/payments-deps.js';

/**
 * POST /webhooks/stripe, forwarded by the gateway with the raw body (the signature covers the
 * exact bytes). A missing or bad signature changes nothing and answers 400.
 */
export function stripeWebhookRoute(deps: PaymentsDeps, logger: Logger): Route {
  return async (req, res) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Method not allowed' });
    const body = await readBody(req);
    const signature = req.headers['stripe-signature'];
    let event;
    try {
      if (!deps.stripe) throw new Error('Stripe is not configured');
      event = deps.stripe.verifyWebhook(body, Array.isArray(signature) ? signature[0] : signature);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'rejected a Stripe webhook');
      return sendJson(res, 400, { error: 'Invalid signature' });
    }
    await reconcileWebhook(deps, event, logger);
    sendJson(res, 200, { received: true });
  };
}
