import { sql, type Migration } from 'kysely';

export const createPaymentsTables: Migration = {
  async up(db) {
    await sql`
      CREATE TABLE order_copies (
        id uuid PRIMARY KEY,
        buyer_id uuid NOT NULL,
        stuff_id uuid NOT NULL,
        price_cents integer NOT NULL,
        currency text NOT NULL,
        status text NOT NULL,
        expires_at timestamptz NOT NULL,
        version integer NOT NULL
      )`.execute(db);
    await sql`
      CREATE TABLE coupons (
        code text PRIMARY KEY,
        percent_off integer NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
        max_redemptions integer NOT NULL CHECK (max_redemptions >= 1),
        -- the database, not a read-then-write check, keeps redemptions within bounds
        redemptions integer NOT NULL DEFAULT 0 CHECK (redemptions >= 0 AND redemptions <= max_redemptions),
        expires_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`
      CREATE TABLE payment_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        attempt_no integer NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        amount_cents integer NOT NULL,
        currency text NOT NULL,
        coupon_code text REFERENCES coupons (code),
        payment_method_id text,
        provider_ref text,
        failure_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, attempt_no)
      )`.execute(db);
    // One attempt in flight per order: a second payOrder at the same moment cannot start another.
    await sql`CREATE UNIQUE INDEX payment_attempts_one_pending ON payment_attempts (order_id) WHERE state = 'PENDING'`.execute(
      db,
    );
    await sql`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        attempt_id uuid NOT NULL UNIQUE REFERENCES payment_attempts (id),
        amount_cents integer NOT NULL,
        currency text NOT NULL,
        status text NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
        coupon_code text,
        provider_ref text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
    // Never two successful payments for one order, whatever path records them (reply or webhook).
    await sql`CREATE UNIQUE INDEX payments_one_success ON payments (order_id) WHERE status = 'SUCCEEDED'`.execute(db);
    await sql`
      CREATE TABLE refunds (
        payment_id uuid PRIMARY KEY REFERENCES payments (id),
        provider_ref text,
        amount_cents integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`
      CREATE TABLE webhook_events (
        id text PRIMARY KEY,
        type text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
  },
  async down(db) {
    for (const table of ['webhook_events', 'refunds', 'payments', 'payment_attempts', 'coupons', 'order_copies']) {
      await sql`DROP TABLE ${sql.table(table)}`.execute(db);
    }
  },
};
