export declare function appendForwardedFor(
  prior: string | string[] | undefined,
  peer: string | undefined,
): string | undefined;
