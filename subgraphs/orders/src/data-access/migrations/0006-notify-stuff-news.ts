import { sql, type Migration } from 'kysely';

/**
 * Every change to a stuff's copy is announced, with the stuff's id, on the channel `stuff_news`
 * when its transaction commits: a BUY that came before catalog's news of the stuff is woken
 * by it (in whichever replica) instead of looking on a timer.
 */
export const notifyStuffNews: Migration = {
  async up(db) {
    await sql`
      CREATE FUNCTION notify_stuff_news() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('stuff_news', NEW.id::text);
        RETURN NULL;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER stuff_copies_news AFTER INSERT OR UPDATE ON stuff_copies
      FOR EACH ROW EXECUTE FUNCTION notify_stuff_news()`.execute(db);
  },
  async down(db) {
    await sql`DROP TRIGGER stuff_copies_news ON stuff_copies`.execute(db);
    await sql`DROP FUNCTION notify_stuff_news()`.execute(db);
  },
};
