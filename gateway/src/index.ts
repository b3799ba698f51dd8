export { gatewayConfigSchema, type GatewayConfig } from './config.js';
export { startGateway } from './start-gateway.js';
