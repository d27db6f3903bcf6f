declare module 'virtual:liebian-preview-state' {
  /** Served by the preview server: the last valid campaign (raw JSON) and the file's current problem. */
  const state: { readonly file: string; readonly campaign: unknown; readonly error: string | null };
  export default state;
}
