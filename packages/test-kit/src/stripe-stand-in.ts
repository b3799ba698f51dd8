import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** The card Stripe's test mode declines; any other payment method succeeds. */
export const DECLINED_CARD = 'pm_card_chargeDeclined';
export const GOOD_CARD = 'pm_card_visa';
/** The card whose bank asks the buyer to confirm (3-D Secure): its intent requires_action. */
export const THREE_D_SECURE_CARD = 'pm_card_threeDSecure2Required';

export interface StandInCharge {
  id: string;
  amount: number;
  currency: string;
  paymentMethod: string;
  metadata: Record<string, string>;
  idempotencyKey: string | undefined;
  status: 'succeeded' | 'requires_payment_method' | 'requires_action' | 'canceled';
  clientSecret?: string;
}

export interface StandInRefund {
  id: string;
  paymentIntent: string;
  idempotencyKey: string | undefined;
}

/**
 * Stripe's test card numbers, as a buyer types them into the Payment Element, and the test
 * PaymentMethod each becomes (what Stripe's test mode does with them).
 */
export const TEST_CARD_NUMBERS: Readonly<Record<string, string>> = {
  '4242424242424242': GOOD_CARD,
  '4000000000000002': DECLINED_CARD,
  '4000002760003184': THREE_D_SECURE_CARD,
};

export interface StripeStandIn {
  url: string;
  secretKey: string;
  /**
   * The key a browser's Stripe.js sends (`key`): it may only turn a card into a PaymentMethod
   * and answer the bank's challenge of an intent whose client secret it holds, as at Stripe.
   */
  publishableKey: string;
  webhookSecret: string;
  /** Every PaymentIntent created (a replayed idempotency key creates none). */
  charges: StandInCharge[];
  refunds: StandInRefund[];
  /** Every request received, replays included. */
  requests: number;
  /** Charge, then drop the connection without answering, as if our process died meanwhile. */
  dropResponses: boolean;
  /** Wait this long before answering a charge. */
  delayMs: number;
  /** A signed Stripe webhook about a charge, as Stripe would send it. */
  webhook(
    type: 'payment_intent.succeeded' | 'payment_intent.payment_failed',
    charge: StandInCharge,
  ): { payload: string; signature: string };
  /** Where confirmAction and failAction send their webhooks (the gateway's /webhooks/stripe). */
  webhookUrl: string;
  /**
   * The buyer confirms with the bank (what Stripe.js does in the browser): the intent succeeds
   * and Stripe sends the signed payment_intent.succeeded webhook. Answers the webhook's HTTP status.
   */
  confirmAction(charge: StandInCharge): Promise<number>;
  /** The bank refuses the confirmation: payment_intent.payment_failed is sent. */
  failAction(charge: StandInCharge): Promise<number>;
  close(): Promise<void>;
}

function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

function metadataOf(form: Record<string, string>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match?.[1]) metadata[match[1]] = value;
  }
  return metadata;
}

function intentJson(charge: StandInCharge) {
  return {
    id: charge.id,
    object: 'payment_intent',
    amount: charge.amount,
    currency: charge.currency,
    status: charge.status,
    payment_method: charge.paymentMethod,
    metadata: charge.metadata,
    client_secret: charge.clientSecret ?? null,
    next_action: charge.status === 'requires_action' ? { type: 'use_stripe_sdk', use_stripe_sdk: {} } : null,
    last_payment_error:
      charge.status === 'requires_payment_method'
        ? { message: 'Your card was declined.', code: 'card_declined' }
        : null,
  };
}

/**
 * A local stand-in for the parts of Stripe's API we use (Stripe itself is out of reach from
 * our machines): PaymentIntents created and confirmed at once, refunds, idempotency keys
 * honoured as Stripe honours them (same key, same answer, no second charge), and webhooks
 * signed the way Stripe signs them.
 */
