#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// Output piped into a command that stops reading (| head) is not an error of cx-shop's.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
