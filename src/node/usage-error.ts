/** A command line the CLI cannot run: both sub-commands (build, publish) report it the same way. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
