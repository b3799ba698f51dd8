import pg from 'pg';

const DUPLICATE_OBJECT = '42710';

/** The role a subgraph connects as: DATABASE_URL's user and password. */
function roleOf(serviceUrl: string): { role: string; password: string } {
  const url = new URL(serviceUrl);
  return { role: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

async function connect(url: string, database?: string): Promise<pg.Client> {
  const target = new URL(url);
  if (database) target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 5000 });
  // A dropped connection also fails the query in hand, which is what reports it.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Least privilege inside PostgreSQL, run with DATABASE_ADMIN_URL (a role that may create roles
 * and databases) at start: the subgraph's role (DATABASE_URL's user, with its password) exists
 * with LOGIN and nothing else, owns the subgraph's database and every table in it, and no other
 * role may connect there (CONNECT is revoked from PUBLIC). The subgraph then connects as that
 * role, so a query gone wrong in one subgraph cannot reach another's data or the server's roles.
 */
export async function ensureOwnDatabase(adminUrl: string, serviceUrl: string, name: string): Promise<void> {
  const { role, password } = roleOf(serviceUrl);
  const admin = await connect(adminUrl);
  try {
    const { rows: who } = await admin.query<{ user: string }>('SELECT current_user AS "user"');
    if (!role || role === who[0]?.user) {
      throw new Error(
        `DATABASE_URL must name the subgraph's own role, not DATABASE_ADMIN_URL's user (${role || 'none'})`,
      );
    }
    if (!password) throw new Error(`DATABASE_URL carries no password for role ${role}`);
    const quotedRole = admin.escapeIdentifier(role);
    const quotedName = admin.escapeIdentifier(name);
    // Replicas starting together would otherwise race on CREATE ROLE and ALTER ROLE, which
    // PostgreSQL answers with "tuple concurrently updated"; the lock ends with the session.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [`stuffmart role ${role}`]);

    const { rows: existing } = await admin.query<{ rolsuper: boolean; rolcreaterole: boolean }>(
      'SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = $1',
      [role],
    );
    const found = existing[0];
    if (found && (found.rolsuper || found.rolcreaterole)) {
      // Never demote a role someone else relies on; the operator picks another name.
      throw new Error(`role ${role} may create roles or is a superuser: give the subgraph a role of its own`);
    }
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${admin.escapeLiteral(password)}`;
    try {
      await admin.query(`${found ? 'ALTER' : 'CREATE'} ROLE ${quotedRole} WITH ${attributes}`);
    } catch (error) {
      // Another server sharing this PostgreSQL made it meanwhile; the password is the same.
      if ((error as { code?: string }).code !== DUPLICATE_OBJECT) throw error;
      await admin.query(`ALTER ROLE ${quotedRole} WITH ${attributes}`);
    }

    const { rows: databases } = await admin.query<{ owner: string }>(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [name],
    );
    const database = databases[0];
    if (!database) {
      await admin.query(`CREATE DATABASE ${quotedName} OWNER ${quotedRole}`);
    } else if (database.owner !== role) {
      // Made before the subgraph had a role of its own; while PUBLIC may still connect, the
      // admin (not always a superuser) can still reach in and hand the tables over. Tables
      // first: a start that dies in between finds the database still the admin's and redoes both.
      await handOverTables(adminUrl, name, role);
      await admin.query(`ALTER DATABASE ${quotedName} OWNER TO ${quotedRole}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${quotedName} FROM PUBLIC`);
  } finally {
    await admin.end();
  }
}

/** Tables made before the subgraph had a role of its own (by the admin user) become the role's. */
async function handOverTables(adminUrl: string, name: string, role: string): Promise<void> {
  const client = await connect(adminUrl, name);
  try {
    // Indexes and owned sequences follow their table.
    const { rows } = await client.query<{ statement: string }>(
      `SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, $1::text) AS statement
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
          AND pg_get_userbyid(c.relowner) <> $1`,
      [role],
    );
    for (const { statement } of rows) await client.query(statement);
  } finally {
    await client.end();
  }
}
