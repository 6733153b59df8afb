import { runBaton } from './invoke.ts';

// The process around `baton`: its arguments, environment and terminal in, its exit code out.
void runBaton(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exitCode = code;
});
