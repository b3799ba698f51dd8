import { sql, type Migration } from 'kysely';

/**
 * Every change to an order's copy or to its payment attempts is announced, with the order's id,
 * on the channel `order_news` when its transaction commits, whoever makes it (the consumer of
 * orders' events, a payOrder, a webhook) and in whichever replica: a payOrder waiting for the
 * hold, the completion or a concurrent attempt is woken by it instead of looking on a timer.
 */
export const notifyOrderNews: Migration = {
  async up(db) {
    await sql`
      CREATE FUNCTION notify_order_news() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('order_news', to_jsonb(NEW) ->> TG_ARGV[0]);
        RETURN NULL;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER order_copies_news AFTER INSERT OR UPDATE ON order_copies
      FOR EACH ROW EXECUTE FUNCTION notify_order_news('id')`.execute(db);
    await sql`
      CREATE TRIGGER payment_attempts_news AFTER INSERT OR UPDATE ON payment_attempts
      FOR EACH ROW EXECUTE FUNCTION notify_order_news('order_id')`.execute(db);
  },
  async down(db) {
    await sql`DROP TRIGGER payment_attempts_news ON payment_attempts`.execute(db);
    await sql`DROP TRIGGER order_copies_news ON order_copies`.execute(db);
    await sql`DROP FUNCTION notify_order_news()`.execute(db);
  },
};
