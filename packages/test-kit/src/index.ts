export { cookieJar, postGraphQL, type GraphQLResponse, type RequestOptions } from './graphql-client.js';
export { dropNamespace } from './drop-namespace.js';
export { startTestSystem, type TestSystem } from './start-test-system.js';
export { testEnv } from './test-env.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
