import { openSubgraphRuntime, type RunningServer } from '@stuffmart/common';
import DataLoader from 'dataloader';
import type { AuthConfig } from './config.js';
import type { AuthDatabase, UserRow } from './data-access/auth-database.js';
import { authMigrations } from './data-access/migrations/index.js';
import { findUsersByIds } from './data-access/users.js';
import type { AuthDeps } from './domain/auth-deps.js';
import { hashPassword } from './domain/password.js';
import type { AuthContext } from './graphql/auth-context.js';
import { buildAuthSchema } from './graphql/build-auth-schema.js';
import { MailSender } from './jobs/mail-sender.js';
import { logTransport, smtpTransport } from './jobs/mail-transport.js';

export async function startAuth(config: AuthConfig, port = config.AUTH_PORT): Promise<RunningServer> {
  const runtime = await openSubgraphRuntime<AuthDatabase>({ name: 'auth', config, migrations: authMigrations });
  const { database, redis, logger } = runtime;
  const mailSender = new MailSender({
    db: database.db,
    transport: config.SMTP_URL
      ? smtpTransport(config.SMTP_URL, config.MAIL_FROM)
      : logTransport(logger, config.MAIL_FROM),
    jwtKey: config.JWT_KEY,
    publicUrl: config.PUBLIC_URL,
    logger: logger.child({ job: 'mail-sender' }),
  });
  const deps: AuthDeps = {
    db: database.db,
    redis,
    jwtKey: config.JWT_KEY,
    adminEmails: config.ADMIN_EMAILS,
    allowedEmailDomains: config.ALLOWED_EMAIL_DOMAINS,
    passwordLog2N: config.PASSWORD_SCRYPT_LOG2_N,
    signInLimits: {
      maxPerEmail: config.SIGN_IN_MAX_FAILURES_PER_EMAIL,
      maxPerAddress: config.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: config.SIGN_IN_LOCKOUT_SECONDS,
    },
    signUpMaxPerAddress: config.SIGN_UP_MAX_PER_ADDRESS,
    mailMaxPerRecipient: config.MAIL_MAX_PER_RECIPIENT,
    decoyPasswordHash: await hashPassword('decoy password never matches', config.PASSWORD_SCRYPT_LOG2_N),
    mail: mailSender,
  };
  mailSender.start();
  return runtime.serve<AuthContext>({
    schema: await buildAuthSchema(),
    port,
    host: config.BIND_HOST,
    alsoClose: () => mailSender.stop(),
    extendContext: (base) => ({
      ...base,
      deps,
      signedInNow: null,
      users: new DataLoader<string, UserRow | null>(async (ids) => {
        const rows = await findUsersByIds(database.db, ids);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    }),
  });
}
