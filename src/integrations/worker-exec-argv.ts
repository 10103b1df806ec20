/** Options for the build's worker threads (the Traditional mirror's, the article downloads'). */

/**
 * This process's Node options for a thread, without --input-type: a build started with
 * `node --input-type=module -e …` (as tests/build does) would pass it on, and a thread, which runs
 * a file, refuses it.
 */
export function workerExecArgv(): string[] {
  const options: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const option = process.execArgv[i]!;
    if (option === "--input-type") i++;
    else if (!option.startsWith("--input-type=")) options.push(option);
  }
  return options;
}
