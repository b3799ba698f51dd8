import { sql, type Migration } from 'kysely';

/**
 * Refunds become requests, written in the transaction that decides them and carried out by
 * the refunder afterwards, so no lock is held while Stripe is called and a Stripe outage only
 * delays them. Replaces `refunds`, which called Stripe inside the deciding transaction.
 */
export const createRefundRequests: Migration = {
  async up(db) {
    await sql`
      CREATE TABLE refund_requests (
        payment_intent text PRIMARY KEY,
        payment_id uuid REFERENCES payments (id),
        amount_cents integer NOT NULL,
        reason text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        next_try_at timestamptz NOT NULL DEFAULT now(),
        failures integer NOT NULL DEFAULT 0,
        refunded_at timestamptz,
        provider_ref text
      )`.execute(db);
    await sql`CREATE INDEX refund_requests_due ON refund_requests (next_try_at) WHERE refunded_at IS NULL`.execute(db);
    await sql`DROP TABLE refunds`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE refund_requests`.execute(db);
  },
};
