export { Notifications, type Subscribe } from './notifications.js';
export { noticeTopic, PostgresNotices } from './postgres-notices.js';
export { RedisNotices } from './redis-notices.js';
export { waitFor, type WaitForOptions } from './wait-for.js';
