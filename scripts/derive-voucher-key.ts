/**
 * `JWT_KEY=… npm run derive-voucher-key` prints the voucher key the gateway and auth derive from
 * JWT_KEY, for the subgraphs' VOUCHER_KEY when the gateway is not given one of its own.
 */
import { ConfigError, loadConfig, signingKeysConfigSchema, deriveInternalKey } from '@stuffmart/common';

try {
  const { JWT_KEY } = loadConfig(signingKeysConfigSchema);
  process.stdout.write(`${deriveInternalKey(JWT_KEY)}\n`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
