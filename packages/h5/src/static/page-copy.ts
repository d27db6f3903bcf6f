// The words of a built page. `liebian build` replaces this module with the page's own locale's copy (see
// `pageSpecific` in node/build-site.ts), so a page ships one dictionary, inlined, with no second request.
export { zhCN as copy } from '../copy/zh-cn.js';
