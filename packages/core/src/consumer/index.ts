export { outboxBehind } from './consumer-lag.js';
export { createConsumer } from './create-consumer.js';
export type {
  Consumer,
  ConsumerLag,
  ConsumerOptions,
  Delivery,
  EffectHandler,
  PassResult,
  PassStatus,
  RetryResult,
  Scheduler,
} from './types.js';
