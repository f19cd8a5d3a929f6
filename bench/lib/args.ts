/** Command-line options shared by `npm run bench` and `npm run drill`. */
export interface BenchArgs {
  quick: boolean;
  /** Suite names to run; empty = all. */
  only: string[];
  help: boolean;
}

export function parseBenchArgs(argv: readonly string[], known: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, only: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--quick") args.quick = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? argv[++i] : arg.slice("--only=".length);
      if (!value) throw new Error("--only needs a name, e.g. --only http");
      args.only.push(...value.split(",").filter(Boolean));
    } else {
      throw new Error(`unknown option '${arg}'; use --quick, --only NAME or --help`);
    }
  }
  const unknown = args.only.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown name '${unknown.join("', '")}' for --only; choose from: ${known.join(", ")}`,
    );
  }
  return args;
}
