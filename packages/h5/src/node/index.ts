export { type PreviewOptions, type PreviewState, readPreviewState, startPreview } from './preview-server.js';
