/** The part of mapshaper's API that scripts/geo/regenerate.ts uses (the package ships no types; the script installs it for the run). */
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs command-line style commands on in-memory files; resolves to the output files by name. */
    applyCommands(commands: string, input: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
