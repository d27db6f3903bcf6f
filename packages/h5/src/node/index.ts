export { type BuildSiteOptions, type BuiltSite, buildPosterModule, buildSite } from './build-site.js';
export { type PreviewOptions, type PreviewState, readPreviewState, startPreview } from './preview-server.js';
