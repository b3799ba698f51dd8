export {
  cookieJar,
  postGraphQL,
  type GraphQLEndpoint,
  type GraphQLResponse,
  type RequestOptions,
} from './graphql-client.js';
export { dropNamespace } from './drop-namespace.js';
export { testEnv } from './test-env.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
export { ACTOR_PASSWORD, eventually, listStuff, signUpActor, type Actor, type SessionAnswer } from './actors.js';
export { freePort, startTestInbox, tokenFromMail, type ReceivedMail, type TestInbox } from './test-inbox.js';
export {
  DECLINED_CARD,
  GOOD_CARD,
  THREE_D_SECURE_CARD,
  startStripeStandIn,
  type StandInCharge,
  type StripeStandIn,
} from './stripe-stand-in.js';
export { connectLive, disposeLiveClients, watch, type Watch } from './live-client.js';
export { startS3StandIn, type S3StandIn } from './s3-stand-in.js';
export { closeSockets, openRawSocket, type RawSocket } from './raw-sockets.js';