export async function startStripeStandIn(): Promise<StripeStandIn> {
  const secretKey = `sk_test_standin_${randomBytes(8).toString('hex')}`;
  const publishableKey = `pk_test_standin_${randomBytes(8).toString('hex')}`;
  const webhookSecret = `whsec_standin_${randomBytes(8).toString('hex')}`;
  const answered = new Map<string, { status: number; body: unknown }>();
  const stripe = new Stripe(secretKey);

  const standIn: StripeStandIn = {
    url: '',
    secretKey,
    publishableKey,
    webhookSecret,
    charges: [],
    refunds: [],
    requests: 0,
    dropResponses: false,
    delayMs: 0,
    webhook: (type, charge) => {
      const payload = JSON.stringify({
        id: `evt_${randomBytes(8).toString('hex')}`,
        object: 'event',
        type,
        created: Math.floor(Date.now() / 1000),
        data: { object: intentJson(charge) },
      });
      return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }) };
    },
    webhookUrl: '',
    confirmAction: (charge) => settleAction(charge, 'succeeded'),
    failAction: (charge) => settleAction(charge, 'requires_payment_method'),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function settleAction(charge: StandInCharge, status: 'succeeded' | 'requires_payment_method') {
    if (charge.status !== 'requires_action')
      throw new Error(`intent ${charge.id} is ${charge.status}, not requires_action`);
    charge.status = status;
    const event = status === 'succeeded' ? 'payment_intent.succeeded' : 'payment_intent.payment_failed';
    const { payload, signature } = standIn.webhook(event, charge);
    const response = await fetch(standIn.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    return response.status;
  }

  function charge(form: Record<string, string>, idempotencyKey: string | undefined) {
    const paymentMethod = form.payment_method ?? '';
    const id = `pi_${randomBytes(10).toString('hex')}`;
    const created: StandInCharge = {
      id,
      clientSecret: `${id}_secret_${randomBytes(8).toString('hex')}`,
      amount: Number(form.amount),
      currency: form.currency ?? '',
      paymentMethod,
      metadata: metadataOf(form),
      idempotencyKey,
      status:
        paymentMethod === DECLINED_CARD
          ? 'requires_payment_method'
          : paymentMethod === THREE_D_SECURE_CARD
            ? 'requires_action'
            : 'succeeded',
    };
    standIn.charges.push(created);
    if (created.status !== 'requires_payment_method') return { status: 200, body: intentJson(created) };
    return {
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
          payment_intent: intentJson(created),
        },
      },
    };
  }

  /** The intent as it is now (a replayed create answers as it was then, as Stripe does). */
  function retrieve(url: string) {
    const id = url.slice('/v1/payment_intents/'.length).split('?')[0];
    const found = standIn.charges.find((charge) => charge.id === id);
    if (found) return { status: 200, body: intentJson(found) };
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', message: `No such payment_intent: '${id}'` } },
    };
  }

  /** Only an intent still waiting (for the buyer or a card) can be cancelled, as at Stripe. */
  function cancel(url: string) {
    const id = url.split('/')[3];
    const found = standIn.charges.find((charge) => charge.id === id);
    if (!found) return retrieve(`/v1/payment_intents/${id}`);
    if (found.status !== 'requires_action' && found.status !== 'requires_payment_method') {
      const message = `You cannot cancel this PaymentIntent because it has a status of ${found.status}.`;
      return {
        status: 400,
        body: { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message } },
      };
    }
    found.status = 'canceled';
    return { status: 200, body: intentJson(found) };
  }

  function refund(form: Record<string, string>, idempotencyKey: string | undefined) {
    const created = {
      id: `re_${randomBytes(10).toString('hex')}`,
      paymentIntent: form.payment_intent ?? '',
      idempotencyKey,
    };
    standIn.refunds.push(created);
    return {
      status: 200,
      body: { id: created.id, object: 'refund', payment_intent: created.paymentIntent, status: 'succeeded' },
    };
  }

  /** `POST /v1/payment_methods` from Stripe.js: a test card number becomes its test PaymentMethod. */
  function paymentMethod(form: Record<string, string>) {
    const number = (form['card[number]'] ?? '').replace(/\D/g, '');
    const id = TEST_CARD_NUMBERS[number];
    if (!id) {
      return {
        status: 402,
        body: { error: { type: 'card_error', code: 'incorrect_number', message: 'Your card number is incorrect.' } },
      };
    }
    return {
      status: 200,
      body: { id, object: 'payment_method', type: 'card', card: { brand: 'visa', last4: number.slice(-4) } },
    };
  }

  /**
   * `POST /v1/payment_intents/:id/authenticate` from the Stripe.js stand-in's challenge window:
   * the buyer completes (`outcome=complete`) or fails the bank's 3-D Secure check, Stripe sends
   * its webhook, and the intent is answered as it now stands.
   */
  async function authenticate(url: string, form: Record<string, string>) {
    const id = url.split('/')[3];
    const found = standIn.charges.find((charge) => charge.id === id);
    if (!found || found.clientSecret !== form.client_secret) {
      return {
        status: 404,
        body: { error: { type: 'invalid_request_error', message: `No such payment_intent: '${id}'` } },
      };
    }
    if (found.status !== 'requires_action') {
      const message = `This PaymentIntent's status is ${found.status}; no action is required.`;
      return {
        status: 400,
        body: { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message } },
      };
    }
    // A webhook that does not arrive is Stripe's to retry; the buyer's answer stands regardless.
    await settleAction(found, form.outcome === 'complete' ? 'succeeded' : 'requires_payment_method').catch(
      () => undefined,
    );
    return { status: 200, body: intentJson(found) };
  }

  /** What a browser may ask with the publishable key; null for every other route. */
  async function browserAnswer(method: string | undefined, url: string, form: Record<string, string>) {
    if (method === 'POST' && url === '/v1/payment_methods') return paymentMethod(form);
    if (method === 'POST' && /^\/v1\/payment_intents\/[^/]+\/authenticate$/.test(url)) return authenticate(url, form);
    return null;
  }

  const server = http.createServer(async (req, res) => {
    standIn.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Stripe's API answers browsers of any origin (CORS); Stripe.js posts forms, so no preflight.
    const form = parseForm(Buffer.concat(chunks).toString('utf8'));
    if (form.key !== undefined) {
      const answer =
        form.key === publishableKey
          ? await browserAnswer(req.method, req.url ?? '', form)
          : { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API key' } } };
      res.writeHead(answer?.status ?? 404, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
      });
      const missing = { error: { type: 'invalid_request_error', message: `No such route ${req.method} ${req.url}` } };
      res.end(JSON.stringify(answer?.body ?? missing));
      return;
    }
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API key' } }));
      return;
    }
    const key = req.headers['idempotency-key'] as string | undefined;
    const route = `${req.method} ${req.url}`;
    let answer = key ? answered.get(`${route} ${key}`) : undefined;
    if (!answer) {
      if (route === 'POST /v1/payment_intents') answer = charge(form, key);
      else if (req.method === 'GET' && req.url?.startsWith('/v1/payment_intents/')) answer = retrieve(req.url);
      else if (req.method === 'POST' && /^\/v1\/payment_intents\/[^/]+\/cancel$/.test(req.url ?? '')) {
        answer = cancel(req.url!);
      } else if (route === 'POST /v1/refunds') answer = refund(form, key);
      else
        answer = { status: 404, body: { error: { type: 'invalid_request_error', message: `No such route ${route}` } } };
      if (key && req.method === 'POST') answered.set(`${route} ${key}`, answer);
    }
    if (route === 'POST /v1/payment_intents') {
      if (standIn.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, standIn.delayMs));
      if (standIn.dropResponses) {
        req.socket.destroy();
        return;
      }
    }
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'request-id': `req_${randomBytes(6).toString('hex')}`,
    });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}
