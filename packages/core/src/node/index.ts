export {
  type FetchHandler,
  handleNode,
  type NodeAdapterOptions,
  type NodeRequest,
  sendResponse,
  toNodeListener,
  toRequest,
} from './node-adapter.js';
