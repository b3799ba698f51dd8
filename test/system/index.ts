// The real system, started in-process for behaviour tests and benchmarks. It imports every
// service and the gateway, so it lives above them; the leaf helpers it builds on (graphql
// client, stand-ins, inbox) are in @stuffmart/test-kit.
export { startTestSystem, type TestSystem, type TestSystemOptions } from './start-test-system.js';
export { signUpAdmin } from './admin-actor.js';
